/**
 * The Loyalty Program picker (methods/listSearch.ts) when SocialHub misbehaves: a token before
 * the request leaves, a rejected token renewed once, a failed renewal's reason shown, a rate
 * limit waited out briefly (at most 2 waits of 5 s), GBK read. What the user sees in the
 * editor's "From List" dropdown.
 */
import { SANDBOX_APP_ID, adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

const PROGRAMS = [
	{ name: 'Sandbox Rewards (LP001)', value: 'LP001' },
	{ name: 'Sandbox VIP Club (LP002)', value: 'LP002' },
];

it('a token rejected twice in a row (HTTP 401, then 401 again): an error naming SocialHub’s reason, two tries at most', async () => {
	expect((await ctx.engine.run(adjustParameters({ operationId: 'pk-1' }))).error).toBeUndefined();
	ctx.sandbox.clearRequests();
	ctx.sandbox.addFault({ path: '/v1/member/loyaltyprograms', status: 401, times: Infinity, body: { code: '401', msg: 'Access token is invalid or expired', data: null } });
	await expect(ctx.engine.listSearch('searchLoyaltyPrograms')).rejects.toThrow('Could not list the loyalty programs: Access token is invalid or expired');
	expect(ctx.sandbox.apiRequests('/v1/member/loyaltyprograms').length).toBeLessThanOrEqual(2);
});

/** The App Secret edited to a wrong one; n8n's editor keeps the hidden token fields (e2e/queue.ts). */
async function editedToWrongSecret() {
	expect((await ctx.engine.run(adjustParameters({ operationId: 'pk-2' }))).error).toBeUndefined();
	const stored = ctx.engine.storedCredential()!;
	ctx.engine.credentials.store.set('cred-1', { ...stored, appSecret: 'wrong-secret-0000000000' });
	ctx.sandbox.clearRequests();
}

it('the App Secret edited to a wrong one (old keys’ token still stored): the picker says the keys are rejected', async () => {
	await editedToWrongSecret();
	await expect(ctx.engine.listSearch('searchLoyaltyPrograms')).rejects.toThrow('Invalid appId or appSecret');
});

it('the App Secret edited to a wrong one: the picker sends no request without a token', async () => {
	await editedToWrongSecret();
	await ctx.engine.listSearch('searchLoyaltyPrograms').catch(() => undefined);
	expect(ctx.sandbox.apiRequests('/v1/member/loyaltyprograms').map((r) => r.authorization ?? '(none)')).toEqual([]);
});

it('a new credential with wrong keys (no token stored): the picker says the keys are rejected', async () => {
	ctx.engine.setCredential({ baseUrl: ctx.sandbox.url, appId: SANDBOX_APP_ID, appSecret: 'wrong-secret-0000000000' });
	await expect(ctx.engine.listSearch('searchLoyaltyPrograms')).rejects.toThrow('Invalid appId or appSecret');
});

it('throttled without end (HTTP 429, Retry-After: 60): the dropdown gives up within 15 s with the rate-limit reason', async () => {
	ctx.sandbox.addFault({ path: '/v1/member/loyaltyprograms', status: 429, retryAfter: 60, times: Infinity });
	const started = Date.now();
	await expect(ctx.engine.listSearch('searchLoyaltyPrograms')).rejects.toThrow('Could not list the loyalty programs');
	expect(Date.now() - started).toBeLessThan(15_000);
}, 60_000);

it('a Base URL with a trailing slash and upper-case host: the picker lists the programs', async () => {
	ctx.engine.setCredential({ baseUrl: `${ctx.sandbox.url.replace('127.0.0.1', '127.0.0.1')}/`.replace('http://', 'HTTP://'), appId: SANDBOX_APP_ID, appSecret: 'sandbox-secret-0123456789' });
	const { results } = await ctx.engine.listSearch('searchLoyaltyPrograms');
	expect(results).toEqual(PROGRAMS);
});

it('a token expired as HTTP 200 code 401 and the first renewal throttled (429 on the token endpoint): lists the programs', async () => {
	expect((await ctx.engine.run(adjustParameters({ operationId: 'pk-3' }))).error).toBeUndefined();
	ctx.sandbox.setRejectTokensInBody(true);
	ctx.sandbox.expireTokens();
	ctx.sandbox.addFault({ path: '/v1/auth/token', status: 429, retryAfter: 1 });
	try {
		const { results } = await ctx.engine.listSearch('searchLoyaltyPrograms');
		expect(results).toEqual(PROGRAMS);
	} finally {
		ctx.sandbox.setRejectTokensInBody(false);
	}
}, 30_000);
