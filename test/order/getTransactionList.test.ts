import { V1 } from '../support/fixture';
import { BLANK, describeOperation } from '../support/operationSuite';
import { order } from './orders';

const ctx = describeOperation('order.getTransactionList', {
	baseline: { consumerCode: 'C0001' },
	badInput: [
		['blank customer code', { consumerCode: BLANK }, '"Customer Code" is required'],
		['invalid begin date', { beginDate: 'yesterday' }, '"Begin Date" is not a valid date/time'],
		['page size above 100', { pageSize: '={{ 1000 }}' }, '"Page Size" must be at most 100', 1],
	],
});
const orderCalls = () => ctx.sandbox.apiRequests('/v1/transactions');

describe('Order → Get Customer Transactions', () => {
	it('v1: paging and dates in the body, the page as one item', async () => {
		await ctx.engine.run(order);
		const list = await ctx.engine.run(
			{
				resource: 'order', operation: 'getTransactionList', consumerCode: 'C0001', pageNo: 1, pageSize: 20,
				beginDate: '2026-11-01T00:00:00', endDate: '2026-11-30T23:59:59',
			},
			[{}],
			V1,
		);
		expect(orderCalls()[1]).toMatchObject({
			method: 'POST', path: '/v1/transactions/page/C0001',
			body: { pageNo: 1, pageSize: 20, beginDate: '2026-11-01 00:00:00', endDate: '2026-11-30 23:59:59' },
		});
		expect(list.items[0].json).toMatchObject({ data: { total: 1 } });
	});

	it('Return All pages through the body', async () => {
		for (let i = 0; i < 7; i++) await ctx.engine.run({ ...order, transactionCode: `T-${i}` });
		ctx.sandbox.requests.length = 0;
		const { items } = await ctx.engine.run({ resource: 'order', operation: 'getTransactionList', consumerCode: 'C0001', returnAll: true, pageSize: 3 }, [{}], V1);
		expect(orderCalls().map((r) => (r.body as { pageNo: number }).pageNo)).toEqual([1, 2, 3]);
		expect(items).toHaveLength(7);
	});

	it('v2 (Get Many): Limit 5 of 7 transactions as items', async () => {
		for (let i = 0; i < 7; i++) await ctx.engine.run({ ...order, transactionCode: `T-${i}` });
		ctx.sandbox.requests.length = 0;
		const { items } = await ctx.engine.run({ resource: 'order', operation: 'getTransactionList', consumerCode: 'C0001', limit: 5 });
		expect(orderCalls().map((r) => r.body)).toEqual([{ pageNo: 1, pageSize: 5 }]);
		expect(items).toHaveLength(5);
		expect(items[0].json).toMatchObject({ transactionCode: expect.stringMatching(/^T-/) });
	});
});
