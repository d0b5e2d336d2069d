/**
 * The in-process rows of `npm run bench`: n8n-core's engine in the bench's own process (Node 20,
 * legacy expression engine) with our node, the bare declarative node and plain axios; token calls
 * cold and after a forced expiry, Return All memory, Batching's pauses. One sandbox process on PORT.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import axios from 'axios';
import type { ICredentialType, IDataObject, INodeType } from 'n8n-workflow';

import { SocialHubEngine } from '../harness/engine';
import type { RecordedRequest } from '../sandbox/server';
import { axiosBurst } from './axios-burst';
import { SocialHubBare } from './bare/nodes/SocialHubBare.node';

const root = join(__dirname, '..');
const { SocialHub } = require(join(root, 'dist/nodes/SocialHub/SocialHub.node.js')) as { SocialHub: new () => INodeType };
const { SocialHubApi } = require(join(root, 'dist/credentials/SocialHubApi.credentials.js')) as {
	SocialHubApi: new () => ICredentialType;
};
const { resetProcessState } = require(join(root, 'dist/nodes/SocialHub/shared/processState.js')) as { resetProcessState: () => void };

const RECORDS = 10_000;
const PORT = 6000;
const BASE = `http://127.0.0.1:${PORT}`;
const APP = { appId: 'sandbox-app', appSecret: 'sandbox-secret-0123456789' };

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

const nodeParameters = (round: string, extra: IDataObject = {}) => ({
	resource: 'points', operation: 'adjustPoints', accountType: 2, accountCode: 'M0001',
	operationId: `={{ "${round}-" + $json.i }}`, operationType: 6, pointValue: 1,
	effectiveEndTime: '2027-12-31T00:00:00Z', upgradeTierFlag: 0, ...extra,
});

type Items = Array<{ i: number }>;

async function nodeRound(engine: SocialHubEngine, items: Items, round: string, fail: (what: string) => void): Promise<{ node: number }> {
	const result = await engine.run(nodeParameters(round), items);
	if (result.error || result.items.length !== items.length) fail(`node round ${round}: ${result.error?.message ?? result.items.length}`);
	return { node: result.executionTime };
}

export interface InProcessResults {
	axiosMs: number[];
	nodeMs: number[];
	bareMs: number[];
	coldCalls: number;
	afterExpiry: number;
	returnAll: { ms: number; requests: number; rows: number; rssGrowth: number; heapGrowth: number; recordsJson: number; baselineRss: number };
	batching: { requests: number; spread: number; pauses: number; shortestPause: number };
	failures: string[];
}

/** The engine in this process (n8n-core 2.x on Node 20, legacy expression engine): `count` items per run. */
export async function benchInProcess(count: number, rounds: number): Promise<InProcessResults> {
	const items = Array.from({ length: count }, (_, i) => ({ i }));
	const failures: string[] = [];
	const fail = (what: string) => void failures.push(what);
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
		await nodeRound(engine, items, 'cold', fail);
		const coldCalls = (await admin<{ tokenCalls: number }>('get', 'stats')).tokenCalls;
		await admin('post', 'expire-tokens');
		await nodeRound(engine, items, 'expired', fail);
		const afterExpiry = (await admin<{ tokenCalls: number }>('get', 'stats')).tokenCalls;

		const liveToken = ((await axios.post(`${BASE}/v1/auth/token`, APP)).data as { data: { accessToken: string } }).data.accessToken;
		const axiosRound = async (round: string) => {
			const burst = await axiosBurst(BASE, liveToken, round, count);
			if (!burst.ok) fail('an axios adjustment failed');
			return burst.ms;
		};
		await axiosRound('warm-axios');
		const bare = new SocialHubEngine(SocialHubBare, SocialHubApi);
		bare.setCredential({ ...credential, accessToken: liveToken });
		const axiosMs: number[] = [];
		const nodeMs: number[] = [];
		const bareMs: number[] = [];
		for (let round = 0; round < rounds; round++) {
			axiosMs.push(await axiosRound(`axios-${round}`));
			nodeMs.push((await nodeRound(engine, items, `node-${round}`, fail)).node);
			const result = await bare.run({ operationId: `={{ "bare-${round}-" + $json.i }}` }, items);
			if (result.error || result.items.length !== count) fail(`bare round ${round}`);
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
		const pauses = [...gaps].sort((a, b) => b - a).slice(0, count / 50 - 1);
		return {
			axiosMs, nodeMs, bareMs, coldCalls, afterExpiry, failures,
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
