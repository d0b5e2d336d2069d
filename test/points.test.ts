import { useSandbox } from './fixture';

const ctx = useSandbox();

describe('Points Management (lists)', () => {
	it('Get Member Points Accounts: GET /v1/points/pointsAccount/{cardNo}', async () => {
		const { items } = await ctx.engine.run({
			resource: 'points', operation: 'getPointsAccount', cardNo: 'M0001', pointsGroupCode: 'PG01', pageNo: 1, pageSize: 10,
		});
		const [request] = ctx.sandbox.apiRequests('/v1/points');
		expect(request).toMatchObject({ method: 'GET', path: '/v1/points/pointsAccount/M0001', query: { pageNo: '1', pageSize: '10', pointsGroupCode: 'PG01' } });
		expect(items[0].json).toMatchObject({ data: { total: 1, list: [{ accountCode: 'PA0001', balance: 1000 }] } });
	});

	it('Get Points Records: sends status and ms-epoch dates as query parameters', async () => {
		await ctx.engine.run({
			resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', status: 0,
			beginDate: '2026-01-01T00:00:00Z', endDate: '2026-12-31T23:59:59Z', pageNo: 2, pageSize: 5,
		});
		expect(ctx.sandbox.apiRequests('/v1/points')[0]).toMatchObject({
			path: '/v1/points/pointsRecords/PA0001',
			query: { status: '0', beginDate: String(Date.UTC(2026, 0, 1)), endDate: String(Date.UTC(2026, 11, 31, 23, 59, 59)), pageNo: '2', pageSize: '5' },
		});
	});

	it('Get Points Records: "All" statuses omits the status', async () => {
		await ctx.engine.run({ resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', status: '' });
		expect(ctx.sandbox.apiRequests('/v1/points')[0].query).toEqual({ pageNo: '1', pageSize: '10' });
	});

	it('Return All: 23 rows with page size 10 → 3 requests and 23 items', async () => {
		ctx.sandbox.state.records.length = 0;
		ctx.sandbox.state.seedRecords('PA0001', 23);
		const { items, error } = await ctx.engine.run({
			resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', returnAll: true, pageSize: 10,
		});
		expect(error).toBeUndefined();
		const pages = ctx.sandbox.apiRequests('/v1/points').map((r) => r.query.pageNo);
		expect(pages).toEqual(['1', '2', '3']);
		expect(items).toHaveLength(23);
		expect(items[0].json).toMatchObject({ operationId: 'bulk-0' });
		expect(items[22].json).toMatchObject({ operationId: 'bulk-22' });
	});

	it('Split Into Items with a Limit reads on from the page number until the limit', async () => {
		ctx.sandbox.state.seedRecords('PA0001', 40);
		const { items } = await ctx.engine.run({
			resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', pageNo: 2, pageSize: 10, splitIntoItems: true, limit: 15,
		});
		expect(ctx.sandbox.apiRequests('/v1/points').map((r) => r.query.pageNo)).toEqual(['2', '3']);
		expect(items).toHaveLength(15);
	});

	it('Return All walks every input item separately', async () => {
		ctx.sandbox.state.seedRecords('PA0001', 4);
		const { items } = await ctx.engine.run(
			{ resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', returnAll: true, pageSize: 100 },
			[{}, {}],
		);
		expect(items).toHaveLength(10);
	});

	it('refuses a page size above 100 before any request', async () => {
		const { error } = await ctx.engine.run({
			resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', pageSize: '={{ 500 }}',
		});
		expect(error?.message).toBe('"Page Size" must be at most 100 (got 500)');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it('a page that fails in the middle of Return All is an error, not a short list', async () => {
		ctx.sandbox.state.seedRecords('PA0001', 30);
		ctx.sandbox.addFault({ path: '/v1/points/pointsRecords', skip: 1, status: 502 });
		const { error, items } = await ctx.engine.run({
			resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', returnAll: true, pageSize: 10,
		});
		expect(items).toHaveLength(0);
		expect(error?.message).toBe('Get Points Records failed: Injected HTTP 502');
		expect(error?.description).toContain('HTTP 502');
	});
});
