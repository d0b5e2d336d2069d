/**
 * Flow control (transport/flowControl.ts, places.ts, delivery.ts) at run level against hostile
 * limits: odd Retry-After values, a limit that changes mid-run, long waits, two tenants. Every Operation ID applied exactly once, no item lost, output paired to its input.
 */
import { WorkflowExecute } from 'n8n-core';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { HostileServer, newEngine, ok, type Received, type Reply } from '../support/hostile';
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

const items = (count: number, prefix = 'b3') => Array.from({ length: count }, (_, i) => ({ op: `${prefix}-${i}` }));
const byItem = adjustParameters({ operationId: '={{ $json.op }}', pointValue: 1 });

function expectAppliedOnce(count: number) {
	const stats = ctx.sandbox.stats();
	expect(stats.appliedMoreThanOnce).toBe(0);
	expect(stats.applied).toBe(count);
}

function expectPaired(out: INodeExecutionData[], count: number) {
	expect(out).toHaveLength(count);
	out.forEach((item, i) => expect(item.pairedItem).toEqual(expect.objectContaining({ item: i })));
}

afterEach(() => {
	jest.restoreAllMocks();
	ctx.sandbox.options.latencyMs = 0;
});

it('150 adjustments against 30 a second, throttled answers carry Retry-After: 0: all applied once, run green', async () => {
	ctx.sandbox.setLimits({ rateLimit: 30, retryAfter: 0 });
	const { error, items: out } = await ctx.engine.run(byItem, items(150));
	expect(error?.message).toBeUndefined();
	expectPaired(out, 150);
	expectAppliedOnce(150);
}, 60_000);

/** A per-second limiter whose throttled answers carry the next of `retryAfters` as Retry-After. */
function limitedServer(perSecond: number, retryAfters: string[]) {
	let second = 0;
	let admitted = 0;
	let n = 0;
	const applied = new Map<string, number>();
	const server = new HostileServer((request: Received): Reply => {
		if (request.path === '/v1/auth/token') return { body: ok({ accessToken: 'tok-limited-1', expiresIn: 7200 }) };
		const now = Math.floor(Date.now() / 1000);
		if (now !== second) {
			second = now;
			admitted = 0;
		}
		if (admitted >= perSecond) {
			return { status: 429, headers: { 'Retry-After': retryAfters[n++ % retryAfters.length] }, body: { code: '429', msg: 'too many requests', data: null } };
		}
		admitted++;
		const op = String((request.body as IDataObject).operationId);
		applied.set(op, (applied.get(op) ?? 0) + 1);
		return { body: ok({ operationId: op, balance: 1 }) };
	});
	return { server, applied };
}

it.each([
	['0', ['0']],
	['negative (-5)', ['-5']],
	['garbage (soon)', ['soon']],
	['an HTTP-date in the past', ['Wed, 21 Oct 2015 07:28:00 GMT']],
	['a list "5, 10" (read as a date in 2001)', ['5, 10']],
])('100 adjustments against 25 a second, Retry-After %s: all applied once, run green', async (_name, retryAfters) => {
	const { server, applied } = limitedServer(25, retryAfters);
	await server.start();
	try {
		const engine = newEngine();
		engine.setCredential({ baseUrl: server.url, appId: 'lim-app', appSecret: 'lim-secret-0123456789' });
		const { error, items: out } = await engine.run(byItem, items(100));
		expect(error?.message).toBeUndefined();
		expectPaired(out, 100);
		expect(applied.size).toBe(100);
		expect([...applied.values()].every((times) => times === 1)).toBe(true);
	} finally {
		await server.stop();
	}
}, 60_000);

it('the limit changes mid-run (100/s, then 30/s after 1.5 s, Retry-After: 0): all applied once, run green', async () => {
	ctx.sandbox.setLimits({ rateLimit: 100, retryAfter: 0 });
	const running = ctx.engine.run(byItem, items(400));
	await new Promise((resolve) => setTimeout(resolve, 1500));
	ctx.sandbox.setLimits({ rateLimit: 30 });
	const { error, items: out } = await running;
	expect(error?.message).toBeUndefined();
	expectPaired(out, 400);
	expectAppliedOnce(400);
}, 60_000);

/**
 * The throttle budget (15 minutes) counts from a request's first throttle, not from when its item
 * began to wait: in a long run an item may wait its turn longer than that. The wait is simulated
 * by moving Date.now 16 minutes forward while items wait behind Max Concurrent Requests; SocialHub
 * starts throttling only then.
 */
it('items that waited over 15 minutes for their turn still get their retries when first throttled', async () => {
	ctx.sandbox.options.latencyMs = 20;
	const realNow = Date.now.bind(Date);
	let offset = 0;
	jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
	const running = ctx.engine.run({ ...byItem, options: { maxConcurrentRequests: 4 } }, items(300));
	const sent = () => ctx.sandbox.apiRequests('/v1/points/adjustment').length;
	while (sent() < 20) await new Promise((resolve) => setTimeout(resolve, 20));
	const sentBefore = sent();
	offset = 16 * 60_000;
	ctx.sandbox.setLimits({ maxConcurrent: 2, retryAfter: 0 });
	const { error, items: out } = await running;
	expect(sentBefore).toBeGreaterThan(0);
	expect(sentBefore).toBeLessThan(300);
	expect(ctx.sandbox.stats().throttled).toBeGreaterThan(0);
	expect(error?.message).toBeUndefined();
	expectPaired(out, 300);
	expectAppliedOnce(300);
}, 60_000);

/**
 * Known limit of n8n: n8n-core (2.41.1, 1.122.48, and the real n8n 2.40.7 and 1.123.81) runs a
 * declarative node through executeDeclarativeNodeInTest, whose ExecuteContext gets no abort signal:
 * getExecutionCancelSignal() is undefined for this node, so a stopped execution never reaches the
 * gate and the items still waiting are sent. This turns green once n8n passes the signal.
 */
it.failing('a run cancelled while its items wait (10 a second): nothing is sent after the cancel, the run ends promptly', async () => {
	ctx.sandbox.setLimits({ rateLimit: 10 });
	let execution: WorkflowExecute | undefined;
	// Captures the execution (runNode, not run: the harness tells the engine lines apart by run.length).
	const proto = WorkflowExecute.prototype as unknown as { runNode: (...a: unknown[]) => unknown };
	const runNode = proto.runNode;
	jest.spyOn(proto, 'runNode').mockImplementation(function (this: WorkflowExecute, ...args: unknown[]) {
		execution = this;
		return runNode.apply(this, args);
	});
	const running = ctx.engine.run(byItem, items(60));
	await new Promise((resolve) => setTimeout(resolve, 2500));
	(execution as unknown as { abortController: AbortController }).abortController.abort();
	const abortedAt = Date.now();
	await running;
	const ended = Date.now() - abortedAt;
	await new Promise((resolve) => setTimeout(resolve, 1500));
	const late = ctx.sandbox.apiRequests('/v1/points/adjustment').filter((r) => r.at > abortedAt + 300);
	expect(late).toHaveLength(0);
	expect(ended).toBeLessThan(3000);
	expect(ctx.sandbox.stats().appliedMoreThanOnce).toBe(0);
}, 60_000);

it('two tenants at once: a throttled tenant (5 a second) does not slow an unthrottled one (300 items)', async () => {
	const other = new HostileServer((request) =>
		request.path === '/v1/auth/token' ? { body: ok({ accessToken: 'tok-other-1', expiresIn: 7200 }) } : { body: ok({ operationId: (request.body as IDataObject).operationId }) },
	);
	await other.start();
	try {
		ctx.sandbox.setLimits({ rateLimit: 5 });
		const slow = ctx.engine.run(byItem, items(100, 'slow'));
		const engineB = newEngine();
		engineB.setCredential({ baseUrl: other.url, appId: 'b-app', appSecret: 'b-secret-0123456789' });
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const started = Date.now();
		const fast = await engineB.run(byItem, items(300, 'fast'));
		expect(fast.error?.message).toBeUndefined();
		expect(Date.now() - started).toBeLessThan(10_000);
		ctx.sandbox.setLimits(null);
		expect((await slow).error?.message).toBeUndefined();
	} finally {
		await other.stop();
	}
}, 60_000);

// Unused imports guard.
void SANDBOX_APP_ID;
void SANDBOX_APP_SECRET;
