/**
 * The admin calls that reconfigure and count a running sandbox (the e2e, `npm run dev`):
 * GET/POST /__sandbox/limits and GET /__sandbox/stats.
 */
import { SocialHubSandbox } from '../../sandbox/server';
import { admin, adjust, get, nextSecond, raw, useRawSandbox } from './client';

const PROGRAMS = '/v1/member/loyaltyprograms';
const ctx = useRawSandbox();
const { sandbox } = ctx;

describe('POST /__sandbox/limits and GET /__sandbox/limits', () => {
	it('merges fields, clears a field sent as null, clears all with {} or null', async () => {
		expect((await admin(sandbox, 'POST', 'limits', { maxConcurrent: 5 })).body).toEqual({ ok: true, limits: { maxConcurrent: 5 } });
		await admin(sandbox, 'POST', 'limits', { rateLimit: 10, throttleInBody: true });
		expect((await admin(sandbox, 'GET', 'limits')).body).toEqual({ maxConcurrent: 5, rateLimit: 10, throttleInBody: true });
		await admin(sandbox, 'POST', 'limits', { rateLimit: null });
		expect(sandbox.limits()).toEqual({ maxConcurrent: 5, throttleInBody: true });
		await admin(sandbox, 'POST', 'limits', {});
		expect(sandbox.limits()).toEqual({});
		await admin(sandbox, 'POST', 'limits', { bigIds: true });
		await admin(sandbox, 'POST', 'limits', null);
		expect(sandbox.limits()).toEqual({});
	});

	it.each([
		[{ maxConcurrent: 0 }, 'maxConcurrent must be a whole number ≥ 1, not 0'],
		[{ rateLimit: '5' }, 'rateLimit must be a whole number ≥ 1 (requests per second), not "5"'],
		[{ retryAfter: 'soon' }, 'retryAfter must be whole seconds ≥ 0, "none" or "date", not "soon"'],
		[{ throttleStatus: 42 }, 'throttleStatus must be an HTTP status (100-599), not 42'],
		[{ maxConcurent: 5 }, 'Unknown limit "maxConcurent"'],
	])('refuses %p with HTTP 400 and keeps the limits', async (patch, message) => {
		sandbox.setLimits({ rateLimit: 50 });
		const answer = await admin<{ error: string }>(sandbox, 'POST', 'limits', patch);
		expect(answer.status).toBe(400);
		expect(answer.body.error).toContain(message);
		expect(sandbox.limits()).toEqual({ rateLimit: 50 });
	});

	it('a sandbox started with limits: reset restores them, dropping later changes', async () => {
		const limited = new SocialHubSandbox({ rateLimit: 100, throttleStatus: 503 });
		limited.setLimits({ maxConcurrent: 1, rateLimit: null });
		expect(limited.options).toMatchObject({ maxConcurrent: 1, throttleStatus: 503 });
		limited.reset();
		expect(limited.limits()).toEqual({ rateLimit: 100, throttleStatus: 503 });
		expect(() => new SocialHubSandbox({ maxConcurrent: -1 })).toThrow('maxConcurrent must be a whole number ≥ 1');
	});
});

describe('GET /__sandbox/stats', () => {
	it('counts requests, throttling, peak concurrency and Operation IDs; reset clears them', async () => {
		await adjust(sandbox, ctx.token, 's-1');
		await adjust(sandbox, ctx.token, 's-1');
		sandbox.setLimits({ rateLimit: 1 });
		await nextSecond();
		await get(sandbox, ctx.token, PROGRAMS);
		await get(sandbox, ctx.token, PROGRAMS);
		const stats = (await admin(sandbox, 'GET', 'stats')).body;
		expect(stats).toEqual({
			tokenCalls: 1, requests: 5, throttled: 1, resetConnections: 0, inFlight: 0, maxInFlight: 1,
			applied: 1, duplicates: 1, appliedMoreThanOnce: 0,
		});
		await admin(sandbox, 'POST', 'reset');
		expect((await admin(sandbox, 'GET', 'stats')).body).toEqual({
			tokenCalls: 0, requests: 0, throttled: 0, resetConnections: 0, inFlight: 0, maxInFlight: 0,
			applied: 0, duplicates: 0, appliedMoreThanOnce: 0,
		});
	});

	it('appliedMoreThanOnce is counted where points are applied: a back end that forgot the Operation ID would show', async () => {
		await adjust(sandbox, ctx.token, 'forgotten');
		sandbox.state.adjustments.clear();
		await adjust(sandbox, ctx.token, 'forgotten');
		expect(sandbox.stats()).toMatchObject({ applied: 1, appliedMoreThanOnce: 1 });
	});

	it('counts admitted requests in flight while they wait out latencyMs', async () => {
		sandbox.options.latencyMs = 300;
		try {
			const pending = Promise.all(Array.from({ length: 4 }, () => get(sandbox, ctx.token, PROGRAMS)));
			await new Promise((resolve) => setTimeout(resolve, 150));
			expect(sandbox.stats().inFlight).toBe(4);
			await pending;
		} finally {
			sandbox.options.latencyMs = 0;
		}
		expect(sandbox.stats()).toMatchObject({ inFlight: 0, maxInFlight: 4 });
	});

	it('a raw request with no Authorization is recorded and counted like any other', async () => {
		expect((await raw(sandbox.url, 'GET', PROGRAMS)).status).toBe(401);
		expect(sandbox.stats()).toMatchObject({ requests: 2, maxInFlight: 1 });
	});
});
