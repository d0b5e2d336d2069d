import { field, jsonRows, rows, rowsInput } from '../../shared/fields';
import type { RowsSpec } from '../../shared/fields';
import type { OperationDefinition } from '../../shared/operation';
import { text } from '../common';

const productFields = [
	field(
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Single Product', value: 0 },
				{ name: 'Package', value: 1 },
			],
			default: 0,
			required: true,
		},
		{ in: 'body' },
	),
	text('body', { displayName: 'Code', name: 'code', required: true, description: 'Your unique product code' }),
	text('body', { displayName: 'Name', name: 'name', required: true }),
	text('body', { displayName: 'Brand', name: 'brand' }),
	text('body', { displayName: 'Category', name: 'category' }),
	text('body', { displayName: 'Sub-Category', name: 'subCategory' }),
	field({ displayName: 'Price', name: 'price', type: 'number', default: 0 }, { in: 'body', kind: 'number' }),
	text('body', { displayName: 'Color', name: 'color' }),
	text('body', { displayName: 'Size', name: 'size' }),
	text('body', { displayName: 'Season', name: 'season' }),
	field(
		{
			displayName: 'Gender',
			name: 'gender',
			type: 'options',
			options: [
				{ name: 'Unknown', value: 'Unknown' },
				{ name: 'Male', value: 'Male' },
				{ name: 'Female', value: 'Female' },
			],
			default: 'Unknown',
		},
		{ in: 'body' },
	),
	text('body', { displayName: 'Description', name: 'description' }),
	text('body', { displayName: 'Status', name: 'status' }),
	field({ displayName: 'Tags', name: 'tags', type: 'string', default: '' }, { in: 'body', anyJson: true }),
];

const products: RowsSpec = { group: 'product', rowLabel: 'Product', fields: productFields, asBody: true };

const fields = rowsInput(
	'Products',
	rows(
		{
			displayName: 'Products',
			name: 'batchReq',
			rowDisplayName: 'Product',
			placeholder: 'Add Product',
			default: [],
			required: true,
		},
		products,
	),
	jsonRows(
		{
			displayName: 'Products (JSON)',
			name: 'productsJson',
			type: 'json',
			default: '[\n  {\n    "type": 0,\n    "code": "",\n    "name": ""\n  }\n]',
			description: 'An array of products with the documented field names, e.g. from an expression',
		},
		products,
	),
);

export const batchSyncProduct: OperationDefinition = {
	value: 'batchSyncProduct',
	name: 'Add Products',
	action: 'Add products',
	description: 'Add or update several products at once (Batch Add Products)',
	method: 'POST',
	url: '/v1/masterdata/product/batchSync',
	fields,
};
