import { randomUUID } from 'node:crypto';

import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputModeField, phonePrefixField } from '../shared/descriptions';
import type { FieldRules } from '../shared/validate';
import { applyRowRules, isBlank, prepareRequest, rowsFromParameters } from '../shared/validate';

const forConsumer = (operation: string) => ({ show: { resource: ['consumer'], operation: [operation] } });

const genderOptions = [
	{ name: 'Unknown', value: 0 },
	{ name: 'Male', value: 1 },
	{ name: 'Female', value: 2 },
];

const flagOptions = [
	{ name: 'Yes', value: 1 },
	{ name: 'No', value: 0 },
];

const receiveFlags: Array<[string, string]> = [
	['receiveSmsFlag', 'Receive SMS'],
	['receiveEmailFlag', 'Receive Email'],
	['receiveAppFlag', 'Receive App Push'],
	['receiveWecomFlag', 'Receive WeCom'],
	['receiveWechatFlag', 'Receive WeChat'],
	['receiveWhatsAppFlag', 'Receive WhatsApp'],
	['receiveLineFlag', 'Receive LINE'],
	['receiveMessagerFlag', 'Receive Messenger'],
];

const eventRules: FieldRules = {
	eventKey: { label: 'Event Key', required: true },
	eventType: { label: 'Event Type' },
	eventTime: { label: 'Event Time', kind: 'epochMs' },
	customerCode: { label: 'Customer Code', required: true },
	eventId: { label: 'Event ID' },
	tenantId: { label: 'Tenant ID' },
	properties: { label: 'Properties', kind: 'jsonObject' },
};

/** Builds `{"data": [event…]}`; each event's properties go out as a JSON object. */
function buildEventBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const rows = rowsFromParameters(this, 'eventsJson', 'events.event', 'Events (JSON)', 'data');
	const events = applyRowRules(rows, eventRules, 'Event', this.getTimezone());
	for (const event of events) event.eventType ??= 'track';
	options.body = { data: events };
}

/** SocialHub wants a fresh timestamp and nonce on every query; values the user set still win. */
function stampQuery(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const qs = (options.qs ??= {}) as IDataObject;
	if (isBlank(qs.timestamp)) qs.timestamp = Date.now();
	if (isBlank(qs.nonceId)) qs.nonceId = randomUUID().replace(/-/g, '');
}

export const consumerOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['consumer'] } },
		default: 'queryConsumer',
		options: [
			{
				name: 'Bind Third-Party Account',
				value: 'bindConsumerThirdAccount',
				action: 'Bind a third party account to a customer',
				description: 'Link a customer to an account on another platform, e.g. Shopify (Bind Customer Third-Party Account)',
				routing: {
					request: { method: 'POST', url: '/v1/consumer/binding' },
					send: {
						preSend: [
							prepareRequest({
								body: {
									consumerCode: { label: 'Customer Code', required: true },
									accountType: { label: 'Account Type', required: true },
									unionId: { label: 'Union ID', required: true },
									nickName: { label: 'Nickname' },
								},
							}),
						],
					},
				},
			},
			{
				name: 'Create',
				value: 'createConsumer',
				action: 'Create a customer',
				description: 'Create a customer (Create Customer Information)',
				routing: {
					request: { method: 'POST', url: '/v1/consumer' },
					send: {
						preSend: [
							prepareRequest({
								body: {
									name: { label: 'Name', required: true },
									gender: { label: 'Gender', kind: 'integer', oneOf: [0, 1, 2] },
									mobilePhone: { label: 'Mobile Phone' },
									phonePrefCode: { label: 'Phone Prefix' },
									email: { label: 'Email' },
									sourceCode: { label: 'Source Code' },
									birthday: { label: 'Birthday', kind: 'date' },
									identityType: { label: 'Identity Type', kind: 'integer', oneOf: [1, 2, 3, 4] },
									organizationCode: { label: 'Organization Code' },
								},
							}),
						],
					},
				},
			},
			{
				name: 'Get',
				value: 'queryConsumer',
				action: 'Get a customer',
				description: 'Find a customer by mobile phone or email (Query Customer Information)',
				routing: {
					request: { method: 'GET', url: '/v1/consumer/info' },
					send: {
						preSend: [
							prepareRequest(
								{
									qs: {
										type: { label: 'Search By', kind: 'integer', oneOf: [1, 2], required: true },
										query: { label: 'Mobile Phone or Email', required: true },
										phonePrefCode: { label: 'Phone Prefix' },
										timestamp: { label: 'Timestamp', kind: 'epochMs' },
										nonceId: { label: 'Nonce ID' },
									},
								},
								stampQuery,
							),
						],
					},
				},
			},
			{
				name: 'Get Third-Party Accounts',
				value: 'queryThirdAccountsByUnionId',
				action: 'Get third party accounts by union ID',
				description: 'List the customer accounts bound to a union ID (Query Third-Party Accounts by Union ID)',
				routing: {
					request: { method: 'GET', url: '/v1/consumer/thirdaccounts/{unionId}' },
					send: { preSend: [prepareRequest({ path: { unionId: 'Union ID' } })] },
				},
			},
			{
				name: 'Import Events',
				value: 'importConsumerEventData',
				action: 'Import customer events',
				description: 'Send behaviour events of customers to SocialHub (Import Customer Event Data)',
				routing: {
					request: { method: 'POST', url: '/v1/consumer/event/data' },
					send: { preSend: [prepareRequest({}, buildEventBody)] },
				},
			},
			{
				name: 'Update',
				value: 'updateConsumer',
				action: 'Update a customer',
				description: 'Change only the fields you set of a customer (Update Customer Information)',
				routing: {
					request: { method: 'PUT', url: '/v1/consumer/updateInfo/{consumerCode}' },
					send: {
						preSend: [
							prepareRequest({
								path: { consumerCode: 'Customer Code' },
								body: {
									email: { label: 'Email' },
									name: { label: 'Name' },
									gender: { label: 'Gender', kind: 'integer', oneOf: [0, 1, 2] },
									birthday: { label: 'Birthday', kind: 'date' },
									postelCode: { label: 'Postal Code' },
									address: { label: 'Address' },
									language: { label: 'Language' },
									...Object.fromEntries(
										receiveFlags.map(([name, label]) => [name, { label, kind: 'integer', oneOf: [0, 1] }]),
									),
								},
							}),
						],
					},
				},
			},
		],
	},
];

const createConsumerFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Gender',
		name: 'gender',
		type: 'options',
		options: genderOptions,
		default: 0,
		routing: { send: { type: 'body', property: 'gender' } },
	},
	{
		displayName: 'Birthday',
		name: 'birthday',
		type: 'dateTime',
		default: '',
		description: 'Sent as yyyy-MM-dd',
		routing: { send: { type: 'body', property: 'birthday' } },
	},
	{
		displayName: 'Identity Type',
		name: 'identityType',
		type: 'options',
		options: [
			{ name: 'Member', value: 1 },
			{ name: 'Registered User', value: 2 },
			{ name: 'Guest', value: 3 },
			{ name: 'Employee', value: 4 },
		],
		default: 2,
		routing: { send: { type: 'body', property: 'identityType' } },
	},
	{
		displayName: 'Organization Code',
		name: 'organizationCode',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'organizationCode' } },
	},
];

const eventFieldValues: INodeProperties[] = [
	{ displayName: 'Event Key', name: 'eventKey', type: 'string', default: '', placeholder: 'e.g. view_product' },
	{ displayName: 'Event Type', name: 'eventType', type: 'string', default: 'track' },
	{
		displayName: 'Event Time',
		name: 'eventTime',
		type: 'dateTime',
		default: '',
		description: 'When it happened; sent as ms epoch',
	},
	{ displayName: 'Customer Code', name: 'customerCode', type: 'string', default: '' },
	{ displayName: 'Event ID', name: 'eventId', type: 'string', default: '', description: 'Your unique ID of the event' },
	{ displayName: 'Tenant ID', name: 'tenantId', type: 'string', default: '' },
	{
		displayName: 'Properties',
		name: 'properties',
		type: 'json',
		default: '{}',
		description: 'The event’s properties as a JSON object; sent as an object',
	},
];

const importEventFields: INodeProperties[] = [
	inputModeField('Events'),
	{
		displayName: 'Events',
		name: 'events',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Event',
		default: {},
		displayOptions: { show: { inputMode: ['fields'] } },
		options: [{ displayName: 'Event', name: 'event', values: eventFieldValues }],
	},
	{
		displayName: 'Events (JSON)',
		name: 'eventsJson',
		type: 'json',
		default: '[\n  {\n    "eventKey": "view_product",\n    "customerCode": "",\n    "properties": {}\n  }\n]',
		description: 'An array of events (or {"data": [...]}), e.g. from an expression',
		displayOptions: { show: { inputMode: ['json'] } },
	},
];

const queryConsumerFields: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Mobile Phone', value: 1 },
			{ name: 'Email', value: 2 },
		],
		default: 1,
		routing: { send: { type: 'query', property: 'type' } },
	},
	{
		displayName: 'Mobile Phone or Email',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		description: 'The mobile phone number (without prefix) or the email to look for',
		routing: { send: { type: 'query', property: 'query' } },
	},
	{
		...phonePrefixField({ show: { type: [1] } }),
		routing: { send: { type: 'query', property: 'phonePrefCode' } },
	},
	{
		displayName: 'Timestamp',
		name: 'timestamp',
		type: 'string',
		default: '',
		description: 'Leave empty: the node sends the current time (ms epoch) with every request',
		routing: { send: { type: 'query', property: 'timestamp' } },
	},
	{
		displayName: 'Nonce ID',
		name: 'nonceId',
		type: 'string',
		default: '',
		description: 'Leave empty: the node sends a new random ID with every request',
		routing: { send: { type: 'query', property: 'nonceId' } },
	},
];

const updateConsumerFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent; everything else about the customer stays as it is',
		options: [
			{ displayName: 'Address', name: 'address', type: 'string', default: '', routing: { send: { type: 'body', property: 'address' } } },
			{
				displayName: 'Birthday',
				name: 'birthday',
				type: 'dateTime',
				default: '',
				description: 'Sent as yyyy-MM-dd',
				routing: { send: { type: 'body', property: 'birthday' } },
			},
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', routing: { send: { type: 'body', property: 'email' } } },
			{ displayName: 'Gender', name: 'gender', type: 'options', options: genderOptions, default: 0, routing: { send: { type: 'body', property: 'gender' } } },
			{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'e.g. en', routing: { send: { type: 'body', property: 'language' } } },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', routing: { send: { type: 'body', property: 'name' } } },
			{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '', routing: { send: { type: 'body', property: 'postelCode' } } },
			...receiveFlags.map(
				([name, label]): INodeProperties => ({
					displayName: label,
					name,
					type: 'options',
					options: flagOptions,
					default: 1,
					description: `Whether the customer agrees to ${label.replace('Receive ', '')} messages`,
					routing: { send: { type: 'body', property: name } },
				}),
			),
		],
	},
];

const bindFields: INodeProperties[] = [
	{
		displayName: 'Customer Code',
		name: 'consumerCode',
		type: 'string',
		required: true,
		default: '',
		routing: { send: { type: 'body', property: 'consumerCode' } },
	},
	{
		displayName: 'Account Type',
		name: 'accountType',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100014',
		description: 'SocialHub’s code of the platform (e.g. 100014 for Shopify)',
		routing: { send: { type: 'body', property: 'accountType' } },
	},
	{
		displayName: 'Union ID',
		name: 'unionId',
		type: 'string',
		required: true,
		default: '',
		description: 'The customer’s ID on that platform',
		routing: { send: { type: 'body', property: 'unionId' } },
	},
	{
		displayName: 'Nickname',
		name: 'nickName',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'nickName' } },
	},
];

const unionIdField: INodeProperties[] = [
	{
		displayName: 'Union ID',
		name: 'unionId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID on the other platform whose bound accounts to list',
	},
];

export const consumerFields: INodeProperties[] = [
	...updateDisplayOptions(forConsumer('createConsumer'), createConsumerFields),
	...updateDisplayOptions(forConsumer('importConsumerEventData'), importEventFields),
	...updateDisplayOptions(forConsumer('queryConsumer'), queryConsumerFields),
	...updateDisplayOptions(forConsumer('updateConsumer'), updateConsumerFields),
	...updateDisplayOptions(forConsumer('bindConsumerThirdAccount'), bindFields),
	...updateDisplayOptions(forConsumer('queryThirdAccountsByUnionId'), unionIdField),
];

