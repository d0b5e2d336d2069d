import { BLANK, describeOperation } from '../support/operationSuite';

const ctx = describeOperation('member.getMember', {
	baseline: { cardNo: 'M0001' },
	badInput: [
		['blank card number', { cardNo: BLANK }, '"Card Number" is required'],
	],
});

describe('Member → Get Member', () => {
	it('GET /v1/member/{cardNo}', async () => {
		const { items } = await ctx.engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		expect(ctx.sandbox.apiRequests('/v1/member')[0]).toMatchObject({ method: 'GET', path: '/v1/member/M0001' });
		expect(items[0].json).toMatchObject({ cardNo: 'M0001', consumerCode: 'C0001' });
	});

	it('a path value cannot change the endpoint', async () => {
		const { error } = await ctx.engine.run({ resource: 'member', operation: 'getMember', cardNo: 'A/../B?x=1#y' });
		const [request] = ctx.sandbox.apiRequests('/v1/member');
		expect(request.path).toBe('/v1/member/A%2F..%2FB%3Fx%3D1%23y');
		expect(request.query).toEqual({});
		expect(error?.message).toBe('Get Member failed: Member card A/../B?x=1#y not found');
	});

	it.each(['..', '.'])('refuses "%s" as a card number before any request', async (cardNo) => {
		const { error } = await ctx.engine.run({ resource: 'member', operation: 'getMember', cardNo });
		expect(error?.message).toBe(`"Card Number" cannot be "${cardNo}"`);
		expect(ctx.sandbox.requests).toHaveLength(0);
	});
});
