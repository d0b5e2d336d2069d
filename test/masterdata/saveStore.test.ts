import { BLANK, describeOperation } from '../support/operationSuite';

const ctx = describeOperation('masterdata.saveStore', {
	baseline: { organizationCode: 'S', organizationName: 'N' },
	badInput: [
		['blank organization code', { organizationCode: BLANK }, '"Organization Code" is required'],
		['blank organization name', { organizationName: BLANK }, '"Organization Name" is required'],
		['store type out of range', { type: '={{ 2 }}' }, '"Type" must be one of 1, 99'],
	],
});
const calls = () => ctx.sandbox.apiRequests('/v1/masterdata');

describe('Master Data → Add Store', () => {
	it('POST /v1/masterdata/store with the documented body', async () => {
		const { items } = await ctx.engine.run({
			resource: 'masterdata', operation: 'saveStore', organizationCode: 'S-SH-01', organizationName: 'Shanghai Flagship', type: 99, storeStatus: 10,
			parentOrganizationCode: 'HQ', sourceCode: 'POS', sourceName: 'POS system', nickName: 'SH1', cnName: '上海旗舰店', enName: 'Shanghai Flagship', storeCategoryId: '3',
		});
		expect(calls()[0]).toMatchObject({ method: 'POST', path: '/v1/masterdata/store' });
		expect(calls()[0].body).toEqual({
			organizationCode: 'S-SH-01', organizationName: 'Shanghai Flagship', type: 99, storeStatus: 10, parentOrganizationCode: 'HQ',
			sourceCode: 'POS', sourceName: 'POS system', nickName: 'SH1', cnName: '上海旗舰店', enName: 'Shanghai Flagship', storeCategoryId: 3,
		});
		expect(items[0].json).toMatchObject({ id: expect.any(String) });
	});
});
