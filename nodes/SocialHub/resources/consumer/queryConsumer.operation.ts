import { randomUUID } from 'node:crypto';

import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { field } from '../../shared/fields';
import type { OperationDefinition } from '../../shared/operation';
import { isBlank } from '../../shared/values';
import { phonePrefix, text } from '../common';

/** SocialHub wants a fresh timestamp and nonce on every query; values the user set still win. */
function stampQuery(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const qs = (options.qs ??= {}) as IDataObject;
	if (isBlank(qs.timestamp)) qs.timestamp = Date.now();
	if (isBlank(qs.nonceId)) qs.nonceId = randomUUID().replace(/-/g, '');
}

export const queryConsumer: OperationDefinition = {
	value: 'queryConsumer',
	name: 'Get',
	action: 'Get a customer',
	description: 'Find a customer by mobile phone or email (Query Customer Information)',
	method: 'GET',
	url: '/v1/consumer/info',
	fields: [
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
		field(
			{
				displayName: 'Timestamp',
				name: 'timestamp',
				type: 'string',
				default: '',
				description: 'Leave empty: the node sends the current time (ms epoch) with every request',
			},
			{ in: 'query', kind: 'epochMs' },
		),
		text('query', {
			displayName: 'Nonce ID',
			name: 'nonceId',
			description: 'Leave empty: the node sends a new random ID with every request',
		}),
	],
	finish: stampQuery,
};
