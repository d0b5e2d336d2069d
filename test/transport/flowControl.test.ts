/**
 * Thousands of items against a SocialHub that limits requests (issue 19): every item applied
 * exactly once, the run green, Retry-After honoured, far fewer requests than items × tries.
 */
import type { IDataObject } from 'n8n-workflow';
import { Gate, INITIAL_WINDOW, MAX_WINDOW } from '../../nodes/SocialHub/transport/flowControl';
import { Cancelled, Places, pause } from '../../nodes/SocialHub/transport/places';
import { backoffMs, isRateLimitAnswer, retryAfterOf } from '../../nodes/SocialHub/transport/throttling';
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

const items = (count: number, prefix = 'fc') => Array.from({ length: count }, (_, i) => ({ op: `${prefix}-${i}` }));
const byItem = adjustParameters({ operationId: '={{ $json.op }}', pointValue: 1 });
const adjusted = () => ctx.sandbox.apiRequests('/v1/points/adjustment');

/** Every Operation ID of the run applied exactly once, and the balance to match. */
function expectAppliedOnce(count: number) {
	const stats = ctx.sandbox.stats();
	expect(stats.applied).toBe(count);
	expect(stats.appliedMoreThanOnce).toBe(0);
	expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1000 + count);
}

describe('a limit on requests at a time', () => {
	it('2,000 adjustments, 50 at a time, HTTP 429 with Retry-After: 1 beyond: all applied once, the run green', async () => {
		ctx.sandbox.setLimits({ maxConcurrent: 50, retryAfter: 1 });
		ctx.sandbox.options.latencyMs = 5;
		const { error, items: out } = await ctx.engine.run(byItem, items(2000));
		ctx.sandbox.options.latencyMs = 0;
		expect(error).toBeUndefined();
		expect(out).toHaveLength(2000);
		expectAppliedOnce(2000);
		expect(ctx.sandbox.stats().maxInFlight).toBeLessThanOrEqual(50);
		// The first burst is refused once; after that the node keeps within the limit.
		expect(adjusted().length / 2000).toBeLessThan(1.5);
	}, 120_000);

	it('HTTP 503 on overload and HTTP 200 with a rate-limit code are throttling too', async () => {
		for (const limits of [{ throttleStatus: 503 }, { throttleInBody: true }, { throttleInBody: true, throttleCode: 10029 }]) {
			ctx.sandbox.reset();
			ctx.sandbox.setLimits({ maxConcurrent: 10, retryAfter: 0, ...limits });
			ctx.sandbox.options.latencyMs = 5;
			const { error } = await ctx.engine.run(byItem, items(300, JSON.stringify(limits)));
			ctx.sandbox.options.latencyMs = 0;
			expect(error).toBeUndefined();
			expectAppliedOnce(300);
		}
	}, 120_000);

	it('a list (Return All) and a create go through the same limit', async () => {
		ctx.sandbox.setLimits({ maxConcurrent: 5, retryAfter: 0 });
		const reads = await ctx.engine.run({ resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', returnAll: true }, items(100));
		expect(reads.error).toBeUndefined();
		expect(reads.items).toHaveLength(100);
		const creates = await ctx.engine.run(
			{ resource: 'consumer', operation: 'createConsumer', name: '={{ $json.op }}', mobilePhone: '={{ "139" + String($itemIndex).padStart(8, "0") }}', phonePrefCode: '+86', organizationCode: 'ORG1' },
			items(100),
		);
		expect(creates.error).toBeUndefined();
		expect(ctx.sandbox.state.consumers.size).toBe(101);
	}, 60_000);

	it('version 1 nodes get the same flow control', async () => {
		ctx.sandbox.setLimits({ maxConcurrent: 10, retryAfter: 0 });
		const { error } = await ctx.engine.run(byItem, items(300), { typeVersion: 1 });
		expect(error).toBeUndefined();
		expectAppliedOnce(300);
	}, 60_000);
});

describe('a limit per second', () => {
	it('1,000 adjustments at 250 per second: all applied once, close to the limit’s own pace', async () => {
		ctx.sandbox.setLimits({ rateLimit: 250 });
		const started = Date.now();
		const { error } = await ctx.engine.run(byItem, items(1000));
		const seconds = (Date.now() - started) / 1000;
		expect(error).toBeUndefined();
		expectAppliedOnce(1000);
		// 1,000 at 250/s takes at least 3 s (four one-second windows); a run that ignored Retry-After would fail.
		expect(seconds).toBeGreaterThanOrEqual(3);
		expect(adjusted().length / 1000).toBeLessThan(2);
	}, 120_000);
});

describe('the node’s own cap: Options > Max Concurrent Requests', () => {
	it.each([1, 3])('at most %i of its requests at once', async (cap) => {
		ctx.sandbox.options.latencyMs = 20;
		const { error } = await ctx.engine.run({ ...byItem, options: { maxConcurrentRequests: cap } }, items(30));
		ctx.sandbox.options.latencyMs = 0;
		expect(error).toBeUndefined();
		expect(ctx.sandbox.stats().maxInFlight).toBe(cap);
	});

	it.each([0, 1.5, 'many', 600])('%s is refused naming the option, before anything is sent', async (cap) => {
		const { error } = await ctx.engine.run({ ...byItem, options: { maxConcurrentRequests: cap } }, items(3));
		expect(error?.message).toContain('"Max Concurrent Requests"');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});
});

describe('the token endpoint under load', () => {
	it.each<[string, IDataObject]>([
		['HTTP 429 with Retry-After', { status: 429, retryAfter: 1 }],
		['HTTP 200 with code 429 "请求过于频繁"', { status: 200, body: { code: '429', msg: '请求过于频繁，请稍后再试' }, retryAfter: 0 }],
	])('%s: a rate limit, waited for and retried, never taken for wrong keys', async (_what, fault) => {
		ctx.sandbox.addFault({ path: '/v1/auth/token', times: 2, ...fault });
		const { error, items: out } = await ctx.engine.run(byItem, items(20));
		expect(error).toBeUndefined();
		expect(out).toHaveLength(20);
		expect(ctx.sandbox.tokenCalls).toBe(1);
		expectAppliedOnce(20);
	});

	it('a rate limit that never ends is reported as a rate limit, not as wrong keys', async () => {
		ctx.sandbox.addFault({ path: '/v1/auth/token', times: Infinity, status: 200, body: { code: '429', msg: '请求过于频繁，请稍后再试' }, retryAfter: 0 });
		const { error } = await ctx.engine.run(byItem, items(1));
		expect(error?.message).toContain('请求过于频繁');
		expect(error?.message).not.toContain('rejected the App ID and App Secret');
		expect(error?.description).toContain('limiting the request rate');
		// The keys are fine: once the limit lifts, the next run works without any edit.
		ctx.sandbox.clearFaults();
		expect((await ctx.engine.run(byItem, items(1, 'after'))).error).toBeUndefined();
	});
});

describe('a stale stored token', () => {
	it('is tried by one request first: 200 items cost one refused request, not 200', async () => {
		await ctx.engine.run(byItem, items(1, 'warm'));
		ctx.sandbox.expireTokens();
		// As after a restart of n8n: the stored token is all this process knows.
		const { resetProcessState } = await import('../../nodes/SocialHub/shared/processState');
		resetProcessState();
		ctx.sandbox.requests.length = 0;
		const stale = ctx.engine.storedCredential()?.accessToken;
		const { error } = await ctx.engine.run(byItem, items(200));
		expect(error).toBeUndefined();
		expect(adjusted().filter((r) => r.authorization === stale)).toHaveLength(1);
		expect(adjusted()).toHaveLength(201);
		// The renewed token is stored for the next process.
		expect(ctx.engine.storedCredential()?.accessToken).toBe(ctx.sandbox.issuedTokens.at(-1));
	});
});

describe('another node retrying a refused adjustment with the same Operation ID', () => {
	it('an adjustment throttled until it gave up may be sent again by the next node in the same execution', async () => {
		const { NODE_TYPE, CREDENTIAL_REF } = await import('../../harness/engine');
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', status: 429, retryAfter: 0, times: 30 });
		const node = (name: string, x: number) => ({
			id: name, name, type: NODE_TYPE, typeVersion: 2, position: [x, 0] as [number, number],
			parameters: { ...adjustParameters({ operationId: 'same-op', pointValue: 1 }) }, credentials: { socialHubApi: CREDENTIAL_REF },
		});
		const nodes = [
			{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} },
			{ ...node('A', 200), onError: 'continueErrorOutput' as const },
			node('B', 400),
		];
		const connections = {
			Start: { main: [[{ node: 'A', type: 'main' as const, index: 0 }]] },
			A: { main: [[], [{ node: 'B', type: 'main' as const, index: 0 }]] },
		};
		const run = await ctx.engine.runWorkflow({ nodes, connections });
		expect(run.data.resultData.error).toBeUndefined();
		expect(run.data.resultData.runData.B[0].data?.main[0]?.[0].json).toMatchObject({ operationId: 'same-op' });
		expectAppliedOnce(1);
		expect(SANDBOX_APP_ID && SANDBOX_APP_SECRET).toBeTruthy();
	});
});

describe('Places', () => {
	it('hands out places first come, first served, at most the limit at once', async () => {
		const places = new Places(() => 2);
		const order: number[] = [];
		const owner = {};
		await places.take(owner);
		await places.take(owner);
		const third = places.take(owner).then(() => order.push(3));
		const fourth = places.take(owner).then(() => order.push(4));
		expect(places.inUse).toBe(2);
		places.give();
		await third;
		places.give();
		await fourth;
		expect(order).toEqual([3, 4]);
	});

	it('owners take turns for freed places; first come, first served within each owner', async () => {
		const places = new Places(() => 1);
		const [batch, lookup] = [{}, {}];
		const order: string[] = [];
		await places.take(batch);
		const waiting = [
			...[1, 2, 3].map((n) => places.take(batch).then(() => order.push(`batch-${n}`))),
			places.take(lookup).then(() => order.push('lookup')),
		];
		for (let i = 0; i < 4; i++) {
			places.give();
			await Promise.resolve();
		}
		await Promise.all(waiting);
		expect(order).toEqual(['batch-1', 'lookup', 'batch-2', 'batch-3']);
	});

	it('a cancelled owner’s waiters are refused with Cancelled; others keep waiting', async () => {
		const places = new Places(() => 1);
		const [a, b] = [{}, {}];
		await places.take(a);
		const waitingA = places.take(a);
		const waitingB = places.take(b);
		places.cancel(a, new Cancelled());
		await expect(waitingA).rejects.toBeInstanceOf(Cancelled);
		places.give();
		await expect(waitingB).resolves.toBeUndefined();
	});
});

describe('Gate', () => {
	it('starts at the initial window and doubles while answers are accepted, up to the maximum', () => {
		const gate = new Gate();
		expect(gate.window).toBe(INITIAL_WINDOW);
		for (let i = 0; i < 2000; i++) gate.leave({ sentAt: Date.now(), seq: 0 }, 'ok');
		expect(gate.window).toBe(MAX_WINDOW);
	});

	it('a throttle far above what SocialHub took halves the window; near it, it shrinks by one', async () => {
		const gate = new Gate();
		const owner = {};
		const tickets = [];
		for (let i = 0; i < 20; i++) tickets.push(await gate.enter(owner));
		// Request 11 refused while only 10 that left before it are in flight: far below the window of 64.
		gate.leave(tickets[10], 'throttled');
		expect(gate.window).toBe(32);
		// The next refusal with 19 ahead of it in a window of 32: near the limit.
		const later = await gate.enter(owner);
		gate.leave(later, 'throttled');
		expect(gate.window).toBe(31);
	});


	it('throttles of requests sent before the last cut do not cut again', async () => {
		const gate = new Gate();
		const owner = {};
		const burst = [];
		for (let i = 0; i < 40; i++) burst.push(await gate.enter(owner));
		gate.leave(burst[39], 'throttled');
		const after = gate.window;
		for (const ticket of burst.slice(20, 39)) gate.leave(ticket, 'throttled');
		expect(gate.window).toBe(after);
	});

	it('forgets a learnt pace and small window after a second with nothing in flight', async () => {
		const gate = new Gate();
		const owner = {};
		gate.leave(await gate.enter(owner), 'ok');
		gate.window = 1;
		gate.rate = 5;
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 1500);
		try {
			gate.leave(await gate.enter(owner), 'ok');
		} finally {
			clock.mockRestore();
		}
		expect(gate.rate).toBeUndefined();
		expect(gate.window).toBeGreaterThanOrEqual(8);
	});

	it('keeps a learnt pace while requests flow and SocialHub throttled within the last 30 s', async () => {
		const gate = new Gate();
		const owner = {};
		gate.leave(await gate.enter(owner), 'throttled');
		gate.window = 1;
		gate.rate = 5;
		gate.leave(await gate.enter(owner), 'ok');
		expect(gate.rate).toBeCloseTo(5.03);
		expect(gate.window).toBeLessThanOrEqual(2);
	});

	it('a request waiting for a place stops when its run is cancelled', async () => {
		const gate = new Gate();
		const [busy, cancelled] = [{}, {}];
		await gate.enter(busy);
		gate.window = 1;
		const waiting = gate.enter(cancelled);
		gate.cancel(cancelled);
		await expect(waiting).rejects.toBeInstanceOf(Cancelled);
	});
});

describe('pause', () => {
	it('ends early when the signal aborts', async () => {
		const controller = new AbortController();
		const started = Date.now();
		const waited = pause(10_000, controller.signal);
		controller.abort();
		await waited;
		expect(Date.now() - started).toBeLessThan(1000);
	});
});

describe('throttling', () => {
	it.each([
		['1', 1000],
		['0', 0],
		['120', 60_000],
		['soon', undefined],
		[undefined, undefined],
	])('Retry-After %s → %s ms (at most a minute)', (header, ms) => {
		expect(retryAfterOf(header)).toBe(ms);
	});

	it('reads an HTTP-date', () => {
		const now = Date.parse('2026-11-30T12:00:00Z');
		expect(retryAfterOf('Mon, 30 Nov 2026 12:00:03 GMT', now)).toBe(3000);
	});

	it.each([
		[{ code: '429', msg: 'busy' }, true],
		[{ code: 10029, msg: 'limited' }, true],
		[{ code: '50001', msg: '请求过于频繁，请稍后再试' }, true],
		[{ code: '40096', msg: '积分不足' }, false],
		[{ code: '200', msg: 'rate limit info' }, false],
	])('%j is a rate limit: %s', (body, expected) => {
		expect(isRateLimitAnswer(body)).toBe(expected);
	});

	it('backs off from about 0.5 s, doubling, to at most about 30 s', () => {
		expect(backoffMs(1)).toBeGreaterThanOrEqual(400);
		expect(backoffMs(1)).toBeLessThanOrEqual(600);
		expect(backoffMs(20)).toBeLessThanOrEqual(36_000);
	});
});
