/**
 * The rows of `npm run bench` for large runs against SocialHub's limits, in the real n8n after the
 * other rows: `items` adjustments through our node against a sandbox that takes 10 requests at a
 * time and answers 50 ms late, and against one that takes 200 per second on loopback; beyond
 * either it answers HTTP 429 with Retry-After. Each limit has its own sandbox, so the node meets a
 * tenant new to this n8n process (its flow control starts cold), and a credential with a stored token.
 */
import { SocialHubSandbox, type SandboxOptions } from '../sandbox/server';
import { createCredential, createWorkflow, runWorkflow, type BenchN8n, type RunMeasure } from './n8n';
import { NODES, tokenFrom } from './real';
import { sampleProcess, type ProcessPeaks } from './sampler';

export interface ScaleLimit {
	/** The bench table's column: 0 loopback, 50 SocialHub 50 ms away. */
	latencyMs: number;
	label: string;
	sandbox: SandboxOptions;
	/** The least time the limit allows for `items` requests, ms. */
	minimumMs: (items: number) => number;
}

const AT_A_TIME = 10;
const PER_SECOND = 200;

export const SCALE_LIMITS: ScaleLimit[] = [
	{ latencyMs: 0, label: `${PER_SECOND} requests per second (fixed one-second windows)`, sandbox: { rateLimit: PER_SECOND }, minimumMs: (items) => (items / PER_SECOND) * 1000 },
	{ latencyMs: 50, label: `${AT_A_TIME} requests at a time`, sandbox: { latencyMs: 50, maxConcurrent: AT_A_TIME }, minimumMs: (items) => (items * 50) / AT_A_TIME },
];

export interface ScaleRun {
	limit: ScaleLimit;
	items: number;
	minimumMs: number;
	/** From the first request's arrival to the last accepted one's answer (its arrival + the sandbox's latency), ms. */
	spanMs: number;
	/** From asking n8n to run to the first request reaching SocialHub, ms: n8n prepares every item first. */
	firstRequestMs: number;
	nodeMs: number;
	/** Adjustment requests SocialHub received, throttled ones included. */
	requests: number;
	throttled: number;
	applied: number;
	appliedMoreThanOnce: number;
	peaks: ProcessPeaks;
	failure?: string;
}

/** Runs `items` adjustments against each limit in turn. */
export async function benchScale(n8n: BenchN8n, items: number, log: (line: string) => void): Promise<ScaleRun[]> {
	const runs: ScaleRun[] = [];
	for (const limit of SCALE_LIMITS) runs.push(await againstLimit(n8n, limit, items, log));
	return runs;
}

async function againstLimit(n8n: BenchN8n, limit: ScaleLimit, items: number, log: (line: string) => void): Promise<ScaleRun> {
	const sandbox = new SocialHubSandbox(limit.sandbox);
	await sandbox.start(0);
	try {
		const credential = await createCredential(n8n.rest, `scale ${limit.label}`, sandbox.url, await tokenFrom(sandbox));
		const workflowId = await createWorkflow(n8n.rest, `bench ${items} against ${limit.label}`, NODES.ours, credential, items);
		sandbox.clearRequests();
		const minimumMs = limit.minimumMs(items);
		const timeoutMs = Math.max(120_000, 10 * minimumMs);
		const stopSampling = sampleProcess(n8n.pid, Number(new URL(sandbox.url).port));
		const asked = Date.now();
		const outcome = await Promise.race([
			runWorkflow(n8n, workflowId).catch((error: Error) => error),
			new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs).unref()),
		]);
		const run = outcome instanceof Error ? undefined : outcome;
		const peaks = stopSampling();
		const adjustments = sandbox.apiRequests('/v1/points/adjustment');
		const first = Math.min(...adjustments.map((request) => request.at));
		const lastAccepted = Math.max(...adjustments.filter((request) => !request.throttled).map((request) => request.at));
		const stats = sandbox.stats();
		const measured: ScaleRun = {
			limit, items, minimumMs, peaks,
			spanMs: lastAccepted + sandbox.options.latencyMs - first,
			firstRequestMs: first - asked,
			nodeMs: run?.nodeMs ?? NaN,
			requests: adjustments.length,
			throttled: stats.throttled,
			applied: stats.applied,
			appliedMoreThanOnce: stats.appliedMoreThanOnce,
		};
		measured.failure = failureOf(outcome, measured, timeoutMs);
		log(
			`  ${items} against ${limit.label}${limit.latencyMs ? `, ${limit.latencyMs} ms away` : ''}: ` +
				`first request → last answer ${seconds(measured.spanMs)} (minimum ${seconds(minimumMs)}), node ${seconds(measured.nodeMs)}, ` +
				`${measured.requests} requests (${measured.throttled} throttled), ${measured.applied} applied, ` +
				`peak ${peaks.sockets} sockets, RSS ${megabytes(peaks.rssBytes)}; ${peaks.samples} samples of ${peaks.sampleMs.toFixed(1)} ms` +
				(measured.failure ? `; FAILED: ${measured.failure}` : ''),
		);
		return measured;
	} finally {
		await sandbox.stop();
	}
}

function failureOf(run: RunMeasure | Error | undefined, measured: ScaleRun, timeoutMs: number): string | undefined {
	if (!run) return `the run did not finish within ${seconds(timeoutMs)}`;
	if (run instanceof Error) return run.message;
	if (run.status !== 'success' || run.outputItems.length !== measured.items) {
		return `${run.status}, ${run.outputItems.length} items out${run.error ? ` (${run.error})` : ''}`;
	}
	if (measured.applied !== measured.items || measured.appliedMoreThanOnce !== 0) {
		return `${measured.applied} of ${measured.items} Operation IDs applied, ${measured.appliedMoreThanOnce} more than once`;
	}
	return undefined;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/** The fraction of the limit's throughput the run reached: the limit's minimum time ÷ the time measured. */
export const shareOf = (run: ScaleRun) => run.minimumMs / run.spanMs;

/**
 * The bench table's rows (measure | loopback | 50 ms away | goal): `runs` as measured, or one row
 * saying why they were not.
 */
export function scaleRows(items: number, runs: ScaleRun[] | string): string[] {
	const title = `${items} adjustments against a limit — loopback: ${SCALE_LIMITS[0].label}; 50 ms away: ${SCALE_LIMITS[1].label}; beyond it HTTP 429 + Retry-After`;
	if (typeof runs === 'string') return [`| ${title} | ${runs} | ${runs} | |`];
	const at = (latencyMs: number) => runs.find((run) => run.limit.latencyMs === latencyMs);
	const row = (measure: string, cell: (run: ScaleRun) => string, goal = '') =>
		`| ${measure} | ${[0, 50].map((latencyMs) => { const run = at(latencyMs); return run ? cell(run) : 'not run'; }).join(' | ')} | ${goal} |`;
	const goal = (name: string, ok: (run: ScaleRun) => boolean) =>
		`${name}: ${runs.map((run) => `${run.limit.latencyMs ? '50 ms' : 'loopback'} ${run.failure ? 'FAILED' : ok(run) ? 'met' : 'missed'}`).join(', ')}`;
	return [
		row(`${title}: first request → last answer (the limit's minimum)`, (run) => `${run.failure ? 'FAILED: ' : ''}${seconds(run.spanMs)} (${seconds(run.minimumMs)})`),
		row(`same: share of the limit's throughput (its minimum ÷ measured)`, (run) => shareOf(run).toFixed(2), goal('≥ 0.90', (run) => shareOf(run) >= 0.9)),
		row(`same: node executionTime (n8n prepares all ${items} items before the first request leaves; the first reached SocialHub after)`, (run) => `${seconds(run.nodeMs)} (first request +${seconds(run.firstRequestMs)})`),
		row('same: requests per item (throttled answers)', (run) => `${(run.requests / run.items).toFixed(3)} (${run.throttled} throttled)`),
		row(
			'same: Operation IDs applied / items (applied more than once)',
			(run) => `${run.applied} / ${run.items} (${run.appliedMoreThanOnce})${run.failure ? ` FAILED: ${run.failure}` : ''}`,
			goal('each once', () => true),
		),
		row('same: peak sockets of the n8n process to SocialHub', (run) => String(run.peaks.sockets), goal('≤ 512', (run) => run.peaks.sockets <= 512)),
		row('same: n8n process peak RSS (growth during the run)', (run) => `${megabytes(run.peaks.rssBytes)} (+${megabytes(run.peaks.rssBytes - run.peaks.rssStartBytes)})`),
	];
}
