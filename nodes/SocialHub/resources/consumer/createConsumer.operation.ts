import type { INodeProperties } from 'n8n-workflow';

import { field } from '../../shared/fields';
import type { NodeVersion, OperationDefinition } from '../../shared/operation';
import { email, mobilePhone, organizationCode, phonePrefix, sourceCode, text } from '../common';
import { genderOptions } from './options';

/** The vendor's node stores no birthday by default (null, not ""). */
const NO_BIRTHDAY = null;

const birthday: Record<NodeVersion, INodeProperties> = {
	1: {
		displayName: 'Birthday',
		name: 'birthday',
		type: 'string',
		default: NO_BIRTHDAY,
		placeholder: 'e.g. 1990-12-31',
		description: 'Sent as yyyy-MM-dd',
	},
	2: { displayName: 'Birthday', name: 'birthday', type: 'dateTime', default: '', description: 'Sent as yyyy-MM-dd' },
};

const fields = (version: NodeVersion) => [
	text('body', { displayName: 'Name', name: 'name', required: true }),
	field({ displayName: 'Gender', name: 'gender', type: 'options', options: genderOptions, default: 0 }, { in: 'body' }),
	mobilePhone,
	phonePrefix('body', { default: '', required: true }),
	email,
	sourceCode,
	field(birthday[version], { in: 'body', kind: 'date' }),
	field(
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
			default: 1,
		},
		{ in: 'body' },
	),
	organizationCode,
];

const byVersion = { 1: fields(1), 2: fields(2) };

export const createConsumer: OperationDefinition = {
	value: 'createConsumer',
	name: 'Create',
	action: 'Create a customer',
	description: 'Create a customer (Create Customer Information)',
	method: 'POST',
	url: '/v1/consumer',
	fields: (version) => byVersion[version],
};
