/**
 * The sandbox as a gateway under load: at most `maxConcurrent` requests at once, `rateLimit` per
 * second; beyond them a request is answered at once as throttled and never carried out.
 * Asserted on what a raw HTTP client receives and on the sandbox's counts.
 */
import { admin, adjust, balance, get, nextSecond, token, useRawSandbox } from './client';

const THROTTLED = '{"code":"429","msg":"请求过于频繁，请稍后再试","data":null}';
const PROGRAMS = '/v1/member/loyaltyprograms';
const ctx = useRawSandbox();
const { sandbox } = ctx;

const statuses = (answers: Array<{ status: number }>) => answers.map((answer) => answer.status).sort();


describe('maxConcurrent', () => {
	it('handles that many at once; the others get HTTP 429 at once with Retry-After until a slot frees', async () => {
		sandbox.setLimits({ maxConcurrent: 2 });
		sandbox.options.latencyMs = 1500;
		try {
			const started = Date.now();
			const answers = await Promise.all(Array.from({ length: 5 }, () => get(sandbox, ctx.token, PROGRAMS)));
			expect(statuses(answers)).toEqual([200, 200, 429, 429, 429]);
			const throttled = answers.filter((answer) => answer.status === 429);
			for (const answer of throttled) {
				expect(answer.text).toBe(THROTTLED);
				expect(answer.headers['content-type']).toBe('application/json;charset=utf-8');
				// 1.5 s of latency left on the oldest request: whole seconds, rounded up.
				expect(answer.headers['retry-after']).toBe('2');
			}
			expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
		} finally {
			sandbox.options.latencyMs = 0;
		}
		expect(sandbox.stats()).toMatchObject({ throttled: 3, maxInFlight: 2, inFlight: 0 });
		const recorded = sandbox.apiRequests(PROGRAMS);
		expect(recorded).toHaveLength(5);
		expect(recorded.filter((request) => request.throttled)).toHaveLength(3);
	});

	it('an adjustment refused by the limit is never applied; sent again later it is applied once', async () => {
		sandbox.setLimits({ maxConcurrent: 1 });
		sandbox.options.latencyMs = 400;
		try {
			const answers = await Promise.all(['c-1', 'c-2', 'c-3'].map((id) => adjust(sandbox, ctx.token, id)));
			expect(statuses(answers)).toEqual([200, 429, 429]);
			expect(balance(sandbox)).toBe(1010);
			expect(sandbox.state.adjustments.size).toBe(1);
			for (const id of ['c-1', 'c-2', 'c-3']) expect((await adjust(sandbox, ctx.token, id)).status).toBe(200);
		} finally {
			sandbox.options.latencyMs = 0;
		}
		expect(balance(sandbox)).toBe(1030);
		expect(sandbox.stats()).toMatchObject({ applied: 3, duplicates: 1, appliedMoreThanOnce: 0, throttled: 2 });
	});
});

describe('rateLimit (fixed one-second windows aligned to the clock)', () => {
	it('admits that many per second; the rest of the second is throttled; the next second admits again', async () => {
		sandbox.setLimits({ rateLimit: 3 });
		await nextSecond();
		const answers = [];
		for (let i = 0; i < 5; i++) answers.push(await get(sandbox, ctx.token, PROGRAMS));
		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429, 429]);
		expect(answers[3].headers['retry-after']).toBe('1');
		await nextSecond();
		expect((await get(sandbox, ctx.token, PROGRAMS)).status).toBe(200);
		expect(sandbox.stats().throttled).toBe(2);
	});

	it('limits the token endpoint too, unless limitTokenEndpoint is false', async () => {
		sandbox.setLimits({ rateLimit: 1 });
		await nextSecond();
		const tokenCalls = sandbox.tokenCalls;
		await token(sandbox);
		await expect(token(sandbox)).rejects.toThrow();
		expect(sandbox.tokenCalls).toBe(tokenCalls + 1);
		expect(sandbox.apiRequests('/v1/auth/token').at(-1)?.throttled).toBe(true);
		sandbox.setLimits({ limitTokenEndpoint: false });
		for (let i = 0; i < 3; i++) expect(await token(sandbox)).toMatch(/^tok-/);
	});

	it('never limits admin calls', async () => {
		sandbox.setLimits({ rateLimit: 1, maxConcurrent: 1 });
		const answers = await Promise.all(Array.from({ length: 10 }, () => admin(sandbox, 'GET', 'stats')));
		expect(answers.every((answer) => answer.status === 200)).toBe(true);
		expect(sandbox.stats().throttled).toBe(0);
	});
});

describe('how a throttled request is answered', () => {
	async function throttledAnswer() {
		await nextSecond();
		await get(sandbox, ctx.token, PROGRAMS);
		return get(sandbox, ctx.token, PROGRAMS);
	}

	it('retryAfter: fixed seconds', async () => {
		sandbox.setLimits({ rateLimit: 1, retryAfter: 7 });
		expect((await throttledAnswer()).headers['retry-after']).toBe('7');
	});

	it("retryAfter: 'none' sends no header", async () => {
		sandbox.setLimits({ rateLimit: 1, retryAfter: 'none' });
		const answer = await throttledAnswer();
		expect(answer.status).toBe(429);
		expect(answer.headers).not.toHaveProperty('retry-after');
	});

	it("retryAfter: 'date' sends an HTTP-date no earlier than the slot frees", async () => {
		sandbox.setLimits({ rateLimit: 1, retryAfter: 'date' });
		const answer = await throttledAnswer();
		const header = String(answer.headers['retry-after']);
		expect(header).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
		const at = Date.parse(header);
		expect(at).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) * 1000);
		expect(at).toBeLessThanOrEqual(Date.now() + 3000);
	});

	it('throttleStatus: 503', async () => {
		sandbox.setLimits({ rateLimit: 1, throttleStatus: 503 });
		const answer = await throttledAnswer();
		expect(answer.status).toBe(503);
		expect(answer.text).toBe('{"code":"503","msg":"请求过于频繁，请稍后再试","data":null}');
		expect(answer.headers['retry-after']).toBe('1');
	});

	it('throttleInBody: HTTP 200 with code "429" in SocialHub’s envelope', async () => {
		sandbox.setLimits({ rateLimit: 1, throttleInBody: true });
		const answer = await throttledAnswer();
		expect(answer.status).toBe(200);
		expect(answer.bytes.equals(Buffer.from(THROTTLED, 'utf8'))).toBe(true);
	});

	it.each([
		['10029', '{"code":"10029","msg":"请求过于频繁，请稍后再试","data":null}'],
		[10029, '{"code":10029,"msg":"请求过于频繁，请稍后再试","data":null}'],
	])('throttleCode %p is sent as given', async (throttleCode, text) => {
		sandbox.setLimits({ rateLimit: 1, throttleInBody: true, throttleCode, retryAfter: 'none' });
		const answer = await throttledAnswer();
		expect(answer.status).toBe(200);
		expect(answer.text).toBe(text);
		expect(answer.headers).not.toHaveProperty('retry-after');
	});
});
