import { V1 } from '../support/fixture';
import { outputOf } from '../support/outputs';
import { describeOperation } from '../support/operationSuite';

const ctx = describeOperation('masterdata.batchSyncProduct', {
	baseline: { batchReq: { product: [{ code: 'P', name: 'N' }] } },
	badInput: [
		['blank product code', { batchReq: { product: [{ code: ' ', name: 'N' }] } }, 'Product 1: "Code" is required'],
		['invalid products JSON', { inputMode: 'json', productsJson: 'not json' }, '"Products (JSON)" is not valid JSON'],
		['product gender out of range', { inputMode: 'json', productsJson: '[{"code":"A","name":"a","gender":"Other"}]' }, 'Product 1: "Gender" must be one of Unknown, Male, Female'],
	],
});
const calls = () => ctx.sandbox.apiRequests('/v1/masterdata');
const addProducts = { resource: 'masterdata', operation: 'batchSyncProduct' };

describe('Master Data → Add Products', () => {
	it.each([
		['v2', {}],
		['v1 (the vendor’s batchReq.product rows)', V1],
	])('%s: POST /v1/masterdata/product/batchSync with a JSON array of products', async (_what, settings) => {
		const { items, error } = await ctx.engine.run(
			{
				...addProducts,
				batchReq: {
					product: [
						{ code: 'P1', name: 'Sneaker', type: 0, brand: 'Acme', category: 'Shoes', subCategory: 'Running', price: 129, color: 'Red', size: '42', season: 'SS26', gender: 'Female', description: 'Light', status: '1', tags: 'new' },
						{ code: 'P2', name: 'Gift box', type: 1 },
					],
				},
			},
			[{}],
			settings,
		);
		expect(error).toBeUndefined();
		expect(calls()[0]).toMatchObject({ method: 'POST', path: '/v1/masterdata/product/batchSync' });
		expect(calls()[0].body).toEqual([
			{ code: 'P1', name: 'Sneaker', type: 0, brand: 'Acme', category: 'Shoes', subCategory: 'Running', price: 129, color: 'Red', size: '42', season: 'SS26', gender: 'Female', description: 'Light', status: '1', tags: 'new' },
			// n8n fills every field of a collection row with its default, as the editor does.
			{ code: 'P2', name: 'Gift box', type: 1, price: 0, gender: 'Unknown' },
		]);
		// Version 1 outputs SocialHub's envelope, version 2 the resource itself.
		expect(outputOf(items[0], settings)).toMatchObject({ count: 2 });
	});

	it('the product list can come as JSON from an expression', async () => {
		const products = [{ code: 'P9', name: 'Cap', type: 0, tags: ['a', 'b'] }];
		await ctx.engine.run({ ...addProducts, inputMode: 'json', productsJson: '={{ $json.products }}' }, [{ products }]);
		expect(calls()[0].body).toEqual(products);
	});

	it('a product without name is refused, naming the row', async () => {
		const { error } = await ctx.engine.run({ ...addProducts, inputMode: 'json', productsJson: '[{"code": "A", "name": "a"}, {"code": "B"}]' });
		expect(error?.message).toBe('Product 2: "Name" is required');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});
});
