import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import type { Field } from '../../shared/fields';
import { field, inputMode } from '../../shared/fields';
import { applyRowRules, applyRules, rulesOf } from '../../shared/placement';
import type { NodeVersion, OperationDefinition } from '../../shared/operation';
import { InvalidFieldError } from '../../shared/refusal';
import { parseJson } from '../../shared/typedJson';
import { loyaltyProgram, phonePrefix, sourceOptions, storeCode, text } from '../common';
import { amount, detailsField, lineAmounts, lineFields } from './orderLines';

const memberIdentifierType = field(
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
		required: true,
		description: 'What identifies the member who placed the order',
	},
	{ in: 'body' },
);

const orderDate: Record<NodeVersion, INodeProperties> = {
	1: {
		displayName: 'Order Date',
		name: 'orderDate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2026-01-31 14:30:00',
		description: "When the order was placed (sent as yyyy-MM-dd HH:mm:ss in the workflow's time zone)",
	},
	2: {
		displayName: 'Order Date',
		name: 'orderDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: "When the order was placed (sent as yyyy-MM-dd HH:mm:ss in the workflow's time zone)",
	},
};

function orderFields(version: NodeVersion): Field[] {
	return [
		memberIdentifierType,
		text('body', {
			displayName: 'Member Identifier',
			name: 'params',
			required: true,
			description: 'The mobile phone, email or employee ID of the member',
		}),
		phonePrefix('body', { displayOptions: { show: { type: [1] } } }),
		loyaltyProgram(version, 'body', { description: 'The loyalty program the order counts for' }),
		field(
			{
				displayName: 'Source Channel Code',
				name: 'source',
				type: 'options',
				options: sourceOptions,
				default: '10140001',
				required: true,
				description: 'The sales channel of the order',
			},
			{ in: 'body', openOptions: true },
		),
		text('body', {
			displayName: 'Transaction Code',
			name: 'transactionCode',
			required: true,
			description: 'Your unique order number',
		}),
		storeCode,
		field(orderDate[version], { in: 'body', kind: 'dateTime' }),
		field(
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
				required: true,
			},
			{ in: 'body' },
		),
		field(
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
				required: true,
			},
			{ in: 'body' },
		),
		field(
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
				required: true,
			},
			{ in: 'body' },
		),
		amount('totalPrice', 'Total Price'),
		...lineAmounts(),
		amount('freight', 'Freight'),
		text('body', {
			displayName: 'Original Transaction Code',
			name: 'originalCode',
			description: 'For a return or exchange: the transaction code of the original order',
		}),
		detailsField,
	];
}

const orderJson = field({
	displayName: 'Order (JSON)',
	name: 'orderJson',
	type: 'json',
	default: '{\n  "type": 1,\n  "params": "",\n  "transactionCode": "",\n  "orderDate": "2026-01-01 12:00:00",\n  "details": []\n}',
	description: 'The whole order as one JSON object with the documented field names, e.g. from an expression',
	displayOptions: { show: { inputMode: ['json'] } },
});

const onlyWithFields = (target: Field): Field => ({
	...target,
	property: {
		...target.property,
		displayOptions: { show: { ...target.property.displayOptions?.show, inputMode: ['fields'] } },
	},
});

const orderFieldsOf: Record<NodeVersion, Field[]> = { 1: orderFields(1), 2: orderFields(2) };
const orderRulesOf = { 1: rulesOf(orderFieldsOf[1], true), 2: rulesOf(orderFieldsOf[2], true) };
const lineRules = rulesOf(lineFields, true);

const byVersion: Record<NodeVersion, Field[]> = {
	1: [inputMode('Order'), orderJson, ...orderFieldsOf[1].map(onlyWithFields)],
	2: [inputMode('Order'), orderJson, ...orderFieldsOf[2].map(onlyWithFields)],
};

/** The whole order given as JSON: checked by the same rules as the fields. */
function orderFromJson(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	if (this.getNodeParameter('inputMode', 'fields') !== 'json') return;
	const order = parseJson(this.getNodeParameter('orderJson', '{}'), 'Order (JSON)');
	if (!order || typeof order !== 'object' || Array.isArray(order)) {
		throw new InvalidFieldError('"Order (JSON)" must be a JSON object holding one order');
	}
	const timeZone = this.getTimezone();
	const { details, ...header } = order as IDataObject;
	const body = applyRules(header, orderRulesOf[this.getNode().typeVersion === 1 ? 1 : 2], timeZone);
	body.details = applyRowRules(details, lineRules, 'Detail', timeZone);
	options.body = body;
}

export const syncTransaction: OperationDefinition = {
	value: 'syncTransaction',
	name: 'Sync Transaction',
	action: 'Sync a transaction',
	description: 'Send an order, a return or an exchange to SocialHub (Transaction Synchronization)',
	v2: { name: 'Sync' },
	method: 'POST',
	url: '/v1/transactions/sync',
	fields: (version) => byVersion[version],
	finish: orderFromJson,
};
