import { useSandbox } from './fixture';

const ctx = useSandbox();
const orderCalls = () => ctx.sandbox.apiRequests('/v1/transactions');

const order = {
	resource: 'order', operation: 'syncTransaction', type: 1, params: '13800000001', phonePrefCode: '+86', loyaltyCode: 'LP001',
	source: 'SHOPIFY', transactionCode: 'T-1001', storeCode: 'S01', orderDate: '2026-11-20T14:30:00', direction: 0, orderStatus: 0,
	scorePointStatus: 0, totalPrice: 25800, totalAmount: 23800, couponAmount: 1000, discountAmount: 1000, totalDisAmount: 2000,
	costAmount: 12000, grossAmount: 11800, freight: 0,
	details: { detail: [{ productCode: 'SKU-1', title: 'Sneaker', qty: 2, price: 12900, detailCode: 'L1', direction: 0, totalAmount: 23800, couponAmount: 1000, discountAmount: 1000, totalDisAmount: 2000, costAmount: 12000, grossAmount: 11800 }] },
};

describe('Order Management', () => {
	it('Sync Transaction: POST /v1/transactions/sync with the order, its lines and the date as yyyy-MM-dd HH:mm:ss', async () => {
		const { items, error } = await ctx.engine.run(order, [{}], {}, 'Asia/Shanghai');
		expect(error).toBeUndefined();
		const [request] = orderCalls();
		expect(request).toMatchObject({ method: 'POST', path: '/v1/transactions/sync' });
		expect(request.body).toEqual({
			type: 1, params: '13800000001', phonePrefCode: '+86', loyaltyCode: 'LP001', source: 'SHOPIFY', transactionCode: 'T-1001',
			storeCode: 'S01', orderDate: '2026-11-20 14:30:00', direction: 0, orderStatus: 0, scorePointStatus: 0, totalPrice: 25800,
			totalAmount: 23800, couponAmount: 1000, discountAmount: 1000, totalDisAmount: 2000, costAmount: 12000, grossAmount: 11800, freight: 0,
			details: [{ productCode: 'SKU-1', title: 'Sneaker', qty: 2, price: 12900, detailCode: 'L1', direction: 0, totalAmount: 23800, couponAmount: 1000, discountAmount: 1000, totalDisAmount: 2000, costAmount: 12000, grossAmount: 11800 }],
		});
		expect(items[0].json).toMatchObject({ code: '200', data: { orderCode: 'T-1001', consumerCode: 'C0001' } });
	});

	it('Sync Transaction: an ISO order date with a zone is written in the workflow time zone', async () => {
		await ctx.engine.run({ ...order, orderDate: '2026-11-20T06:30:00Z' }, [{}], {}, 'Asia/Shanghai');
		expect((orderCalls()[0].body as { orderDate: string }).orderDate).toBe('2026-11-20 14:30:00');
	});

	it('Sync Transaction: the whole order can come as JSON from an expression', async () => {
		const json = { type: 1, params: '13800000001', transactionCode: 'T-2002', orderDate: '2026-11-21 09:00:00', totalAmount: 500, details: [{ productCode: 'SKU-2', qty: 1, price: 500 }] };
		const { error } = await ctx.engine.run({ resource: 'order', operation: 'syncTransaction', inputMode: 'json', orderJson: '={{ $json.order }}' }, [{ order: json }]);
		expect(error).toBeUndefined();
		expect(orderCalls()[0].body).toEqual(json);
	});

	it('Sync Transaction: an order line without product code is refused, naming the line', async () => {
		const { error } = await ctx.engine.run({ ...order, details: { detail: [{ productCode: 'A', qty: 1 }, { title: 'x', qty: 1 }] } });
		expect(error?.message).toBe('Detail 2: "Product Code" is required');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it('Sync Transaction: an invalid order date is refused with the field name', async () => {
		const { error } = await ctx.engine.run({ ...order, orderDate: 'yesterday' });
		expect(error?.message).toContain('"Order Date" is not a valid date/time');
	});

	it('Get Transaction and Get Customer Transactions read what was synced', async () => {
		await ctx.engine.run(order);
		const detail = await ctx.engine.run({ resource: 'order', operation: 'getTransactionDetail', orderCode: 'T-1001' });
		const list = await ctx.engine.run({
			resource: 'order', operation: 'getTransactionList', consumerCode: 'C0001', pageNo: 1, pageSize: 20,
			beginDate: '2026-11-01T00:00:00', endDate: '2026-11-30T23:59:59',
		});
		const [, detailCall, listCall] = orderCalls();
		expect(detailCall).toMatchObject({ method: 'POST', path: '/v1/transactions/T-1001' });
		expect(listCall).toMatchObject({
			method: 'POST', path: '/v1/transactions/page/C0001',
			body: { pageNo: 1, pageSize: 20, beginDate: '2026-11-01 00:00:00', endDate: '2026-11-30 23:59:59' },
		});
		expect(detail.items[0].json).toMatchObject({ data: { transactionCode: 'T-1001' } });
		expect(list.items[0].json).toMatchObject({ data: { total: 1 } });
	});

	it('Get Customer Transactions: Return All pages through the body', async () => {
		for (let i = 0; i < 7; i++) await ctx.engine.run({ ...order, transactionCode: `T-${i}`, details: {} });
		ctx.sandbox.requests.length = 0;
		const { items } = await ctx.engine.run({ resource: 'order', operation: 'getTransactionList', consumerCode: 'C0001', returnAll: true, pageSize: 3 });
		expect(orderCalls().map((r) => (r.body as { pageNo: number }).pageNo)).toEqual([1, 2, 3]);
		expect(items).toHaveLength(7);
	});
});
