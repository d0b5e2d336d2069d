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
import { keysOf } from '../nodes/SocialHub/transport/baseUrl';

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
	/** Starts a workflow as the editor does, with this connection's push reference. */
	run(workflowId: string): Promise<string>;
	/** Resolves when n8n pushes `executionFinished` for the execution. */
	finished(executionId: string): Promise<void>;
	stop(): Promise<void>;
}

const PUSH_REF = 'socialhub-bench';

/**
 * The editor learns that a run finished from n8n's push channel (server-sent events here). Polling
 * the REST API instead costs n8n 15-20 ms of CPU per request, which would distort every number.
 */
async function openPush(url: string, cookie: string) {
	const finished = new Set<string>();
	const waiting = new Map<string, () => void>();
	const response = await fetch(`${url}/rest/push?pushRef=${PUSH_REF}`, {
		headers: { Cookie: cookie, Origin: url, Accept: 'text/event-stream' },
	});
	if (!response.ok || !response.body) throw new Error(`n8n's push channel answered HTTP ${response.status}`);
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	void (async () => {
		for (;;) {
			const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
			if (done) return;
			buffer += decoder.decode(value, { stream: true });
			let end: number;
			while ((end = buffer.indexOf('\n\n')) !== -1) {
				const event = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const data = event.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5)).join('\n');
				if (!data.includes('executionFinished')) continue;
				const message = JSON.parse(data) as { type: string; data?: { executionId?: string } };
				const id = message.data?.executionId;
				if (message.type !== 'executionFinished' || !id) continue;
				finished.add(id);
				waiting.get(id)?.();
			}
		}
	})();
	return {
		finished: (executionId: string) =>
			new Promise<void>((resolve) => {
				if (finished.has(executionId)) return resolve();
				waiting.set(executionId, resolve);
			}),
		close: () => void reader.cancel().catch(() => undefined),
	};
}

/** Starts `n8n start` (optionally with extra Node flags, e.g. --inspect) and signs the owner in. */
export async function startBenchN8n(userFolder: string, port: number, logFile: string, nodeFlags: string[] = []): Promise<BenchN8n> {
	const url = `http://127.0.0.1:${port}`;
	const alreadyThere = await fetch(`${url}/healthz`).then(() => true, () => false);
	if (alreadyThere) throw new Error(`something already listens on port ${port}; stop it or set BENCH_N8N_PORT`);
	const log = createWriteStream(logFile);
	const env = { ...n8nEnvironment(userFolder, port), N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn', N8N_PUSH_BACKEND: 'sse', N8N_METRICS: 'true' };
	const child = spawn(NODE24, [...nodeFlags, N8N_BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.pipe(log);
	child.stderr.pipe(log);
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
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: EMAIL, password: PASSWORD }),
	});
	const cookie = /n8n-auth=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
	const push = await openPush(url, cookie);
	return {
		url,
		pid: child.pid!,
		process: child,
		rest,
		run: async (workflowId: string) => {
			const response = await fetch(`${url}/rest/workflows/${workflowId}/run`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Cookie: cookie, 'push-ref': PUSH_REF },
				body: JSON.stringify({ triggerToStartFrom: { name: 'Start' } }),
			});
			const text = await response.text();
			const executionId = (JSON.parse(text) as { data?: { executionId?: string } }).data?.executionId;
			if (!executionId) throw new Error(`the run did not start: HTTP ${response.status} ${text.slice(0, 500)}`);
			return executionId;
		},
		finished: push.finished,
		stop: () =>
			new Promise<void>((resolve) => {
				push.close();
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
			}),
	};
}

export async function createCredential(rest: N8nRest, name: string, baseUrl: string, accessToken?: string): Promise<{ id: string; name: string }> {
	const data: Record<string, string> = { baseUrl, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET };
	// A preset token is stored with the fingerprint of the keys it was issued for, as n8n stores one
	// the node obtained; without it the node would not send it (issue 10: a token never outlives its keys).
	if (accessToken) Object.assign(data, { accessToken, tokenFingerprint: keysOf(data).fingerprint });
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
	credential: { id: string; name: string } | undefined,
	inputItems: number | Array<Record<string, unknown>>,
): Promise<string> {
	const pinned = typeof inputItems === 'number' ? Array.from({ length: inputItems }, (_, i) => ({ i })) : inputItems;
	const created = await rest.call<{ id: string }>('POST', '/rest/workflows', {
		name,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'node', name: NODE_NAME, type: node.type, typeVersion: 1, position: [220, 0], parameters: node.parameters,
				...(credential ? { credentials: { socialHubApi: credential } } : {}),
			},
		],
		connections: { Start: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } },
		pinData: { Start: pinned.map((json) => ({ json })) },
		settings: { timezone: 'UTC', executionOrder: 'v1' },
	});
	if (created.status !== 200) throw new Error(`workflow ${name}: HTTP ${created.status} ${JSON.stringify(created.data).slice(0, 500)}`);
	return created.data.id;
}

/** n8n's CPU use while idle (timers, broker, push heartbeats), in ms of CPU per s of wall time. */
export async function idleCpuRate(n8n: BenchN8n, seconds = 4): Promise<number> {
	const cpuBefore = processCpuMs(n8n.pid);
	const started = performance.now();
	await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
	return ((processCpuMs(n8n.pid) - cpuBefore) * 1000) / (performance.now() - started);
}

/**
 * How many expressions n8n has evaluated so far: the count of its expression engine's
 * evaluation-duration histogram on /metrics (the `vm` engine's observability, on by default).
 */
export async function expressionEvaluations(n8n: BenchN8n): Promise<{ count: number; ms: number }> {
	const text = await (await fetch(`${n8n.url}/metrics`)).text();
	const total = (suffix: string) =>
		[...text.matchAll(new RegExp(`^\\w*expression_evaluation_duration_seconds_${suffix}(?:\\{[^}]*\\})? ([\\d.e+-]+)`, 'gm'))].reduce((sum, match) => sum + Number(match[1]), 0);
	return { count: total('count'), ms: total('sum') * 1000 };
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
	/** Expressions n8n evaluated during the run (all nodes; the trigger has none). */
	evaluations: number;
	/** Time n8n's expression engine spent in those evaluations, ms. */
	evaluationMs: number;
	/** Peak RSS of the n8n process during the run minus RSS before it, bytes (when sampled). */
	rssGrowth: number;
	outputItems: Array<{ json: Record<string, unknown> }>;
	error?: string;
}

/** Runs a saved workflow as the editor does (POST /rest/workflows/:id/run) and waits for it. */
export async function runWorkflow(
	n8n: BenchN8n,
	workflowId: string,
	sampleMemory = false,
	/** Called as soon as n8n reports the run finished (e.g. to stop a profiler). */
	onFinished?: () => Promise<void>,
): Promise<RunMeasure> {
	const evaluationsBefore = await expressionEvaluations(n8n);
	const rssBefore = processRssBytes(n8n.pid);
	let rssPeak = rssBefore;
	const sampler = sampleMemory ? setInterval(() => (rssPeak = Math.max(rssPeak, processRssBytes(n8n.pid))), 5) : undefined;
	const cpuBefore = processCpuMs(n8n.pid);
	const started = performance.now();
	const executionId = await n8n.run(workflowId);
	await n8n.finished(executionId);
	const wallMs = performance.now() - started;
	const cpuMs = processCpuMs(n8n.pid) - cpuBefore;
	await onFinished?.();
	const evaluationsAfter = await expressionEvaluations(n8n);
	const evaluations = evaluationsAfter.count - evaluationsBefore.count;
	const evaluationMs = evaluationsAfter.ms - evaluationsBefore.ms;
	if (sampler) clearInterval(sampler);
	rssPeak = Math.max(rssPeak, processRssBytes(n8n.pid));
	const read = () => n8n.rest.call<{ status: string; data?: string | object }>('GET', `/rest/executions/${executionId}`);
	let saved = await read();
	// The push may come a moment before the saved execution reads back as finished; under load
	// n8n may also answer 503 for a while ("Database is not ready") after a large run.
	for (let attempt = 0; (saved.status !== 200 || ['new', 'running'].includes(saved.data.status)) && attempt < 100; attempt++) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		saved = await read();
	}
	if (saved.status !== 200 || !saved.data.data) throw new Error(`execution ${executionId} could not be read back: HTTP ${saved.status} ${JSON.stringify(saved.data).slice(0, 300)}`);
	const execution = saved.data;
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
		evaluations,
		evaluationMs,
		rssGrowth: rssPeak - rssBefore,
		outputItems: task?.data?.main[0] ?? [],
		error: data.resultData.error?.message ?? task?.error?.message,
	};
}

/**
 * Checks what SocialHub received in one run: one adjustment per item, ids from this execution.
 * Only requests with a token SocialHub issued count: in a cold run n8n sends the reference's and
 * the bare node's first requests without one, and after the 401 sends them again.
 */
export function adjustmentsOf(sandbox: SocialHubSandbox, executionId: string): number {
	const issued = new Set(sandbox.issuedTokens);
	return sandbox
		.apiRequests('/v1/points/adjustment')
		.filter((request) => issued.has(request.authorization ?? ''))
		.filter((request) => String((request.body as { operationId?: string } | undefined)?.operationId ?? '').startsWith(`${executionId}-`)).length;
}
