import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputModeField } from '../shared/descriptions';
import type { FieldRules } from '../shared/validate';
import { applyRowRules, prepareRequest, rowsFromParameters } from '../shared/validate';

const forMasterData = (operation: string) => ({ show: { resource: ['masterdata'], operation: [operation] } });

const productRules: FieldRules = {
	type: { label: 'Type', kind: 'integer', oneOf: [0, 1] },
	code: { label: 'Code', required: true },
	name: { label: 'Name', required: true },
	brand: { label: 'Brand' },
	category: { label: 'Category' },
	subCategory: { label: 'Sub-Category' },
	price: { label: 'Price', kind: 'number' },
	color: { label: 'Color' },
	size: { label: 'Size' },
	season: { label: 'Season' },
	gender: { label: 'Gender', oneOf: ['Unknown', 'Male', 'Female'] },
	description: { label: 'Description' },
};

/** The body is a JSON array of products, from the rows below or from JSON. */
function buildProducts(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const rows = rowsFromParameters(this, 'productsJson', 'products.product', 'Products (JSON)');
	options.body = applyRowRules(rows, productRules, 'Product', this.getTimezone());
}

export const masterDataOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['masterdata'] } },
		default: 'batchSyncProduct',
		options: [
			{
				name: 'Add Products',
				value: 'batchSyncProduct',
				action: 'Add products',
				description: 'Add or update several products at once (Batch Add Products)',
				routing: {
					request: { method: 'POST', url: '/v1/masterdata/product/batchSync' },
					send: { preSend: [prepareRequest({}, buildProducts)] },
				},
			},
			{
				name: 'Add Store',
				value: 'saveStore',
				action: 'Add a store',
				description: 'Add or update a store or headquarters (Add Store)',
				routing: {
					request: { method: 'POST', url: '/v1/masterdata/store' },
					send: {
						preSend: [
							prepareRequest({
								body: {
									organizationCode: { label: 'Organization Code', required: true },
									organizationName: { label: 'Organization Name', required: true },
									type: { label: 'Type', kind: 'integer', oneOf: [1, 99] },
									storeStatus: { label: 'Store Status', kind: 'integer', oneOf: [10, 20] },
								},
							}),
						],
					},
				},
			},
		],
	},
];

const text = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(description ? { description } : {}),
});

const productValues: INodeProperties[] = [
	text('Code', 'code', 'Your unique product code'),
	text('Name', 'name'),
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Single Product', value: 0 },
			{ name: 'Package', value: 1 },
		],
		default: 0,
	},
	text('Brand', 'brand'),
	text('Category', 'category'),
	text('Sub-Category', 'subCategory'),
	{ displayName: 'Price', name: 'price', type: 'number', default: 0 },
	text('Color', 'color'),
	text('Size', 'size'),
	text('Season', 'season'),
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
	text('Description', 'description'),
	text('Status', 'status'),
	text('Tags', 'tags'),
];

const batchSyncProductFields: INodeProperties[] = [
	inputModeField('Products'),
	{
		displayName: 'Products',
		name: 'products',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Product',
		default: {},
		displayOptions: { show: { inputMode: ['fields'] } },
		options: [{ displayName: 'Product', name: 'product', values: productValues }],
	},
	{
		displayName: 'Products (JSON)',
		name: 'productsJson',
		type: 'json',
		default: '[\n  {\n    "type": 0,\n    "code": "",\n    "name": ""\n  }\n]',
		description: 'An array of products with the documented field names, e.g. from an expression',
		displayOptions: { show: { inputMode: ['json'] } },
	},
];

const storeText = (displayName: string, name: string, description?: string): INodeProperties => ({
	...text(displayName, name, description),
	routing: { send: { type: 'body', property: name } },
});

const saveStoreFields: INodeProperties[] = [
	{ ...storeText('Organization Code', 'organizationCode', 'Your unique code of the store'), required: true },
	{ ...storeText('Organization Name', 'organizationName'), required: true },
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Headquarters', value: 1 },
			{ name: 'Store', value: 99 },
		],
		default: 99,
		routing: { send: { type: 'body', property: 'type' } },
	},
	{
		displayName: 'Store Status',
		name: 'storeStatus',
		type: 'options',
		options: [
			{ name: 'Normal', value: 10 },
			{ name: 'Closed', value: 20 },
		],
		default: 10,
		routing: { send: { type: 'body', property: 'storeStatus' } },
	},
	storeText('ID', 'id', "SocialHub's ID of the store; leave empty to add a new store"),
	storeText('Parent Organization Code', 'parentOrganizationCode'),
	storeText('Source Code', 'sourceCode'),
	storeText('Source Name', 'sourceName'),
	storeText('Nickname', 'nickName'),
	storeText('Chinese Name', 'cnName'),
	storeText('English Name', 'enName'),
	storeText('Store Category ID', 'storeCategoryId'),
];

export const masterDataFields: INodeProperties[] = [
	...updateDisplayOptions(forMasterData('batchSyncProduct'), batchSyncProductFields),
	...updateDisplayOptions(forMasterData('saveStore'), saveStoreFields),
];
