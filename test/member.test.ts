import { useSandbox } from './fixture';

const ctx = useSandbox();

describe('Member Management', () => {
	it('Get Loyalty Programs: GET /v1/member/loyaltyprograms', async () => {
		const { items, error } = await ctx.engine.run({ resource: 'member', operation: 'getLoyaltyPrograms' });
		expect(error).toBeUndefined();
		const [request] = ctx.sandbox.apiRequests('/v1/member');
		expect(request).toMatchObject({ method: 'GET', path: '/v1/member/loyaltyprograms', query: {} });
		expect(items).toHaveLength(1);
		expect(items[0].json.data).toEqual(ctx.sandbox.state.loyaltyPrograms);
	});

	it('Get Member: GET /v1/member/{cardNo}', async () => {
		const { items } = await ctx.engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		expect(ctx.sandbox.apiRequests('/v1/member')[0]).toMatchObject({ method: 'GET', path: '/v1/member/M0001' });
		expect(items[0].json).toMatchObject({ code: '200', data: { cardNo: 'M0001', consumerCode: 'C0001' } });
	});

	it('Get Member: a path value cannot change the endpoint', async () => {
		const { error } = await ctx.engine.run({ resource: 'member', operation: 'getMember', cardNo: 'A/../B?x=1#y' });
		const [request] = ctx.sandbox.apiRequests('/v1/member');
		expect(request.path).toBe('/v1/member/A%2F..%2FB%3Fx%3D1%23y');
		expect(request.query).toEqual({});
		expect(error?.message).toBe('Get Member failed: Member card A/../B?x=1#y not found');
	});

	it.each(['..', '.'])('Get Member: refuses "%s" as a card number before any request', async (cardNo) => {
		const { error } = await ctx.engine.run({ resource: 'member', operation: 'getMember', cardNo });
		expect(error?.message).toBe(`"Card Number" cannot be "${cardNo}"`);
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it('Get Customer Member Accounts: GET /v1/member/list/{consumerCode} with paging', async () => {
		const { items } = await ctx.engine.run({
			resource: 'member', operation: 'getMemberList', consumerCode: 'C0001', loyaltyCode: 'LP001', pageNo: 1, pageSize: 20,
		});
		const [request] = ctx.sandbox.apiRequests('/v1/member');
		expect(request).toMatchObject({ method: 'GET', path: '/v1/member/list/C0001', query: { pageNo: '1', pageSize: '20', loyaltyCode: 'LP001' } });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ data: { total: 1, list: [{ cardNo: 'M0001' }] } });
	});

	it('Enroll Customer as Member: POST /v1/member/admission with the documented body', async () => {
		const { items, error } = await ctx.engine.run({
			resource: 'member', operation: 'memberAdmission', loyaltyCode: 'LP002', mobilePhone: '13900000002',
			memberName: 'Bob Li', storeCode: 'S01', sourceCode: '10140001', email: 'bob@example.com',
		});
		expect(error).toBeUndefined();
		const [request] = ctx.sandbox.apiRequests('/v1/member');
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/member/admission');
		expect(request.body).toEqual({
			loyaltyProgramCode: 'LP002', phonePrefCode: '+86', mobilePhone: '13900000002', name: 'Bob Li',
			storeCode: 'S01', sourceCode: '10140001', email: 'bob@example.com',
		});
		expect(items[0].json).toMatchObject({ code: '200', data: { cardNo: expect.stringMatching(/^M/) } });
	});

	it('Enroll Customer as Member: a missing loyalty program is refused before any request', async () => {
		const { error } = await ctx.engine.run({
			resource: 'member', operation: 'memberAdmission', loyaltyCode: '={{ "" }}', mobilePhone: '1',
		});
		expect(error?.message).toBe('"Loyalty Program Code" is required');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});
});
