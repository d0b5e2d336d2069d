/**
 * The rows `npm run bench` measures inside a real n8n 2.40.7: ours vs the programmatic reference
 * vs the bare declarative node vs plain axios, on loopback and with SocialHub 50 ms away;
 * interleaved rounds; n8n's own executionTime, n8n process CPU per item, token calls per run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import axios from 'axios';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SocialHubSandbox } from '../sandbox/server';
import { axiosBurst } from './axios-burst';
import { installLikeThePanel, n8nVersion, packPackage } from '../e2e/n8n';
import { adjustPointsParameters, adjustmentsOf, createCredential, createWorkflow, idleCpuRate, installBenchPackage, root, runWorkflow, startBenchN8n, OPERATION_ID, type BenchN8n, type NodeUnderTest, type RunMeasure } from './n8n';

export const KINDS = ['ours', 'reference', 'bare'] as const;
export type Kind = (typeof KINDS)[number];
/** Kinds measured with one Operation ID for all items (ours refuses that, see below). */
export const STATIC_KINDS: Kind[] = ['reference', 'bare'];
export const LATENCIES = [0, 50] as const;

export const NODES: Record<Kind, NodeUnderTest> = {
	ours: { type: 'n8n-nodes-socialhub.socialHub', parameters: adjustPointsParameters },
	reference: {
		type: 'n8n-nodes-socialhub-bench-reference.socialHubReference',
		parameters: { ...adjustPointsParameters, resource: undefined, operation: undefined },
	},
	bare: { type: 'n8n-nodes-socialhub-bench-bare.socialHubBare', parameters: { operationId: OPERATION_ID } },
};

export interface KindMeasures {
	rounds: RunMeasure[];
	cold?: RunMeasure;
	coldTokenCalls?: number;
	warmTokenCalls: number[];
}

export interface RealN8nResults {
	n8nVersion: string;
	items: number;
	rounds: number;
	startSeconds: number;
	/** n8n's idle CPU, ms per s: subtracted from each run's CPU (rate × the run's wall time). */
	idleCpuMsPerSecond: number;
	/** latency → kind → measures */
	byLatency: Record<number, Record<Kind, KindMeasures>>;
	/** Loopback runs with a static Operation ID (no per-item expression), interleaved with the others. */
	staticId: Record<Kind, RunMeasure[]>;
	axiosMs: Record<number, number[]>;
	failures: string[];
}

export async function benchInRealN8n(options: {
	items: number;
	rounds: number;
	port: number;
	log: (line: string) => void;
	/** More measures in the same n8n after the rounds, before it stops. */
	then?: (n8n: BenchN8n) => Promise<void>;
}): Promise<RealN8nResults> {
	const { items, rounds, port, log } = options;
	const failures: string[] = [];
	const userFolder = mkdtempSync(join(tmpdir(), 'socialhub-bench-n8n-'));
	// One sandbox per node kind and latency: each credential's token exchange is then its own.
	const sandboxes = new Map<string, SocialHubSandbox>();
	let n8n: BenchN8n | undefined;
	const started = performance.now();
	try {
		const tarball = packPackage();
		installLikeThePanel(userFolder, tarball);
		rmSync(tarball);
		installBenchPackage(userFolder, join(root, 'bench/reference'));
		installBenchPackage(userFolder, join(root, 'bench/bare'));
		for (const latencyMs of LATENCIES) {
			for (const kind of [...KINDS, 'axios']) {
				const sandbox = new SocialHubSandbox({ latencyMs });
				await sandbox.start(0);
				sandboxes.set(`${kind}@${latencyMs}`, sandbox);
			}
		}
		n8n = await startBenchN8n(userFolder, port, join(userFolder, 'n8n.log'));
		const startSeconds = (performance.now() - started) / 1000;
		log(`  n8n ${n8nVersion()} ready after ${startSeconds.toFixed(0)} s (pid ${n8n.pid}, port ${port})`);

		const idleCpuMsPerSecond = await idleCpuRate(n8n);
		log(`  n8n idle CPU: ${idleCpuMsPerSecond.toFixed(1)} ms per s`);
		const workflows: Record<string, string> = {};
		const byLatency: RealN8nResults['byLatency'] = {};
		const axiosMs: Record<number, number[]> = {};
		for (const latencyMs of LATENCIES) {
			byLatency[latencyMs] = {} as Record<Kind, KindMeasures>;
			axiosMs[latencyMs] = [];
			for (const kind of KINDS) {
				const sandbox = sandboxes.get(`${kind}@${latencyMs}`)!;
				// The reference's cold run at 50 ms would only add 25 s of sequential waiting: its
				// credential starts with a stored token. Every other credential starts empty (cold).
				const preset = kind === 'reference' && latencyMs > 0 ? await tokenFrom(sandbox) : undefined;
				const credential = await createCredential(n8n.rest, `${kind} ${latencyMs} ms`, sandbox.url, preset);
				workflows[`${kind}@${latencyMs}`] = await createWorkflow(n8n.rest, `bench ${kind} ${latencyMs} ms`, NODES[kind], credential, items);
				byLatency[latencyMs][kind] = { rounds: [], warmTokenCalls: [] };
			}
		}

		// Static Operation ID: same credential as the loopback runs; SocialHub answers repeats as duplicates.
		// Ours refuses the same Operation ID on two items of one run before sending (issue 10), so it
		// has no static row: its per-item cost without the expression is what the bare node shows.
		const staticId = {} as Record<Kind, RunMeasure[]>;
		for (const kind of STATIC_KINDS) {
			const node = { ...NODES[kind], parameters: { ...NODES[kind].parameters, operationId: 'static-operation-id' } };
			const credential = await createCredential(n8n.rest, `${kind} static`, sandboxes.get(`${kind}@0`)!.url, await tokenFrom(sandboxes.get(`${kind}@0`)!));
			workflows[`${kind}@static`] = await createWorkflow(n8n.rest, `bench ${kind} static id`, node, credential, items);
			staticId[kind] = [];
		}

		const check = (kind: Kind, latencyMs: number, run: RunMeasure) => {
			const sandbox = sandboxes.get(`${kind}@${latencyMs}`)!;
			const received = adjustmentsOf(sandbox, run.executionId);
			if (run.status !== 'success' || run.outputItems.length !== items || received !== items) {
				failures.push(`${kind} at ${latencyMs} ms: ${run.status}, ${run.outputItems.length} items out, ${received} adjustments received${run.error ? ` (${run.error})` : ''}`);
			}
		};
		const measured = async (kind: Kind, latencyMs: number) => {
			const sandbox = sandboxes.get(`${kind}@${latencyMs}`)!;
			const tokenCallsBefore = sandbox.tokenCalls;
			const run = await runWorkflow(n8n!, workflows[`${kind}@${latencyMs}`]);
			run.cpuMs -= (idleCpuMsPerSecond * run.wallMs) / 1000;
			check(kind, latencyMs, run);
			return { run, tokenCalls: sandbox.tokenCalls - tokenCallsBefore };
		};

		// One warm-up run per kind loads its code; the cold runs then measure only the empty token.
		const warmUpSandbox = sandboxes.get('axios@0')!;
		const warmUpCredential = await createCredential(n8n.rest, 'warm-up', warmUpSandbox.url, await tokenFrom(warmUpSandbox));
		for (const kind of KINDS) {
			const warmUp = await runWorkflow(n8n, await createWorkflow(n8n.rest, `warm-up ${kind}`, NODES[kind], warmUpCredential, items));
			if (warmUp.status !== 'success') failures.push(`warm-up ${kind}: ${warmUp.status} ${warmUp.error ?? ''}`);
		}

		// Cold runs: the credential's stored token is empty, as on a first run.
		for (const latencyMs of LATENCIES) {
			for (const kind of KINDS) {
				if (kind === 'reference' && latencyMs > 0) continue;
				const { run, tokenCalls } = await measured(kind, latencyMs);
				Object.assign(byLatency[latencyMs][kind], { cold: run, coldTokenCalls: tokenCalls });
				log(`  cold ${kind} @ ${latencyMs} ms: node ${(run.nodeMs / 1000).toFixed(2)} s, ${tokenCalls} token calls`);
			}
		}

		for (const latencyMs of LATENCIES) {
			const axiosSandbox = sandboxes.get(`axios@${latencyMs}`)!;
			const token = await tokenFrom(axiosSandbox);
			for (let round = 0; round < rounds; round++) {
				for (const kind of KINDS) {
					const { run, tokenCalls } = await measured(kind, latencyMs);
					byLatency[latencyMs][kind].rounds.push(run);
					byLatency[latencyMs][kind].warmTokenCalls.push(tokenCalls);
					log(`  round ${round + 1} ${kind} @ ${latencyMs} ms: node ${(run.nodeMs / 1000).toFixed(2)} s, CPU ${(run.cpuMs / items).toFixed(2)} ms/item`);
				}
				if (latencyMs === 0) {
					for (const kind of STATIC_KINDS) {
						const run = await runWorkflow(n8n, workflows[`${kind}@static`]);
						run.cpuMs -= (idleCpuMsPerSecond * run.wallMs) / 1000;
						if (run.status !== 'success' || run.outputItems.length !== items) failures.push(`${kind} with a static id: ${run.status}`);
						staticId[kind].push(run);
					}
				}
				const burst = await axiosBurst(axiosSandbox.url, token, `axios-${round}`, items);
				axiosMs[latencyMs].push(burst.ms);
				if (!burst.ok) failures.push(`axios at ${latencyMs} ms: a request failed`);
			}
		}

		await options.then?.(n8n);
		return { n8nVersion: n8nVersion(), items, rounds, startSeconds, idleCpuMsPerSecond, byLatency, staticId, axiosMs, failures };
	} finally {
		await n8n?.stop();
		for (const sandbox of sandboxes.values()) await sandbox.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

export async function tokenFrom(sandbox: SocialHubSandbox): Promise<string> {
	const response = await axios.post(`${sandbox.url}/v1/auth/token`, { appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
	return (response.data as { data: { accessToken: string } }).data.accessToken;
}
