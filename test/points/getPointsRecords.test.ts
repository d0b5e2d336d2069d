import { V1 } from '../support/fixture';
import { BLANK, describeOperation } from '../support/operationSuite';

const ctx = describeOperation('points.getPointsRecords', {
	baseline: { accountCode: 'PA0001' },
	badInput: [
		['blank account code', { accountCode: BLANK }, '"Points Account Code" is required'],
		['invalid end date', { endDate: 'tomorrow-ish' }, '"End Date" is not a valid date/time'],
		['status out of range', { status: '={{ 4 }}' }, '"Status" must be one of 0, 1, 2'],
	],
});

const records = { resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001' };
const pages = () => ctx.sandbox.apiRequests('/v1/points').map((r) => r.query.pageNo);

describe('Points → Get Points Records', () => {
	it('sends status and ms-epoch dates as query parameters', async () => {
		await ctx.engine.run(
			{ ...records, status: 0, beginDate: '2026-01-01T00:00:00Z', endDate: '2026-12-31T23:59:59Z', pageNo: 2, pageSize: 5 },
			[{}],
			V1,
		);
		expect(ctx.sandbox.apiRequests('/v1/points')[0]).toMatchObject({
			path: '/v1/points/pointsRecords/PA0001',
			query: { status: '0', beginDate: String(Date.UTC(2026, 0, 1)), endDate: String(Date.UTC(2026, 11, 31, 23, 59, 59)), pageNo: '2', pageSize: '5' },
		});
	});

	it('"All" statuses omits the status', async () => {
		await ctx.engine.run({ ...records, status: '' }, [{}], V1);
		expect(ctx.sandbox.apiRequests('/v1/points')[0].query).toEqual({ pageNo: '1', pageSize: '10' });
	});

	it('Return All: 23 rows with page size 10 → 3 requests and 23 items', async () => {
		ctx.sandbox.state.records.length = 0;
		ctx.sandbox.state.seedRecords('PA0001', 23);
		const { items, error } = await ctx.engine.run({ ...records, returnAll: true, pageSize: 10 }, [{}], V1);
		expect(error).toBeUndefined();
		expect(pages()).toEqual(['1', '2', '3']);
		expect(items).toHaveLength(23);
		expect(items[0].json).toMatchObject({ operationId: 'bulk-0' });
		expect(items[22].json).toMatchObject({ operationId: 'bulk-22' });
	});

	it('Split Into Items with a Limit reads on from the page number until the limit', async () => {
		ctx.sandbox.state.seedRecords('PA0001', 40);
		const { items } = await ctx.engine.run({ ...records, pageNo: 2, pageSize: 10, splitIntoItems: true, limit: 15 }, [{}], V1);
		expect(pages()).toEqual(['2', '3']);
		expect(items).toHaveLength(15);
	});

	it('Return All walks every input item separately', async () => {
		ctx.sandbox.state.seedRecords('PA0001', 4);
		const { items } = await ctx.engine.run({ ...records, returnAll: true, pageSize: 100 }, [{}, {}], V1);
		expect(items).toHaveLength(10);
	});

	it('refuses a page size above 100 before any request', async () => {
		const { error } = await ctx.engine.run({ ...records, pageSize: '={{ 500 }}' }, [{}], V1);
		expect(error?.message).toBe('"Page Size" must be at most 100 (got 500)');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it('a page that fails in the middle of Return All is an error, not a short list', async () => {
		ctx.sandbox.state.seedRecords('PA0001', 30);
		ctx.sandbox.addFault({ path: '/v1/points/pointsRecords', skip: 1, status: 502 });
		const { error, items } = await ctx.engine.run({ ...records, returnAll: true, pageSize: 10 }, [{}], V1);
		expect(items).toHaveLength(0);
		expect(error?.message).toContain('Get Points Records failed: Injected HTTP 502');
		expect(error?.description).toContain('HTTP 502');
	});

	it('v2 (Get Many Records): Limit 15 of 40 rows in one page of 15', async () => {
		ctx.sandbox.state.seedRecords('PA0001', 40);
		const { items } = await ctx.engine.run({ ...records, limit: 15 });
		expect(ctx.sandbox.apiRequests('/v1/points').map((r) => r.query)).toEqual([{ pageNo: '1', pageSize: '15' }]);
		expect(items).toHaveLength(15);
	});

	it('v2 (Get Many Records): Return All reads pages of 100', async () => {
		ctx.sandbox.state.records.length = 0;
		ctx.sandbox.state.seedRecords('PA0001', 230);
		const { items } = await ctx.engine.run({ ...records, returnAll: true });
		expect(pages()).toEqual(['1', '2', '3']);
		expect(items).toHaveLength(230);
	});
});
