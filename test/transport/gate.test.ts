/** The gate's own rules (flowControl.ts), without n8n: fast unit tests with a fake clock-free flow. */
import { Gate, INITIAL_WINDOW, MAX_WINDOW } from '../../nodes/SocialHub/transport/flowControl';
import { Cancelled, Places, pause } from '../../nodes/SocialHub/transport/places';
import { backoffMs, isRateLimitAnswer, retryAfterOf } from '../../nodes/SocialHub/transport/throttling';

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

	it('a throttle cuts the window to the requests that left before the refused one, at most by half', async () => {
		const gate = new Gate();
		const owner = {};
		const tickets = [];
		for (let i = 0; i < 20; i++) tickets.push(await gate.enter(owner));
		// Request 11 refused while 10 that left before it are still in flight: the limit is 10.
		gate.leave(tickets[10], 'throttled');
		expect(gate.window).toBe(32);
		const later = await gate.enter(owner);
		gate.leave(later, 'throttled');
		expect(gate.window).toBe(19);
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

	it('a request waiting for a place stops when its run is cancelled', async () => {
		const gate = new Gate();
		gate.window = 1;
		const [busy, cancelled] = [{}, {}];
		await gate.enter(busy);
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
