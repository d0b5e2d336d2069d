import { randomUUID } from 'node:crypto';

import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { field } from '../../shared/fields';
import type { OperationDefinition } from '../../shared/operation';
import { isBlank } from '../../shared/refusal';
import { phonePrefix, text } from '../common';

/** SocialHub wants a fresh timestamp and nonce on every query; values the user set still win. */
function stampQuery(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const qs = (options.qs ??= {}) as IDataObject;
	if (isBlank(qs.timestamp)) qs.timestamp = Date.now();
	if (isBlank(qs.nonceId)) qs.nonceId = randomUUID().replace(/-/g, '');
}

const searchFields = [
	field(
		{
			displayName: 'Search By',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Mobile Phone', value: 1 },
				{ name: 'Email', value: 2 },
			],
			default: 1,
			required: true,
		},
		{ in: 'query' },
	),
	text('query', {
		displayName: 'Mobile Phone or Email',
		name: 'query',
		required: true,
		description: 'The mobile phone number (without prefix) or the email to look for',
	}),
	phonePrefix('query', { displayOptions: { show: { type: [1] } } }),
];

const timestamp: INodeProperties = {
	displayName: 'Timestamp',
	name: 'timestamp',
	type: 'string',
	default: '',
	description: 'Leave empty: the node sends the current time (ms epoch) with every request',
};

const nonceId: INodeProperties = {
	displayName: 'Nonce ID',
	name: 'nonceId',
	type: 'string',
	default: '',
	description: 'Leave empty: the node sends a new random ID with every request',
};

/**
 * Version 1 keeps the vendor's two parameters (its workflows store a typed value) but never sends
 * them: a stored nonce would repeat on every request and a stored time goes stale, which was the
 * vendor's defect. Version 2 sends a value the user sets instead of the generated one.
 */
const byVersion = {
	1: [
		...searchFields,
		field({ ...timestamp, description: 'Not used: the node sends the current time (ms epoch) with every request' }),
		field({ ...nonceId, description: 'Not used: the node sends a new random ID with every request' }),
	],
	2: [...searchFields, field(timestamp, { in: 'query', kind: 'epochMs' }), text('query', nonceId as Parameters<typeof text>[1])],
};

export const queryConsumer: OperationDefinition = {
	value: 'queryConsumer',
	name: 'Get',
	action: 'Get a customer',
	description: 'Find a customer by mobile phone or email (Query Customer Information)',
	method: 'GET',
	url: '/v1/consumer/info',
	fields: (version) => byVersion[version],
	finish: stampQuery,
};
