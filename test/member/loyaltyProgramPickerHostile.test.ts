/**
 * The Loyalty Program picker (version 2, "From List") calls SocialHub through n8n's
 * httpRequestWithAuthentication directly, outside the node's runner: none of the runner's answers
 * to a real deployment reach it. What an n8n user sees when opening the picker:
 */
import { adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

const PROGRAMS = [
	{ name: 'Sandbox Rewards (LP001)', value: 'LP001' },
	{ name: 'Sandbox VIP Club (LP002)', value: 'LP002' },
];

it('SocialHub answering an expired token as HTTP 200 with code 401: the picker renews it and lists the programs', async () => {
	expect((await ctx.engine.run(adjustParameters({ operationId: 'picker-1' }))).error).toBeUndefined();
	ctx.sandbox.setRejectTokensInBody(true);
	ctx.sandbox.expireTokens();
	try {
		const { results } = await ctx.engine.listSearch('searchLoyaltyPrograms');
		expect(results).toEqual(PROGRAMS);
	} finally {
		ctx.sandbox.setRejectTokensInBody(false);
	}
});

it('throttled once (HTTP 429, Retry-After: 1): the picker waits and lists the programs', async () => {
	ctx.sandbox.addFault({ path: '/v1/member/loyaltyprograms', status: 429, retryAfter: 1 });
	const { results } = await ctx.engine.listSearch('searchLoyaltyPrograms');
	expect(results).toEqual(PROGRAMS);
});

it('a refusal written in GBK is shown readable', async () => {
	ctx.sandbox.addFault({ path: '/v1/member/loyaltyprograms', status: 200, body: { code: '500', msg: '系统繁忙', data: null }, charset: 'GBK' });
	await expect(ctx.engine.listSearch('searchLoyaltyPrograms')).rejects.toThrow('Could not list the loyalty programs: 系统繁忙');
});
