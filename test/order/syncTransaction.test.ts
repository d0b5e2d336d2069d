import { V1 } from '../support/fixture';
import { BLANK, describeOperation } from '../support/operationSuite';
import { outputOf } from '../support/outputs';
import { order } from './orders';

const line = { detailCode: 'L1', productCode: 'SKU-1', title: 'Sneaker', qty: 1, price: 100 };

const ctx = describeOperation('order.syncTransaction', {
	baseline: {
		type: 1, params: '13800000001', transactionCode: 'T1', storeCode: 'S01',
		orderDate: '2026-01-01 00:00:00', details: { detail: [line] },
	},
	badInput: [
		['blank member identifier', { params: BLANK }, '"Member Identifier" is required'],
		['blank transaction code', { transactionCode: BLANK }, '"Transaction Code" is required'],
		['blank order date', { orderDate: BLANK }, '"Order Date" is required'],
		['text as an amount', { totalAmount: '={{ "lots" }}' }, '"Total Amount (Cents)" must be a whole number'],
		['direction out of range', { direction: '={{ 5 }}' }, '"Direction" must be one of 0, 1, 2'],
		['invalid order JSON', { inputMode: 'json', orderJson: '{"type": 1,' }, '"Order (JSON)" is not valid JSON'],
		['order JSON that is an array', { inputMode: 'json', orderJson: '[]' }, '"Order (JSON)" must be a JSON object'],
	],
});
const orderCalls = () => ctx.sandbox.apiRequests('/v1/transactions');

describe('Order → Sync Transaction', () => {
	it.each([
		['v2', {}],
		['v1', V1],
	])('%s: POST /v1/transactions/sync with the order, its lines and the date as yyyy-MM-dd HH:mm:ss', async (_what, settings) => {
		const { items, error } = await ctx.engine.run(order, [{}], settings, 'Asia/Shanghai');
		expect(error).toBeUndefined();
		const [request] = orderCalls();
		expect(request).toMatchObject({ method: 'POST', path: '/v1/transactions/sync' });
		expect(request.body).toEqual({
			type: 1, params: '13800000001', phonePrefCode: '+86', loyaltyCode: 'LP001', source: 'SHOPIFY', transactionCode: 'T-1001',
			storeCode: 'S01', orderDate: '2026-11-20 14:30:00', direction: 0, orderStatus: 0, scorePointStatus: 0, totalPrice: 25800,
			totalAmount: 23800, couponAmount: 1000, discountAmount: 1000, totalDisAmount: 2000, costAmount: 12000, grossAmount: 11800, freight: 0,
			details: [{ productCode: 'SKU-1', title: 'Sneaker', qty: 2, price: 12900, detailCode: 'L1', direction: 0, totalAmount: 23800, couponAmount: 1000, discountAmount: 1000, totalDisAmount: 2000, costAmount: 12000, grossAmount: 11800 }],
		});
		// Version 1 outputs SocialHub's envelope, version 2 the resource itself.
		expect(outputOf(items[0], settings)).toMatchObject({ orderCode: 'T-1001', consumerCode: 'C0001' });
	});

	it('an ISO order date with a zone is written in the workflow time zone', async () => {
		await ctx.engine.run({ ...order, orderDate: '2026-11-20T06:30:00Z' }, [{}], {}, 'Asia/Shanghai');
		expect((orderCalls()[0].body as { orderDate: string }).orderDate).toBe('2026-11-20 14:30:00');
	});

	it('the whole order can come as JSON from an expression', async () => {
		const json = { type: 1, params: '13800000001', transactionCode: 'T-2002', storeCode: 'S01', orderDate: '2026-11-21 09:00:00', totalAmount: 500, details: [{ productCode: 'SKU-2', qty: 1, price: 500 }] };
		const { error } = await ctx.engine.run({ resource: 'order', operation: 'syncTransaction', inputMode: 'json', orderJson: '={{ $json.order }}' }, [{ order: json }]);
		expect(error).toBeUndefined();
		expect(orderCalls()[0].body).toEqual(json);
	});

	it('an order line without product code is refused, naming the line', async () => {
		const line = { detailCode: 'L', title: 't', qty: 1 };
		const { error } = await ctx.engine.run({
			...order,
			details: { detail: [{ ...line, productCode: 'A' }, { ...line, productCode: '={{ "" }}' }] },
		});
		expect(error?.message).toBe('Detail 2: "Product Code" is required');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it('an invalid order date is refused with the field name', async () => {
		const { error } = await ctx.engine.run({ ...order, orderDate: 'yesterday' }, [{}], V1);
		expect(error?.message).toContain('"Order Date" is not a valid date/time');
	});
});

describe('Order Date as wall-clock text in a DST gap', () => {
	it('v1: the stored "2026-03-08 02:30:00" is sent unchanged, or refused — never moved to 03:30', async () => {
		const line = { direction: 0, detailCode: 'L1', productCode: 'SKU-1', title: 'T', qty: 1, price: 100, totalAmount: 100, couponAmount: 0, discountAmount: 0, totalDisAmount: 0, costAmount: 0, grossAmount: 100 };
		const { error } = await ctx.engine.run(
			{
				resource: 'order', operation: 'syncTransaction', type: 1, params: '13800000001', transactionCode: 'TX-DST', storeCode: 'S01',
				orderDate: '2026-03-08 02:30:00', totalPrice: 100, totalAmount: 100, grossAmount: 100, details: { detail: [line] },
			},
			[{}],
			V1,
			'America/New_York',
		);
		const sent = ctx.sandbox.apiRequests('/v1/transactions/sync')[0]?.body as { orderDate?: string } | undefined;
		if (error === undefined) expect(sent?.orderDate).toBe('2026-03-08 02:30:00');
		else expect(error.message).toContain('Order Date');
	});
});
