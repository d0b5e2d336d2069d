import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputModeField, pagingFields, pagingRules, phonePrefixField } from '../shared/descriptions';
import type { FieldRules } from '../shared/validate';
import { applyRowRules, InvalidFieldError, parseJson, prepareRequest } from '../shared/validate';

const forOrder = (operation: string) => ({ show: { resource: ['order'], operation: [operation] } });

const amountFields: Array<[string, string]> = [
	['totalPrice', 'Total Price'],
	['totalAmount', 'Total Amount'],
	['couponAmount', 'Coupon Amount'],
	['discountAmount', 'Discount Amount'],
	['totalDisAmount', 'Total Discount Amount'],
	['costAmount', 'Cost Amount'],
	['grossAmount', 'Gross Amount'],
	['freight', 'Freight'],
];

const detailAmountFields = amountFields.filter(([name]) => !['totalPrice', 'freight'].includes(name));

const amountRules = (fields: Array<[string, string]>): FieldRules =>
	Object.fromEntries(fields.map(([name, label]) => [name, { label, kind: 'integer' }]));

const orderRules: FieldRules = {
	type: { label: 'Member Identifier Type', kind: 'integer', oneOf: [1, 2, 3], required: true },
	params: { label: 'Member Identifier', required: true },
	phonePrefCode: { label: 'Phone Prefix' },
	loyaltyCode: { label: 'Loyalty Program Code' },
	source: { label: 'Source Channel Code' },
	transactionCode: { label: 'Transaction Code', required: true },
	storeCode: { label: 'Store Code' },
	orderDate: { label: 'Order Date', kind: 'dateTime', required: true },
	direction: { label: 'Direction', kind: 'integer', oneOf: [0, 1, 2] },
	orderStatus: { label: 'Order Status', kind: 'integer', oneOf: [0, 1, 2, 3] },
	scorePointStatus: { label: 'Points Status', kind: 'integer', oneOf: [0, 1, 2, 3, 4] },
	...amountRules(amountFields),
	originalCode: { label: 'Original Transaction Code' },
};

const detailRules: FieldRules = {
	direction: { label: 'Direction', kind: 'integer', oneOf: [0, 1] },
	detailCode: { label: 'Detail Code' },
	productCode: { label: 'Product Code', required: true },
	title: { label: 'Title' },
	qty: { label: 'Quantity', kind: 'integer' },
	price: { label: 'Price', kind: 'integer' },
	...amountRules(detailAmountFields),
};

/** The order from the fields (details from their collection) or, whole, from JSON. */
function buildOrder(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	let details: unknown;
	if (this.getNodeParameter('inputMode', 'fields') === 'json') {
		const order = parseJson(this.getNodeParameter('orderJson', '{}'), 'Order (JSON)');
		if (!order || typeof order !== 'object' || Array.isArray(order)) {
			throw new InvalidFieldError('"Order (JSON)" must be a JSON object holding one order');
		}
		options.body = { ...(order as IDataObject) };
		details = (order as IDataObject).details;
	} else {
		details = this.getNodeParameter('details.detail', []);
	}
	const body = options.body as IDataObject;
	if (Array.isArray(details) && details.length > 0) {
		body.details = applyRowRules(details, detailRules, 'Detail', this.getTimezone());
	} else if (details !== undefined && !Array.isArray(details)) {
		throw new InvalidFieldError('"Details" must be an array of order lines');
	} else {
		delete body.details;
	}
}

export const orderOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		default: 'syncTransaction',
		options: [
			{
				name: 'Get Customer Transactions',
				value: 'getTransactionList',
				action: 'Get transactions of a customer',
				description: "List a customer's transactions page by page (Paginated Query Customer Transaction List)",
				routing: {
					request: { method: 'POST', url: '/v1/transactions/page/{consumerCode}' },
					send: {
						preSend: [
							prepareRequest({
								path: { consumerCode: 'Customer Code' },
								body: {
									...pagingRules,
									beginDate: { label: 'Begin Date', kind: 'dateTime' },
									endDate: { label: 'End Date', kind: 'dateTime' },
								},
							}),
						],
					},
				},
			},
			{
				name: 'Get Transaction',
				value: 'getTransactionDetail',
				action: 'Get a transaction',
				description: 'Get one transaction with its lines (Query Transaction Details)',
				routing: {
					request: { method: 'POST', url: '/v1/transactions/{orderCode}' },
					send: { preSend: [prepareRequest({ path: { orderCode: 'Order Code' } })] },
				},
			},
			{
				name: 'Sync Transaction',
				value: 'syncTransaction',
				action: 'Sync a transaction',
				description: 'Send an order, a return or an exchange to SocialHub (Transaction Synchronization)',
				routing: {
					request: { method: 'POST', url: '/v1/transactions/sync' },
					send: { preSend: [prepareRequest({ body: orderRules }, buildOrder)] },
				},
			},
		],
	},
];

const getTransactionListFields: INodeProperties[] = [
	{
		displayName: 'Begin Date',
		name: 'beginDate',
		type: 'dateTime',
		default: '',
		description: 'Only transactions from this time on (sent as yyyy-MM-dd HH:mm:ss)',
		routing: { send: { type: 'body', property: 'beginDate' } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'Only transactions up to this time (sent as yyyy-MM-dd HH:mm:ss)',
		routing: { send: { type: 'body', property: 'endDate' } },
	},
	...pagingFields('body'),
];

const getTransactionDetailFields: INodeProperties[] = [
	{
		displayName: 'Order Code',
		name: 'orderCode',
		type: 'string',
		required: true,
		default: '',
		description: 'The transaction code of the order',
	},
];

const sent = (name: string) => ({ send: { type: 'body' as const, property: name } });
const fieldsMode = { show: { inputMode: ['fields'] } };

const amountParameter = ([name, label]: [string, string]): INodeProperties => ({
	displayName: `${label} (Cents)`,
	name,
	type: 'number',
	default: 0,
	description: `${label} in cents (the smallest unit of the currency)`,
	routing: sent(name),
});

const detailValues: INodeProperties[] = [
	{ displayName: 'Product Code', name: 'productCode', type: 'string', default: '' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	{ displayName: 'Quantity', name: 'qty', type: 'number', default: 1 },
	{ displayName: 'Price (Cents)', name: 'price', type: 'number', default: 0 },
	{ displayName: 'Detail Code', name: 'detailCode', type: 'string', default: '', description: 'Your ID of this order line' },
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		options: [
			{ name: 'Normal', value: 0 },
			{ name: 'Return or Exchange', value: 1 },
		],
		default: 0,
	},
	...detailAmountFields.map(([name, label]) => ({ ...amountParameter([name, label]), routing: undefined })),
];

const syncTransactionFields: INodeProperties[] = [
	inputModeField('Order'),
	{
		displayName: 'Order (JSON)',
		name: 'orderJson',
		type: 'json',
		default: '{\n  "type": 1,\n  "params": "",\n  "transactionCode": "",\n  "orderDate": "2026-01-01 12:00:00",\n  "details": []\n}',
		description: 'The whole order as one JSON object with the documented field names, e.g. from an expression',
		displayOptions: { show: { inputMode: ['json'] } },
	},
	...(
		[
		{
			displayName: 'Member Identifier Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Mobile Phone', value: 1 },
				{ name: 'Email', value: 2 },
				{ name: 'Employee ID', value: 3 },
			],
			default: 1,
			description: 'What identifies the member who placed the order',
			routing: sent('type'),
		},
		{
			displayName: 'Member Identifier',
			name: 'params',
			type: 'string',
			required: true,
			default: '',
			description: 'The mobile phone, email or employee ID of the member',
			routing: sent('params'),
		},
		phonePrefixField({ show: { type: [1] } }),
		{
			displayName: 'Loyalty Program Code',
			name: 'loyaltyCode',
			type: 'string',
			default: '',
			routing: sent('loyaltyCode'),
		},
		{
			displayName: 'Source Channel Code',
			name: 'source',
			type: 'string',
			default: '',
			description: 'The sales channel of the order',
			routing: sent('source'),
		},
		{
			displayName: 'Transaction Code',
			name: 'transactionCode',
			type: 'string',
			required: true,
			default: '',
			description: 'Your unique order number',
			routing: sent('transactionCode'),
		},
		{ displayName: 'Store Code', name: 'storeCode', type: 'string', default: '', routing: sent('storeCode') },
		{
			displayName: 'Order Date',
			name: 'orderDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: "When the order was placed (sent as yyyy-MM-dd HH:mm:ss in the workflow's time zone)",
			routing: sent('orderDate'),
		},
		{
			displayName: 'Direction',
			name: 'direction',
			type: 'options',
			options: [
				{ name: 'Normal', value: 0 },
				{ name: 'Return', value: 1 },
				{ name: 'Exchange', value: 2 },
			],
			default: 0,
			routing: sent('direction'),
		},
		{
			displayName: 'Order Status',
			name: 'orderStatus',
			type: 'options',
			options: [
				{ name: 'Paid', value: 0 },
				{ name: 'Shipped', value: 1 },
				{ name: 'Delivered', value: 2 },
				{ name: 'Returned', value: 3 },
			],
			default: 0,
			routing: sent('orderStatus'),
		},
		{
			displayName: 'Points Status',
			name: 'scorePointStatus',
			type: 'options',
			options: [
				{ name: 'Not Issued', value: 0 },
				{ name: 'Waiting', value: 1 },
				{ name: 'Processing', value: 2 },
				{ name: 'Processed', value: 3 },
				{ name: 'Exception', value: 4 },
			],
			default: 0,
			routing: sent('scorePointStatus'),
		},
		...amountFields.map(amountParameter),
		{
			displayName: 'Original Transaction Code',
			name: 'originalCode',
			type: 'string',
			default: '',
			description: 'For a return or exchange: the transaction code of the original order',
			routing: sent('originalCode'),
		},
		{
			displayName: 'Details',
			name: 'details',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Order Line',
			default: {},
			options: [{ displayName: 'Order Line', name: 'detail', values: detailValues }],
		},
		] as INodeProperties[]
	).map((field) => ({
		...field,
		displayOptions: { show: { ...fieldsMode.show, ...(field.displayOptions?.show ?? {}) } },
	})),
];

export const orderFields: INodeProperties[] = [
	...updateDisplayOptions(forOrder('getTransactionList'), getTransactionListFields),
	...updateDisplayOptions(forOrder('getTransactionDetail'), getTransactionDetailFields),
	...updateDisplayOptions(forOrder('syncTransaction'), syncTransactionFields),
];
