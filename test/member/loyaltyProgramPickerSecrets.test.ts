/**
 * The Loyalty Program picker (methods/listSearch.ts) against hostile answers. Secrets (App Secret, access token) must never appear in any error text.
 */
import { SANDBOX_APP_SECRET, adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

/** Everything an error thrown by listSearch shows the user (message, description, cause). */
async function pickerError(): Promise<string> {
	try {
		await ctx.engine.listSearch('searchLoyaltyPrograms');
	} catch (error) {
		const e = error as { message?: string; description?: string };
		return JSON.stringify({ message: e.message, description: e.description, all: JSON.stringify(error) });
	}
	throw new Error('the picker did not fail');
}

async function warm() {
	expect((await ctx.engine.run(adjustParameters({ operationId: 'b3-warm' }))).error).toBeUndefined();
	ctx.sandbox.clearRequests();
}

it('a gateway that echoes the request (token included) in a 500 on the programs list: the token is not in the picker error', async () => {
	await warm();
	const token = ctx.engine.storedCredential()!.accessToken as string;
	ctx.sandbox.addFault({ path: '/v1/member/loyaltyprograms', echo: true, status: 500, times: Infinity });
	const text = await pickerError();
	expect(text).toContain('Could not list the loyalty programs');
	expect(text).not.toContain(token);
});

it('a gateway that echoes the request in HTTP 200 code 500 on the programs list: the token is not in the picker error', async () => {
	await warm();
	const token = ctx.engine.storedCredential()!.accessToken as string;
	ctx.sandbox.addFault({ path: '/v1/member/loyaltyprograms', echo: true, times: Infinity });
	const text = await pickerError();
	expect(text).not.toContain(token);
});

it('token rejected, then the token endpoint echoes the request (App Secret included): the secret is not in the picker error', async () => {
	await warm();
	ctx.sandbox.expireTokens();
	ctx.sandbox.addFault({ path: '/v1/auth/token', echo: true, times: Infinity });
	const text = await pickerError();
	expect(text).not.toContain(SANDBOX_APP_SECRET);
});

it('endless HTTP 401: the picker stops after one renewal (≤ 2 list calls, ≤ 1 token call)', async () => {
	await warm();
	ctx.sandbox.addFault({ path: '/v1/member/loyaltyprograms', status: 401, times: Infinity });
	await pickerError();
	expect(ctx.sandbox.apiRequests('/v1/member/loyaltyprograms').length).toBeLessThanOrEqual(2);
	expect(ctx.sandbox.tokenCalls).toBeLessThanOrEqual(1);
});

it.each([
	['garbage', 'soon'],
	['negative', '-5'],
	['HTTP-date far in the future', 'Tue, 01 Jan 2999 00:00:00 GMT'],
])('429 forever with Retry-After %s: the picker gives up within 12 s, ≤ 3 list calls', async (_name, retryAfter) => {
	await warm();
	ctx.sandbox.addFault({ path: '/v1/member/loyaltyprograms', status: 429, retryAfter, times: Infinity });
	const started = Date.now();
	const text = await pickerError();
	expect(text).toContain('Could not list the loyalty programs');
	expect(Date.now() - started).toBeLessThan(12_000);
	expect(ctx.sandbox.apiRequests('/v1/member/loyaltyprograms').length).toBeLessThanOrEqual(3);
}, 30_000);

it('an answer that is not JSON (HTTP 200, cut-off JSON): a readable error, no token in it', async () => {
	await warm();
	const token = ctx.engine.storedCredential()!.accessToken as string;
	ctx.sandbox.addFault({ path: '/v1/member/loyaltyprograms', malformed: true, times: Infinity });
	const text = await pickerError();
	expect(text).toContain('Could not list the loyalty programs');
	expect(text).not.toContain(token);
});
