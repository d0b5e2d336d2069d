/**
 * `npm run bench`: the node's cost per item, measured in one run on this machine: in a real n8n
 * 2.40.7 against a programmatic reference node, n8n's bare declarative floor and plain axios (see
 * scripts/bench-real.ts), and in-process through n8n-core (token calls, Return All, Batching).
 * Prints one table; exits non-zero only when something failed, not when a goal is missed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import axios from 'axios';
import type { ICredentialType, IDataObject, INodeType } from 'n8n-workflow';

import { SocialHubEngine } from '../harness/engine';
import { benchInRealN8n, KINDS, LATENCIES, STATIC_KINDS, type Kind } from './bench-real';
import type { RecordedRequest } from '../sandbox/server';
import { SocialHubBare } from '../bench/bare/nodes/SocialHubBare.node';

const root = join(__dirname, '..');
const { SocialHub } = require(join(root, 'dist/nodes/SocialHub/SocialHub.node.js')) as { SocialHub: new () => INodeType };
const { SocialHubApi } = require(join(root, 'dist/credentials/SocialHubApi.credentials.js')) as {
	SocialHubApi: new () => ICredentialType;
};
const { resetProcessState } = require(join(root, 'dist/nodes/SocialHub/shared/processState.js')) as { resetProcessState: () => void };


const ITEMS = Number(process.env.BENCH_ITEMS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** n8n's port (its task broker takes the next one); the project gives the bench 6000-6099. */
const N8N_PORT = Number(process.env.BENCH_N8N_PORT ?? 6010);
const RECORDS = 10_000;
const PORT = 6000;
const BASE = `http://127.0.0.1:${PORT}`;
const APP = { appId: 'sandbox-app', appSecret: 'sandbox-secret-0123456789' };

let failed = false;
const out = (text = '') => process.stdout.write(`${text}\n`);
const fail = (what: string) => {
	failed = true;
	out(`FAILED: ${what}`);
};

function startSandbox(): Promise<ChildProcess> {
	const child = fork(join(root, 'sandbox/cli.ts'), ['--port', String(PORT)], {
		execArgv: ['-r', 'ts-node/register/transpile-only'],
		stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
	});
	return new Promise((resolve, reject) => {
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('listening on')) resolve(child);
		});
		child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
	});
}

const admin = async <T = unknown>(method: 'get' | 'post', path: string, data?: unknown) =>
	(await axios.request<T>({ method, url: `${BASE}/__sandbox/${path}`, data })).data;

const adjustment = (i: number, round: string): IDataObject => ({
	accountType: 2, accountCode: 'M0001', operationId: `${round}-${i}`, operationType: 6, pointValue: 1,
	effectiveEndTime: Date.UTC(2027, 11, 31), upgradeTierFlag: 0,
});

const nodeParameters = (round: string, extra: IDataObject = {}) => ({
	resource: 'points', operation: 'adjustPoints', accountType: 2, accountCode: 'M0001',
	operationId: `={{ "${round}-" + $json.i }}`, operationType: 6, pointValue: 1,
	effectiveEndTime: '2027-12-31T00:00:00Z', upgradeTierFlag: 0, ...extra,
});

const items = Array.from({ length: ITEMS }, (_, i) => ({ i }));

async function axiosRound(token: string, round: string): Promise<number> {
	const started = performance.now();
	const responses = await Promise.all(
		items.map(({ i }) =>
			axios.post(`${BASE}/v1/points/adjustment`, adjustment(i, round), {
				headers: { Authorization: token, 'Content-Type': 'application/json;charset=utf-8' },
			}),
		),
	);
	const elapsed = performance.now() - started;
	if (responses.some((r) => String((r.data as IDataObject).code) !== '200')) fail('an axios adjustment failed');
	return elapsed;
}

async function nodeRound(engine: SocialHubEngine, round: string): Promise<{ node: number }> {
	const result = await engine.run(nodeParameters(round), items);
	if (result.error || result.items.length !== ITEMS) fail(`node round ${round}: ${result.error?.message ?? result.items.length}`);
	return { node: result.executionTime };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const times = (value: number) => `${value.toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'met' : 'missed');

interface InProcessResults {
	axiosMs: number[];
	nodeMs: number[];
	bareMs: number[];
	coldCalls: number;
	afterExpiry: number;
	returnAll: { ms: number; requests: number; rows: number; rssGrowth: number; heapGrowth: number; recordsJson: number; baselineRss: number };
	batching: { requests: number; spread: number; pauses: number; shortestPause: number };
}

/** The engine in this process (n8n-core 2.x on Node 20, legacy expression engine). */
async function benchInProcess(): Promise<InProcessResults> {
	const sandbox = await startSandbox();
	try {
		const engine = new SocialHubEngine(SocialHub, SocialHubApi);
		const credential = { baseUrl: BASE, ...APP };

		// A warm-up run loads the engine's code; the baseline memory is taken after it.
		engine.setCredential(credential);
		await engine.run({ resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', pageSize: 10 });
		// Return All over 10,000 records.
		const token = ((await axios.post(`${BASE}/v1/auth/token`, APP)).data as { data: { accessToken: string } }).data.accessToken;
		await admin('post', 'seed-records', { accountCode: 'PA-BENCH', count: RECORDS });
		await admin('post', 'clear-requests');
		const recordsJson = JSON.stringify(
			((await axios.get(`${BASE}/v1/points/pointsRecords/PA-BENCH`, { params: { pageNo: 1, pageSize: 100 }, headers: { Authorization: token } })).data as { data: { list: unknown[] } }).data.list,
		).length * (RECORDS / 100);
		await admin('post', 'clear-requests');
		global.gc?.();
		const baseline = process.memoryUsage().rss;
		const heapBefore = process.memoryUsage().heapUsed;
		let heapPeak = heapBefore;
		let peak = baseline;
		const sampler = setInterval(() => {
			const usage = process.memoryUsage();
			peak = Math.max(peak, usage.rss);
			heapPeak = Math.max(heapPeak, usage.heapUsed);
		}, 2);
		const started = performance.now();
		const all = await engine.run({ resource: 'points', operation: 'getPointsRecords', accountCode: 'PA-BENCH', returnAll: true, pageSize: 100 });
		const returnAllMs = performance.now() - started;
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);
		const pageRequests = (await admin<RecordedRequest[]>('get', 'requests')).filter((r) => r.path.startsWith('/v1/points/pointsRecords')).length;
		if (all.error || all.items.length !== RECORDS) fail(`Return All returned ${all.items.length} rows (${all.error?.message ?? 'no error'})`);

		// Token exchanges: a cold run, then a forced expiry.
		resetProcessState();
		engine.setCredential(credential);
		await admin('post', 'clear-requests');
		await nodeRound(engine, 'cold');
		const coldCalls = (await admin<{ tokenCalls: number }>('get', 'stats')).tokenCalls;
		await admin('post', 'expire-tokens');
		await nodeRound(engine, 'expired');
		const afterExpiry = (await admin<{ tokenCalls: number }>('get', 'stats')).tokenCalls;

		const liveToken = ((await axios.post(`${BASE}/v1/auth/token`, APP)).data as { data: { accessToken: string } }).data.accessToken;
		await axiosRound(liveToken, 'warm-axios');
		const bare = new SocialHubEngine(SocialHubBare, SocialHubApi);
		bare.setCredential({ ...credential, accessToken: liveToken });
		const axiosMs: number[] = [];
		const nodeMs: number[] = [];
		const bareMs: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			axiosMs.push(await axiosRound(liveToken, `axios-${round}`));
			nodeMs.push((await nodeRound(engine, `node-${round}`)).node);
			const result = await bare.run({ operationId: `={{ "bare-${round}-" + $json.i }}` }, items);
			if (result.error || result.items.length !== ITEMS) fail(`bare round ${round}`);
			bareMs.push(result.executionTime);
		}

		// Batching: 50 items per batch, 100 ms apart.
		await admin('post', 'clear-requests');
		const batched = await engine.run(nodeParameters('batched', { requestOptions: { batching: { batch: { batchSize: 50, batchInterval: 100 } } } }), items);
		if (batched.error) fail(`batched run: ${batched.error.message}`);
		const arrivals = (await admin<RecordedRequest[]>('get', 'requests'))
			.filter((r) => r.path === '/v1/points/adjustment')
			.map((r) => r.at)
			.sort((a, b) => a - b);
		const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]);
		const pauses = [...gaps].sort((a, b) => b - a).slice(0, ITEMS / 50 - 1);
		return {
			axiosMs, nodeMs, bareMs, coldCalls, afterExpiry,
			returnAll: { ms: returnAllMs, requests: pageRequests, rows: all.items.length, rssGrowth: peak - baseline, heapGrowth: heapPeak - heapBefore, recordsJson, baselineRss: baseline },
			batching: {
				requests: arrivals.length,
				spread: arrivals[arrivals.length - 1] - arrivals[0],
				pauses: gaps.filter((gap) => gap >= 100).length,
				shortestPause: Math.min(...pauses),
			},
		};
	} finally {
		sandbox.kill();
	}
}

async function main() {
	const benchStarted = performance.now();
	out(`npm run bench: ${ITEMS} Adjust Member Points items per run, Operation ID from a per-item expression; ${ROUNDS} interleaved rounds.`);
	out(`In-process engine: n8n-core ${require('n8n-core/package.json').version} on Node ${process.version} (this process; legacy expression engine).`);
	const inProcess = await benchInProcess();
	out(`Real n8n (the e2e install on Node 24), packages installed as the community nodes panel does:`);
	const real = await benchInRealN8n({ items: ITEMS, rounds: ROUNDS, port: N8N_PORT, log: out });
	for (const failure of real.failures) fail(failure);

	const cell = (pick: (kind: Kind) => number, unit: (value: number) => string) =>
		KINDS.map((kind) => unit(pick(kind))).join(' / ');
	const nodeMedian = (latencyMs: number, kind: Kind) => median(real.byLatency[latencyMs][kind].rounds.map((run) => run.nodeMs));
	const cpuPerItem = (latencyMs: number, kind: Kind) => median(real.byLatency[latencyMs][kind].rounds.map((run) => run.cpuMs)) / ITEMS;
	const runsOf = (latencyMs: number, kind: Kind) => real.byLatency[latencyMs][kind].rounds.map((run) => (run.nodeMs / 1000).toFixed(2)).join(', ');
	const ratioLoopback = nodeMedian(0, 'ours') / nodeMedian(0, 'reference');
	const speedUpFar = nodeMedian(50, 'reference') / nodeMedian(50, 'ours');
	const coldCalls = (latencyMs: number, kind: Kind) => real.byLatency[latencyMs][kind].coldTokenCalls;
	const warmCalls = LATENCIES.flatMap((latencyMs) => KINDS.flatMap((kind) => real.byLatency[latencyMs][kind].warmTokenCalls));
	const oursColdCalls = LATENCIES.map((latencyMs) => coldCalls(latencyMs, 'ours') ?? 0);
	const both = (render: (latencyMs: number) => string) => LATENCIES.map(render).join(' | ');

	out('');
	out(`| measure (${ITEMS} items, real n8n ${real.n8nVersion} unless marked in-process) | SocialHub on loopback | SocialHub 50 ms away | goal |`);
	out('|---|---|---|---|');
	out(`| ours: node executionTime, median of ${ROUNDS} (each run) | ${both((l) => `${fmt(nodeMedian(l, 'ours'))} (${runsOf(l, 'ours')})`)} | |`);
	out(`| programmatic reference (sequential execute loop): node executionTime | ${both((l) => `${fmt(nodeMedian(l, 'reference'))} (${runsOf(l, 'reference')})`)} | |`);
	out(`| bare one-field declarative node (n8n's own floor): node executionTime | ${both((l) => `${fmt(nodeMedian(l, 'bare'))} (${runsOf(l, 'bare')})`)} | |`);
	out(`| plain axios, all requests concurrent, from the bench process | ${both((l) => `${fmt(median(real.axiosMs[l]))}`)} | |`);
	out(`| ours / reference, executionTime | ${both((l) => times(nodeMedian(l, 'ours') / nodeMedian(l, 'reference')))} | loopback ≤ 1.0× (stretch 0.7×): ${verdict(ratioLoopback <= 1)} |`);
	out(`| reference / ours: how many times faster ours is | ${both((l) => times(nodeMedian(l, 'reference') / nodeMedian(l, 'ours')))} | 50 ms: ≥ 10×: ${verdict(speedUpFar >= 10)} |`);
	out(`| ours / bare declarative: what ours adds over n8n's floor | ${both((l) => times(nodeMedian(l, 'ours') / nodeMedian(l, 'bare')))} | |`);
	out(`| bare declarative / reference: n8n's floor against the programmatic node | ${both((l) => times(nodeMedian(l, 'bare') / nodeMedian(l, 'reference')))} | |`);
	const staticMedian = (kind: Kind) => median(real.staticId[kind].map((run) => run.nodeMs));
	const staticCpu = (kind: Kind) => median(real.staticId[kind].map((run) => run.cpuMs)) / ITEMS;
	out(`| same on loopback with a static Operation ID (no per-item expression): executionTime (reference / bare; ours refuses one Operation ID on two items) | ${STATIC_KINDS.map((kind) => fmt(staticMedian(kind))).join(' / ')} | | |`);
	out(`| with a static Operation ID: bare / reference | ${times(staticMedian('bare') / staticMedian('reference'))} | | |`);
	out(`| with a static Operation ID: n8n process CPU per item (reference / bare) | ${STATIC_KINDS.map((kind) => `${staticCpu(kind).toFixed(2)} ms`).join(' / ')} | | |`);
	const evaluationsPerItem = (latencyMs: number, kind: Kind) => median(real.byLatency[latencyMs][kind].rounds.map((run) => run.evaluations)) / ITEMS;
	const evaluationMsPerItem = (latencyMs: number, kind: Kind) => median(real.byLatency[latencyMs][kind].rounds.map((run) => run.evaluationMs)) / ITEMS;
	out(`| expressions n8n evaluates per item, from its /metrics (ours / reference / bare) | ${both((l) => cell((kind) => evaluationsPerItem(l, kind), (v) => v.toFixed(1)))} | |`);
	out(`| time inside those evaluations per item (ours / reference / bare) | ${both((l) => cell((kind) => evaluationMsPerItem(l, kind), (v) => `${v.toFixed(2)} ms`))} | |`);
	out(`| n8n process CPU per item, median (ours / reference / bare) | ${both((l) => cell((kind) => cpuPerItem(l, kind), (v) => `${v.toFixed(2)} ms`))} | |`);
	out(`| ours / reference, CPU per item | ${both((l) => times(cpuPerItem(l, 'ours') / cpuPerItem(l, 'reference')))} | |`);
	out(`| cold run (credential's stored token empty): node executionTime (ours / reference / bare) | ${both((l) => cell((kind) => real.byLatency[l][kind].cold?.nodeMs ?? NaN, (v) => (Number.isNaN(v) ? 'not run' : fmt(v))))} | |`);
	out(`| token calls in that cold run (ours / reference / bare) | ${both((l) => cell((kind) => coldCalls(l, kind) ?? NaN, (v) => (Number.isNaN(v) ? '–' : String(v))))} | 1 per run per process: ${verdict(oursColdCalls.every((calls) => calls === 1))} |`);
	out(`| token calls in every later run (token stored in the credential) | ${Math.max(...warmCalls)} | | |`);
	if (real.returnAll) {
		const { run, rowsJsonBytes, pageRequests, rows, n8nAlone } = real.returnAll;
		out(`| Return All ${rows} rows: n8n process peak RSS growth vs the rows' JSON | ${(run.rssGrowth / 1e6).toFixed(1)} MB vs ${(rowsJsonBytes / 1e6).toFixed(1)} MB (${times(run.rssGrowth / rowsJsonBytes)}; ${pageRequests} page requests, node ${fmt(run.nodeMs)}) | | < 2×: ${verdict(run.rssGrowth < 2 * rowsJsonBytes)} |`);
		out(`| n8n alone carrying the same ${rows} rows (pinned rows → No Operation node): peak RSS growth | ${(n8nAlone.rssGrowth / 1e6).toFixed(1)} MB (${times(n8nAlone.rssGrowth / rowsJsonBytes)} the rows' JSON) | | |`);
	}
	const ip = inProcess;
	out(`| in-process engine: ours / bare / axios, median time | ${fmt(median(ip.nodeMs))} / ${fmt(median(ip.bareMs))} / ${fmt(median(ip.axiosMs))} (ours ${times(median(ip.nodeMs) / median(ip.bareMs))} bare) | | |`);
	out(`| in-process engine: token calls, cold run / with a forced expiry | ${ip.coldCalls} / ${ip.afterExpiry} | | 1 / 2: ${verdict(ip.coldCalls === 1 && ip.afterExpiry === 2)} |`);
	const ra = ip.returnAll;
	out(`| in-process engine: Return All ${ra.rows} rows, peak RSS growth vs the rows' JSON | ${(ra.rssGrowth / 1e6).toFixed(1)} MB vs ${(ra.recordsJson / 1e6).toFixed(1)} MB (${times(ra.rssGrowth / ra.recordsJson)}; heap ${times(ra.heapGrowth / ra.recordsJson)}; ${ra.requests} page requests) | | < 2×: ${verdict(ra.rssGrowth < 2 * ra.recordsJson)} |`);
	const b = ip.batching;
	out(`| in-process engine: Batching 50 per batch, 100 ms interval | ${b.requests} requests over ${fmt(b.spread)}, ${b.pauses} pauses ≥ 100 ms (shortest of the ${ITEMS / 50 - 1} between batches: ${b.shortestPause} ms) | | ${ITEMS / 50 - 1} pauses: ${verdict(b.pauses === ITEMS / 50 - 1)} |`);
	out('');
	out(`executionTime is n8n's own timing of the node in the saved execution. CPU is the n8n process's user + system time from`);
	out(`/proc over the whole run (start to saved execution) minus n8n's idle CPU over the same time (${real.idleCpuMsPerSecond.toFixed(1)} ms/s),`);
	out(`divided by ${ITEMS}; it includes n8n's fixed per-run work (starting the run, saving the execution, the editor push).`);
	out(`Total bench time ${((performance.now() - benchStarted) / 1000).toFixed(0)} s (n8n start-up ${real.startSeconds.toFixed(0)} s).`);
	process.exit(failed ? 1 : 0);
}

void main().catch((error: Error) => {
	process.stderr.write(`The benchmark failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
