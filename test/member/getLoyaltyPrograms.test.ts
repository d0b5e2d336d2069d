import { V1 } from '../support/fixture';
import { describeOperation } from '../support/operationSuite';

const ctx = describeOperation('member.getLoyaltyPrograms', {
	baseline: {},
	badInput: [

	],
});

describe('Member → Get Loyalty Programs', () => {
	it('GET /v1/member/loyaltyprograms, SocialHub’s answer as one item', async () => {
		const { items, error } = await ctx.engine.run({ resource: 'member', operation: 'getLoyaltyPrograms' }, [{}], V1);
		expect(error).toBeUndefined();
		const [request] = ctx.sandbox.apiRequests('/v1/member');
		expect(request).toMatchObject({ method: 'GET', path: '/v1/member/loyaltyprograms', query: {} });
		expect(items).toHaveLength(1);
		expect(items[0].json.data).toEqual(ctx.sandbox.state.loyaltyPrograms);
	});

	it('is the default operation of a vendor node that stores no operation', async () => {
		await ctx.engine.run({}, [{}], V1);
		expect(ctx.sandbox.apiRequests('/v1/member')[0].path).toBe('/v1/member/loyaltyprograms');
	});
});
