/**
 * The benchmark's real-n8n half: a real n8n 2.40.7 (the e2e install, Node 24) with our package
 * installed the way the community nodes panel installs it, next to two benchmark-only packages
 * from bench/ (a programmatic reference node and the bare one-field declarative node). Workflows
 * run through n8n's REST API as the editor runs them (manual mode, pinned trigger items); the
 * node's time is n8n's own `executionTime` from the saved execution, CPU is the n8n process's
 * utime + stime from /proc during the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, type SocialHubSandbox } from '../sandbox/server';
import { N8N_BIN, NODE24, N8nRest, n8nEnvironment } from '../e2e/n8n';

export const root = join(__dirname, '..');
const flatted = require(join(root, 'e2e/n8n/node_modules/flatted/cjs/index.js')) as { parse: (text: string) => unknown };

const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux
const EMAIL = 'owner@socialhub.bench';
const PASSWORD = 'Bench-Passw0rd!';

/**
 * Copies a benchmark package from bench/<name> into n8n's community nodes folder, transpiling its
 * TypeScript: these packages have no dependencies, so the panel's `npm install` step is a no-op.
 */
export function installBenchPackage(userFolder: string, sourceDir: string): string {
	const manifest = JSON.parse(readFileSync(join(sourceDir, 'package.json'), 'utf8')) as { name: string; version: string };
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', manifest.name);
	mkdirSync(target, { recursive: true });
	cpSync(join(sourceDir, 'package.json'), join(target, 'package.json'));
	const copy = (from: string, to: string) => {
		mkdirSync(to, { recursive: true });
		for (const entry of readdirSync(from, { withFileTypes: true })) {
			if (entry.isDirectory()) copy(join(from, entry.name), join(to, entry.name));
			else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
				const { outputText } = ts.transpileModule(readFileSync(join(from, entry.name), 'utf8'), {
					compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
				});
				writeFileSync(join(to, entry.name.replace(/\.ts$/, '.js')), outputText);
			}
		}
	};
	copy(join(sourceDir, 'nodes'), join(target, 'nodes'));
	registerInstalled(userFolder, manifest.name, manifest.version);
	return manifest.name;
}

/** Records a package in <user folder>/.n8n/nodes/package.json, as the panel does. */
export function registerInstalled(userFolder: string, name: string, version: string): void {
	const manifestPath = join(userFolder, '.n8n', 'nodes', 'package.json');
	const manifest = existsSync(manifestPath)
		? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { dependencies?: Record<string, string> })
		: { name: 'installed-nodes', private: true, dependencies: {} };
	manifest.dependencies = { ...manifest.dependencies, [name]: version };
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
}

/** CPU time (user + system) the process has used so far, in ms. */
export function processCpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

export function processRssBytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

export interface BenchN8n {
	url: string;
	pid: number;
	process: ChildProcess;
	rest: N8nRest;
	stop(): Promise<void>;
}

/** Starts `n8n start` (optionally with extra Node flags, e.g. --inspect) and signs the owner in. */
export async function startBenchN8n(userFolder: string, port: number, logFile: string, nodeFlags: string[] = []): Promise<BenchN8n> {
	const log = createWriteStream(logFile);
	const env = { ...n8nEnvironment(userFolder, port), N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn' };
	const child = spawn(NODE24, [...nodeFlags, N8N_BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.pipe(log);
	child.stderr.pipe(log);
	const url = `http://127.0.0.1:${port}`;
	let exited: number | null = null;
	child.once('exit', (code) => (exited = code ?? -1));
	const deadline = Date.now() + 180_000;
	for (;;) {
		if (exited !== null) throw new Error(`n8n exited with code ${exited}; see ${logFile}`);
		if (Date.now() > deadline) throw new Error(`n8n was not ready after 180 s; see ${logFile}`);
		try {
			// Readiness first: before it, n8n answers every path with "n8n is starting up".
			if ((await fetch(`${url}/healthz/readiness`)).ok && (await fetch(`${url}/rest/settings`)).ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	const rest = new N8nRest(url);
	await rest.setUpOwner(EMAIL, PASSWORD);
	return {
		url,
		pid: child.pid!,
		process: child,
		rest,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
			}),
	};
}

export async function createCredential(rest: N8nRest, name: string, baseUrl: string, accessToken?: string): Promise<{ id: string; name: string }> {
	const data: Record<string, string> = { baseUrl, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET };
	if (accessToken) data.accessToken = accessToken;
	const created = await rest.call<{ id: string }>('POST', '/rest/credentials', { name, type: 'socialHubApi', data });
	if (created.status !== 200) throw new Error(`credential ${name}: HTTP ${created.status} ${JSON.stringify(created.data)}`);
	return { id: created.data.id, name };
}

export const NODE_NAME = 'Node under test';
/** The same per-item expression in every workflow; the execution id keeps every run's ids new. */
export const OPERATION_ID = '={{ $execution.id + "-" + $json.i }}';

export interface NodeUnderTest {
	type: string;
	parameters: Record<string, unknown>;
}

export const adjustPointsParameters = {
	resource: 'points', operation: 'adjustPoints', accountType: 2, accountCode: 'M0001', operationId: OPERATION_ID,
	operationType: 6, pointValue: 1, effectiveEndTime: '2027-12-31T00:00:00', upgradeTierFlag: 0,
};

export async function createWorkflow(
	rest: N8nRest,
	name: string,
	node: NodeUnderTest,
	credential: { id: string; name: string },
	inputItems: number,
): Promise<string> {
	const created = await rest.call<{ id: string }>('POST', '/rest/workflows', {
		name,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'node', name: NODE_NAME, type: node.type, typeVersion: 1, position: [220, 0], parameters: node.parameters,
				credentials: { socialHubApi: credential },
			},
		],
		connections: { Start: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } },
		pinData: { Start: Array.from({ length: inputItems }, (_, i) => ({ json: { i } })) },
		settings: { timezone: 'UTC', executionOrder: 'v1' },
	});
	if (created.status !== 200) throw new Error(`workflow ${name}: HTTP ${created.status} ${JSON.stringify(created.data).slice(0, 500)}`);
	return created.data.id;
}

export interface RunMeasure {
	executionId: string;
	status: string;
	/** n8n's own executionTime of the node under test, ms. */
	nodeMs: number;
	/** From the run request to n8n reporting the execution finished, ms. */
	wallMs: number;
	/** n8n process CPU (user + system) over the same span, ms. */
	cpuMs: number;
	/** Peak RSS of the n8n process during the run minus RSS before it, bytes (when sampled). */
	rssGrowth: number;
	outputItems: Array<{ json: Record<string, unknown> }>;
	error?: string;
}

/** Runs a saved workflow as the editor does (POST /rest/workflows/:id/run) and waits for it. */
export async function runWorkflow(n8n: BenchN8n, workflowId: string, sampleMemory = false): Promise<RunMeasure> {
	const rssBefore = processRssBytes(n8n.pid);
	let rssPeak = rssBefore;
	const sampler = sampleMemory ? setInterval(() => (rssPeak = Math.max(rssPeak, processRssBytes(n8n.pid))), 5) : undefined;
	const cpuBefore = processCpuMs(n8n.pid);
	const started = performance.now();
	const run = await n8n.rest.call<{ executionId?: string }>('POST', `/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: 'Start' } });
	const executionId = run.data.executionId;
	if (!executionId) throw new Error(`the run did not start: HTTP ${run.status} ${JSON.stringify(run.data).slice(0, 500)}`);
	let execution: { status: string; data?: string | object } | undefined;
	for (;;) {
		await new Promise((resolve) => setTimeout(resolve, 50));
		const polled = await n8n.rest.call<{ status: string; data?: string }>('GET', `/rest/executions/${executionId}`);
		if (polled.status === 200 && !['new', 'running', 'waiting'].includes(polled.data.status)) {
			execution = polled.data;
			break;
		}
	}
	const wallMs = performance.now() - started;
	const cpuMs = processCpuMs(n8n.pid) - cpuBefore;
	if (sampler) clearInterval(sampler);
	rssPeak = Math.max(rssPeak, processRssBytes(n8n.pid));
	const data = (typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data) as {
		resultData: {
			error?: { message?: string };
			runData: Record<string, Array<{ executionTime: number; error?: { message?: string }; data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>;
		};
	};
	const task = data.resultData.runData[NODE_NAME]?.[0];
	return {
		executionId,
		status: execution.status,
		nodeMs: task?.executionTime ?? NaN,
		wallMs,
		cpuMs,
		rssGrowth: rssPeak - rssBefore,
		outputItems: task?.data?.main[0] ?? [],
		error: data.resultData.error?.message ?? task?.error?.message,
	};
}

/** Checks what SocialHub received in one run: one adjustment per item, ids from this execution. */
export function adjustmentsOf(sandbox: SocialHubSandbox, executionId: string): number {
	return sandbox
		.apiRequests('/v1/points/adjustment')
		.filter((request) => String((request.body as { operationId?: string } | undefined)?.operationId ?? '').startsWith(`${executionId}-`)).length;
}
