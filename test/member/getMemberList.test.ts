import { V1 } from '../support/fixture';
import { BLANK, describeOperation } from '../support/operationSuite';

const ctx = describeOperation('member.getMemberList', {
	baseline: { consumerCode: 'C0001' },
	badInput: [
		['blank customer code', { consumerCode: BLANK }, '"Customer Code" is required'],
		['page size above 100', { pageSize: 101 }, '"Page Size" must be at most 100', 1],
		['text as the page number', { pageNo: '={{ "two" }}' }, '"Page Number" must be a whole number', 1],
	],
});

describe('Member → Get Customer Member Accounts', () => {
	it('v1: GET /v1/member/list/{consumerCode} with paging, the page as one item', async () => {
		const { items } = await ctx.engine.run(
			{ resource: 'member', operation: 'getMemberList', consumerCode: 'C0001', loyaltyCode: 'LP001', pageNo: 1, pageSize: 20 },
			[{}],
			V1,
		);
		const [request] = ctx.sandbox.apiRequests('/v1/member');
		expect(request).toMatchObject({ method: 'GET', path: '/v1/member/list/C0001', query: { pageNo: '1', pageSize: '20', loyaltyCode: 'LP001' } });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ data: { total: 1, list: [{ cardNo: 'M0001' }] } });
	});

	it('v2 (Get Many): the member accounts as items, the program picked from the list', async () => {
		const { items, error } = await ctx.engine.run({
			resource: 'member', operation: 'getMemberList', consumerCode: 'C0001',
			loyaltyCode: { __rl: true, mode: 'list', value: 'LP001' },
		});
		expect(error).toBeUndefined();
		expect(ctx.sandbox.apiRequests('/v1/member')[0].query).toEqual({ loyaltyCode: 'LP001', pageNo: '1', pageSize: '50' });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ cardNo: 'M0001' });
	});
});
