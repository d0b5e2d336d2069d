import { V1 } from '../support/fixture';
import { BLANK, describeOperation } from '../support/operationSuite';

const ctx = describeOperation('points.getPointsAccount', {
	baseline: { cardNo: 'M0001' },
	badInput: [
		['blank card number', { cardNo: BLANK }, '"Card Number" is required'],
	],
});

describe('Points → Get Member Points Accounts', () => {
	it('v1: GET /v1/points/pointsAccount/{cardNo}, the page as one item', async () => {
		const { items } = await ctx.engine.run(
			{ resource: 'points', operation: 'getPointsAccount', cardNo: 'M0001', pointsGroupCode: 'PG01', pageNo: 1, pageSize: 10 },
			[{}],
			V1,
		);
		const [request] = ctx.sandbox.apiRequests('/v1/points');
		expect(request).toMatchObject({ method: 'GET', path: '/v1/points/pointsAccount/M0001', query: { pageNo: '1', pageSize: '10', pointsGroupCode: 'PG01' } });
		expect(items[0].json).toMatchObject({ data: { total: 1, list: [{ accountCode: 'PA0001', balance: 1000 }] } });
	});

	it('is the default operation of a vendor Points node (it stores only the card number)', async () => {
		const { error } = await ctx.engine.run({ resource: 'points', cardNo: 'M0001' }, [{}], V1);
		expect(error).toBeUndefined();
		expect(ctx.sandbox.apiRequests('/v1/points')[0].path).toBe('/v1/points/pointsAccount/M0001');
		expect(ctx.sandbox.apiRequests('/v1/points/adjustment')).toHaveLength(0);
	});

	it('v2 (Get Many Accounts): one item per account', async () => {
		const { items } = await ctx.engine.run({ resource: 'points', operation: 'getPointsAccount', cardNo: 'M0001' });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ accountCode: 'PA0001', balance: 1000 });
	});
});
