import { BLANK, describeOperation } from '../support/operationSuite';

const ctx = describeOperation('consumer.queryThirdAccountsByUnionId', {
	baseline: { unionId: 'u' },
	badInput: [
		['blank union id', { unionId: BLANK }, '"Union ID" is required'],
	],
});

describe('Customer → Get Third-Party Accounts', () => {
	it('GET /v1/consumer/thirdaccounts/{unionId} lists what was bound', async () => {
		await ctx.engine.run({ resource: 'consumer', operation: 'bindConsumerThirdAccount', consumerCode: 'C0001', unionId: 'shop-77' });
		const { items } = await ctx.engine.run({ resource: 'consumer', operation: 'queryThirdAccountsByUnionId', unionId: 'shop-77' });
		const query = ctx.sandbox.apiRequests('/v1/consumer')[1];
		expect(query).toMatchObject({ method: 'GET', path: '/v1/consumer/thirdaccounts/shop-77' });
		// Version 2: one item per bound account.
		expect(items.map((item) => item.json)).toEqual([expect.objectContaining({ consumerCode: 'C0001', unionId: 'shop-77' })]);
	});
});
