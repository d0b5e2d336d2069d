import { useSandbox } from './fixture';

const ctx = useSandbox();
const calls = () => ctx.sandbox.apiRequests('/v1/masterdata');

describe('Master Data Management', () => {
	it('Add Products: POST /v1/masterdata/product/batchSync with a JSON array of products', async () => {
		const { items, error } = await ctx.engine.run({
			resource: 'masterdata', operation: 'batchSyncProduct',
			products: {
				product: [
					{ code: 'P1', name: 'Sneaker', type: 0, brand: 'Acme', category: 'Shoes', subCategory: 'Running', price: 129, color: 'Red', size: '42', season: 'SS26', gender: 'Female', description: 'Light', status: '1', tags: 'new' },
					{ code: 'P2', name: 'Gift box', type: 1 },
				],
			},
		});
		expect(error).toBeUndefined();
		expect(calls()[0]).toMatchObject({ method: 'POST', path: '/v1/masterdata/product/batchSync' });
		expect(calls()[0].body).toEqual([
			{ code: 'P1', name: 'Sneaker', type: 0, brand: 'Acme', category: 'Shoes', subCategory: 'Running', price: 129, color: 'Red', size: '42', season: 'SS26', gender: 'Female', description: 'Light', status: '1', tags: 'new' },
			// n8n fills every field of a collection row with its default, as the editor does.
			{ code: 'P2', name: 'Gift box', type: 1, price: 0, gender: 'Unknown' },
		]);
		expect(items[0].json).toMatchObject({ data: { count: 2 } });
	});

	it('Add Products: the product list can come as JSON from an expression', async () => {
		const products = [{ code: 'P9', name: 'Cap', type: 0, tags: ['a', 'b'] }];
		await ctx.engine.run({ resource: 'masterdata', operation: 'batchSyncProduct', inputMode: 'json', productsJson: '={{ $json.products }}' }, [{ products }]);
		expect(calls()[0].body).toEqual(products);
	});

	it('Add Products: a product without name is refused, naming the row', async () => {
		const { error } = await ctx.engine.run({ resource: 'masterdata', operation: 'batchSyncProduct', inputMode: 'json', productsJson: '[{"code": "A", "name": "a"}, {"code": "B"}]' });
		expect(error?.message).toBe('Product 2: "Name" is required');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it('Add Store: POST /v1/masterdata/store with the documented body', async () => {
		const { items } = await ctx.engine.run({
			resource: 'masterdata', operation: 'saveStore', organizationCode: 'S-SH-01', organizationName: 'Shanghai Flagship', type: 99, storeStatus: 10,
			parentOrganizationCode: 'HQ', sourceCode: 'POS', sourceName: 'POS system', nickName: 'SH1', cnName: '上海旗舰店', enName: 'Shanghai Flagship', storeCategoryId: '3',
		});
		expect(calls()[0]).toMatchObject({ method: 'POST', path: '/v1/masterdata/store' });
		expect(calls()[0].body).toEqual({
			organizationCode: 'S-SH-01', organizationName: 'Shanghai Flagship', type: 99, storeStatus: 10, parentOrganizationCode: 'HQ',
			sourceCode: 'POS', sourceName: 'POS system', nickName: 'SH1', cnName: '上海旗舰店', enName: 'Shanghai Flagship', storeCategoryId: '3',
		});
		expect(items[0].json).toMatchObject({ data: { id: expect.any(String) } });
	});
});
