import { useSandbox } from '../support/fixture';

const ctx = useSandbox();

describe('Loyalty Program picker (version 2)', () => {
	it('lists the tenant’s programs from GET /v1/member/loyaltyprograms', async () => {
		const { results } = await ctx.engine.listSearch('searchLoyaltyPrograms');
		expect(results).toEqual([
			{ name: 'Sandbox Rewards (LP001)', value: 'LP001' },
			{ name: 'Sandbox VIP Club (LP002)', value: 'LP002' },
		]);
		const [request] = ctx.sandbox.apiRequests('/v1/member');
		expect(request).toMatchObject({ method: 'GET', path: '/v1/member/loyaltyprograms' });
		expect(request.authorization).toMatch(/^tok-/);
	});

	it('filters by what the user types', async () => {
		const { results } = await ctx.engine.listSearch('searchLoyaltyPrograms', 'vip');
		expect(results).toEqual([{ name: 'Sandbox VIP Club (LP002)', value: 'LP002' }]);
	});

	it('says why when SocialHub refuses the keys', async () => {
		ctx.engine.setCredential({ baseUrl: ctx.sandbox.url, appId: 'sandbox-app', appSecret: 'wrong-secret-value' });
		await expect(ctx.engine.listSearch('searchLoyaltyPrograms')).rejects.toThrow(/Invalid appId or appSecret/);
	});
});
