/**
 * `resetBeyond`: a gateway's limit on open connections. Beyond it a new connection is reset
 * (ECONNRESET, no answer) and what it carried is never applied; admin calls still get through.
 */
import { admin, adjust, balance, get, useRawSandbox } from './client';

const ctx = useRawSandbox();
const { sandbox } = ctx;


it('with 3 connections open, the 4th and 5th are reset without an answer and not applied', async () => {
	sandbox.setLimits({ resetBeyond: 3 });
	sandbox.options.latencyMs = 500;
	try {
		const held = Array.from({ length: 3 }, () => get(sandbox, ctx.token, '/v1/member/loyaltyprograms'));
		await new Promise((resolve) => setTimeout(resolve, 100));
		await expect(adjust(sandbox, ctx.token, 'beyond-1')).rejects.toMatchObject({ code: 'ECONNRESET' });
		await expect(adjust(sandbox, ctx.token, 'beyond-2')).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect((await admin(sandbox, 'GET', 'stats')).status).toBe(200);
		expect((await Promise.all(held)).map((answer) => answer.status)).toEqual([200, 200, 200]);
	} finally {
		sandbox.options.latencyMs = 0;
	}
	expect(balance(sandbox)).toBe(1000);
	expect(sandbox.apiRequests('/v1/points/adjustment')).toHaveLength(0);
	expect(sandbox.stats()).toMatchObject({ resetConnections: 2, applied: 0 });
	// Once the three have closed, a new connection is admitted again.
	expect((await adjust(sandbox, ctx.token, 'after')).status).toBe(200);
	expect(balance(sandbox)).toBe(1010);
});

it('through POST /__sandbox/limits; clearing it admits every connection again', async () => {
	await admin(sandbox, 'POST', 'limits', { resetBeyond: 0 });
	await expect(get(sandbox, ctx.token, '/v1/member/loyaltyprograms')).rejects.toMatchObject({ code: 'ECONNRESET' });
	await admin(sandbox, 'POST', 'limits', { resetBeyond: null });
	expect((await get(sandbox, ctx.token, '/v1/member/loyaltyprograms')).status).toBe(200);
	expect(sandbox.stats().resetConnections).toBe(1);
});
