/**
 * `npm run bench`: the node's overhead against the wire, measured in one run on this machine.
 * Prints a table and ratios; exits non-zero only when something failed, not when a goal is missed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import axios from 'axios';
import type { ICredentialType, IDataObject, INodeType } from 'n8n-workflow';

import { SocialHubEngine } from '../harness/engine';
import type { RecordedRequest } from '../sandbox/server';

const root = join(__dirname, '..');
const { SocialHub } = require(join(root, 'dist/nodes/SocialHub/SocialHub.node.js')) as { SocialHub: new () => INodeType };
const { SocialHubApi } = require(join(root, 'dist/credentials/SocialHubApi.credentials.js')) as {
	SocialHubApi: new () => ICredentialType;
};
const { clearTokenCache } = require(join(root, 'dist/nodes/SocialHub/transport/token.js')) as { clearTokenCache: () => void };

/**
 * The least a declarative node can be: one routed field and a static body, same credential.
 * Its time is the engine's own cost per item, which no node description can go below.
 */
class BareDeclarativeNode implements INodeType {
	description = {
		displayName: 'Bare',
		name: 'socialHub',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'Bare' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'socialHubApi', required: true }],
		requestDefaults: { headers: { 'Content-Type': 'application/json;charset=utf-8' }, json: true },
		properties: [
			{
				displayName: 'Operation ID',
				name: 'operationId',
				type: 'string',
				default: '',
				routing: {
					request: {
						method: 'POST',
						url: '/v1/points/adjustment',
						body: { accountType: 2, accountCode: 'M0001', operationType: 6, pointValue: 1, effectiveEndTime: Date.UTC(2027, 11, 31), upgradeTierFlag: 0 },
					},
					send: { type: 'body', property: 'operationId' },
				},
			},
		],
	} as unknown as INodeType['description'];
}

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RECORDS = 10_000;
const PORT = 4000 + Math.floor(Math.random() * 900);
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

async function nodeRound(engine: SocialHubEngine, round: string): Promise<{ wall: number; node: number }> {
	const started = performance.now();
	const result = await engine.run(nodeParameters(round), items);
	const wall = performance.now() - started;
	if (result.error || result.items.length !== ITEMS) fail(`node round ${round}: ${result.error?.message ?? result.items.length}`);
	return { wall, node: result.executionTime };
}

const perSecond = (ms: number) => Math.round((ITEMS / ms) * 1000);
const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

async function main() {
	const sandbox = await startSandbox();
	try {
		const engine = new SocialHubEngine(SocialHub, SocialHubApi);
		const credential = { baseUrl: BASE, ...APP };
		out(`SocialHub sandbox (separate process) on ${BASE}; n8n-core ${require('n8n-core/package.json').version}, Node ${process.version}`);
		out(`${ITEMS} Adjust Member Points items per round, ${ROUNDS} rounds each, interleaved; all requests concurrent on both sides.\n`);

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
		clearTokenCache();
		engine.setCredential(credential);
		await admin('post', 'clear-requests');
		await nodeRound(engine, 'cold');
		const coldCalls = (await admin<{ tokenCalls: number }>('get', 'stats')).tokenCalls;
		await admin('post', 'expire-tokens');
		await nodeRound(engine, 'expired');
		const afterExpiry = (await admin<{ tokenCalls: number }>('get', 'stats')).tokenCalls;

		const liveToken = ((await axios.post(`${BASE}/v1/auth/token`, APP)).data as { data: { accessToken: string } }).data.accessToken;
		await axiosRound(liveToken, 'warm-axios');
		const bare = new SocialHubEngine(BareDeclarativeNode, SocialHubApi);
		bare.setCredential({ ...credential, accessToken: liveToken });
		const axiosTimes: number[] = [];
		const nodeTimes: Array<{ wall: number; node: number }> = [];
		const bareTimes: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			axiosTimes.push(await axiosRound(liveToken, `axios-${round}`));
			nodeTimes.push(await nodeRound(engine, `node-${round}`));
			const started = performance.now();
			const result = await bare.run({ operationId: `={{ "bare-${round}-" + $json.i }}` }, items);
			if (result.error || result.items.length !== ITEMS) fail(`bare round ${round}`);
			bareTimes.push(performance.now() - started);
		}
		const bestBare = Math.min(...bareTimes);
		const bestAxios = Math.min(...axiosTimes);
		const bestWall = Math.min(...nodeTimes.map((t) => t.wall));
		const bestNode = Math.min(...nodeTimes.map((t) => t.node));

		// Batching: 50 items per batch, 100 ms apart.
		await admin('post', 'clear-requests');
		const batched = await engine.run(nodeParameters('batched', { requestOptions: { batching: { batch: { batchSize: 50, batchInterval: 100 } } } }), items);
		if (batched.error) fail(`batched run: ${batched.error.message}`);
		const arrivals = (await admin<RecordedRequest[]>('get', 'requests'))
			.filter((r) => r.path === '/v1/points/adjustment')
			.map((r) => r.at)
			.sort((a, b) => a - b);
		const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]).filter((gap) => gap >= 50);
		const spread = arrivals[arrivals.length - 1] - arrivals[0];

		const ratio = bestWall / bestAxios;
		out('| measure | result | goal |');
		out('|---|---|---|');
		out(`| plain axios, best of ${ROUNDS} | ${fmt(bestAxios)} (${perSecond(bestAxios)} items/s) | |`);
		out(`| node through WorkflowExecute, best of ${ROUNDS} (wall) | ${fmt(bestWall)} (${perSecond(bestWall)} items/s) | |`);
		out(`| node's own executionTime, best of ${ROUNDS} | ${fmt(bestNode)} | |`);
		out(`| ratio node / axios (wall) | ${ratio.toFixed(2)}× | ≤ 1.3× ${ratio <= 1.3 ? 'met' : 'missed'} |`);
		out(`| ratio node / axios (node executionTime) | ${(bestNode / bestAxios).toFixed(2)}× | |`);
		out(`| engine floor: a bare one-field declarative node (wall) | ${fmt(bestBare)} (${(bestBare / bestAxios).toFixed(2)}× axios) | |`);
		out(`| ratio node / bare declarative node | ${(bestWall / bestBare).toFixed(2)}× | |`);
		out(`| token exchanges, cold run of ${ITEMS} items | ${coldCalls} | 1 ${coldCalls === 1 ? 'met' : 'missed'} |`);
		out(`| token exchanges, including a forced expiry | ${afterExpiry} | 2 ${afterExpiry === 2 ? 'met' : 'missed'} |`);
		out(`| Return All, ${RECORDS} records, page size 100 | ${fmt(returnAllMs)}, ${pageRequests} requests, ${all.items.length} items | 100 requests ${pageRequests === 100 ? 'met' : 'missed'} |`);
		const grown = peak - baseline;
		out(`| Return All peak RSS growth vs records JSON | ${(grown / 1e6).toFixed(1)} MB vs ${(recordsJson / 1e6).toFixed(1)} MB (${(grown / recordsJson).toFixed(2)}×; engine baseline RSS ${(baseline / 1e6).toFixed(0)} MB) | < 2× ${grown < 2 * recordsJson ? 'met' : 'missed'} |`);
		out(`| Return All peak heap growth vs records JSON | ${((heapPeak - heapBefore) / 1e6).toFixed(1)} MB (${((heapPeak - heapBefore) / recordsJson).toFixed(2)}×) | |`);
		out(`| Batching 50 per batch / 100 ms | ${arrivals.length} requests over ${fmt(spread)}, ${gaps.length} gaps ≥ 50 ms | 19 gaps, ≥ 1.9 s ${gaps.length === ITEMS / 50 - 1 && spread >= 1900 ? 'met' : 'missed'} |`);
		out(`\naxios rounds: ${axiosTimes.map(fmt).join(', ')}`);
		out(`node rounds (wall): ${nodeTimes.map((t) => fmt(t.wall)).join(', ')}`);
	} finally {
		sandbox.kill();
	}
	process.exit(failed ? 1 : 0);
}

void main().catch((error: Error) => {
	process.stderr.write(`The benchmark failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
