import { BLANK, describeOperation } from '../support/operationSuite';
import { order } from './orders';

const ctx = describeOperation('order.getTransactionDetail', {
	baseline: { orderCode: 'T1' },
	answer: /not found/,
	badInput: [
		['blank order code', { orderCode: BLANK }, '"Order Code" is required'],
	],
});

describe('Order → Get Transaction', () => {
	it('POST /v1/transactions/{orderCode} reads what was synced', async () => {
		await ctx.engine.run(order);
		const detail = await ctx.engine.run({ resource: 'order', operation: 'getTransactionDetail', orderCode: 'T-1001' });
		expect(ctx.sandbox.apiRequests('/v1/transactions')[1]).toMatchObject({ method: 'POST', path: '/v1/transactions/T-1001' });
		expect(detail.items[0].json).toMatchObject({ transactionCode: 'T-1001' });
	});
});
