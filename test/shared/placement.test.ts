import { V1, useSandbox } from '../support/fixture';



const ctx = useSandbox();

describe('required fields that resolve to blank', () => {
	it.each([
		['Event Time', { eventTime: '={{ $json.missing }}' }],
		['Event ID', { eventId: '={{ $json.missing }}' }],
		['Tenant ID', { tenantId: '={{ $json.missing }}' }],
	])('Import Events: a blank %s is refused, the event is not sent without it', async (label, blank) => {
		const event = { eventKey: 'k', eventTime: 1800000000000, customerCode: 'C0001', eventId: 'e1', tenantId: 't1', properties: '{}', ...blank };
		const { error } = await ctx.engine.run({ resource: 'consumer', operation: 'importConsumerEventData', data: { event: [event] } }, [{}], V1);
		expect(error?.message).toContain(label);
		expect(ctx.sandbox.apiRequests('/v1/consumer/event/data')).toHaveLength(0);
	});

	it.each([
		['Total Price', { totalPrice: '={{ $json.missing }}' }, {}],
		['Price', {}, { price: '={{ $json.missing }}' }],
	])('Sync Transaction: a blank %s is refused, the order is not sent without it', async (label, order, lineOverride) => {
		const line = { direction: 0, detailCode: 'L1', productCode: 'SKU-1', title: 'T', qty: 1, price: 100, totalAmount: 100, couponAmount: 0, discountAmount: 0, totalDisAmount: 0, costAmount: 0, grossAmount: 100, ...lineOverride };
		const { error } = await ctx.engine.run(
			{
				resource: 'order', operation: 'syncTransaction', type: 1, params: '13800000001', transactionCode: 'TX-REQ', storeCode: 'S01',
				orderDate: '2026-11-20 14:30:00', totalPrice: 100, totalAmount: 100, grossAmount: 100, ...order, details: { detail: [line] },
			},
			[{}],
			V1,
		);
		expect(error?.message).toContain(label);
		expect(ctx.sandbox.apiRequests('/v1/transactions/sync')).toHaveLength(0);
	});
});
