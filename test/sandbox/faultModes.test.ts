/**
 * The faults a run-level error report must survive: an answer cut off after the write was
 * applied, a connection dropped after it, a refusal in GBK, a Retry-After on an injected error.
 */
import { admin, adjust, balance, raw, useRawSandbox } from './client';

const ctx = useRawSandbox();
const { sandbox } = ctx;
const ADJUSTMENT = '/v1/points/adjustment';


describe('truncate', () => {
	it('applies the adjustment and answers HTTP 200 with half the body, fewer bytes than Content-Length promises', async () => {
		sandbox.addFault({ path: ADJUSTMENT, truncate: true });
		const answer = await adjust(sandbox, ctx.token, 't-1');
		const whole = JSON.stringify({ code: '200', msg: 'success', data: sandbox.state.adjustments.get('t-1') });
		expect(answer.status).toBe(200);
		expect(answer.complete).toBe(false);
		expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(whole));
		expect(answer.text).toBe(whole.slice(0, Math.floor(whole.length / 2)));
		expect(balance(sandbox)).toBe(1010);
		const retry = await adjust(sandbox, ctx.token, 't-1');
		expect(JSON.parse(retry.text)).toMatchObject({ code: '200', data: { balance: 1010, duplicate: true } });
		expect(sandbox.stats()).toMatchObject({ applied: 1, duplicates: 1, appliedMoreThanOnce: 0 });
	});

	it('cuts the given body when there is one; a token exchange still issues the token', async () => {
		sandbox.addFault({ path: '/v1/auth/token', truncate: true, body: { code: '200', data: { accessToken: 'never-whole' } } });
		const answer = await raw(sandbox.url, 'POST', '/v1/auth/token', { 'Content-Type': 'application/json' }, JSON.stringify({ appId: 'sandbox-app', appSecret: 'sandbox-secret-0123456789' }));
		expect(answer.text).toBe('{"code":"200","data":{"ac');
		expect(answer.complete).toBe(false);
		expect(sandbox.issuedTokens).toHaveLength(2);
	});
});

describe('applyFirst + drop (the answer lost after the write)', () => {
	it('applies the adjustment, closes the connection without an answer; the retry is answered as a duplicate', async () => {
		sandbox.addFault({ path: ADJUSTMENT, applyFirst: true, drop: true });
		await expect(adjust(sandbox, ctx.token, 'd-1')).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect(balance(sandbox)).toBe(1010);
		const retry = await adjust(sandbox, ctx.token, 'd-1');
		expect(JSON.parse(retry.text)).toMatchObject({ code: '200', data: { operationId: 'd-1', balance: 1010, duplicate: true } });
		expect(balance(sandbox)).toBe(1010);
		expect(sandbox.stats()).toMatchObject({ applied: 1, duplicates: 1, appliedMoreThanOnce: 0 });
	});
});

describe('charset', () => {
	const refusal = { code: '40096', msg: '积分不足' };
	// 积分不足 in GBK: two bytes a character.
	const GBK_MESSAGE = Buffer.from([0xbb, 0xfd, 0xb7, 0xd6, 0xb2, 0xbb, 0xd7, 0xe3]);

	it("with status and body: that answer encoded in GBK, declared 'charset=GBK', not applied", async () => {
		sandbox.addFault({ path: ADJUSTMENT, status: 200, body: refusal, charset: 'GBK' });
		const answer = await adjust(sandbox, ctx.token, 'g-1');
		expect(answer.status).toBe(200);
		expect(answer.headers['content-type']).toBe('application/json;charset=GBK');
		expect(answer.bytes.includes(GBK_MESSAGE)).toBe(true);
		expect(answer.text).not.toContain('积分不足');
		expect(new TextDecoder('gbk').decode(answer.bytes)).toBe(JSON.stringify(refusal));
		expect(balance(sandbox)).toBe(1000);
	});

	it('alone: the request is carried out and its real answer written in GBK', async () => {
		sandbox.addFault({ path: '/v1/consumer/updateInfo', charset: 'GBK' });
		const answer = await raw(sandbox.url, 'PUT', '/v1/consumer/updateInfo/C0001', { Authorization: ctx.token, 'Content-Type': 'application/json' }, JSON.stringify({ name: '陈爱丽' }));
		expect(answer.headers['content-type']).toBe('application/json;charset=GBK');
		expect(JSON.parse(new TextDecoder('gbk').decode(answer.bytes))).toMatchObject({ code: '200', data: { consumerCode: 'C0001', name: '陈爱丽' } });
		expect(sandbox.state.consumers.get('C0001')?.name).toBe('陈爱丽');
	});

	it('through POST /__sandbox/faults; an unknown charset is refused with HTTP 400', async () => {
		expect((await admin(sandbox, 'POST', 'faults', { path: ADJUSTMENT, status: 200, body: refusal, charset: 'GBK' })).status).toBe(200);
		expect((await adjust(sandbox, ctx.token, 'g-2')).headers['content-type']).toBe('application/json;charset=GBK');
		expect((await admin(sandbox, 'POST', 'faults', { path: ADJUSTMENT, charset: 'klingon' })).body).toEqual({ error: 'Unknown charset "klingon"' });
		expect(() => sandbox.addFault({ path: ADJUSTMENT, charset: 'klingon' })).toThrow('Unknown charset');
	});
});

describe('retryAfter on a fault', () => {
	it.each([
		[429, 3, '3'],
		[503, 'Wed, 21 Oct 2026 07:28:00 GMT', 'Wed, 21 Oct 2026 07:28:00 GMT'],
	])('HTTP %i carries Retry-After %p', async (status, retryAfter, header) => {
		sandbox.addFault({ path: ADJUSTMENT, status, retryAfter });
		const answer = await adjust(sandbox, ctx.token, 'r-1');
		expect(answer.status).toBe(status);
		expect(answer.headers['retry-after']).toBe(header);
		expect(JSON.parse(answer.text)).toEqual({ code: String(status), msg: `Injected HTTP ${status}`, data: null });
		expect(balance(sandbox)).toBe(1000);
	});

	it('a fault without it sends none, as before', async () => {
		sandbox.addFault({ path: ADJUSTMENT, status: 429 });
		expect((await adjust(sandbox, ctx.token, 'r-2')).headers).not.toHaveProperty('retry-after');
	});
});
