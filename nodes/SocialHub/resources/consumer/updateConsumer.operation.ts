import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import type { Field } from '../../shared/fields';
import { collection, field } from '../../shared/fields';
import type { NodeVersion, OperationDefinition } from '../../shared/operation';
import { InvalidFieldError } from '../../shared/refusal';
import { consumerCodePath, text } from '../common';
import { flagOptions, genderOptions, receiveFlags } from './options';

/**
 * Only what the workflow sets is sent: a customer's other data and message consents stay as
 * they are. Version 1's choices therefore start at "Keep Current" (not the vendor's 0 and 1,
 * which its node sent on every update and so overwrote gender and re-subscribed every channel).
 */
const KEEP = { name: 'Keep Current', value: '' };

const birthday = (type: 'string' | 'dateTime'): INodeProperties => ({
	displayName: 'Birthday',
	name: 'birthday',
	type,
	default: '',
	placeholder: type === 'string' ? 'e.g. 1990-12-31' : undefined,
	description: 'Sent as yyyy-MM-dd',
});

const flag = ([name, label]: [string, string], keep: boolean): Field => {
	const initial = keep ? KEEP.value : 1;
	return field(
		{
			displayName: label,
			name,
			type: 'options',
			options: keep ? [KEEP, ...flagOptions] : flagOptions,
			default: initial,
			description: `Whether the customer agrees to ${label.replace('Receive ', '')} messages`,
		},
		{ in: 'body' },
	);
};

const email = text('body', { displayName: 'Email', name: 'email', placeholder: 'name@email.com' });
const name = text('body', { displayName: 'Name', name: 'name' });
const postalCode = text('body', { displayName: 'Postal Code', name: 'postalCode' }, 'postelCode');
const address = text('body', { displayName: 'Address', name: 'address' });
const language = text('body', { displayName: 'Language', name: 'language', placeholder: 'e.g. en' });

/** The vendor's flat parameters (it offered two of the eight consent flags). */
const v1Fields: Field[] = [
	consumerCodePath,
	email,
	name,
	field(
		{ displayName: 'Gender', name: 'gender', type: 'options', options: [KEEP, ...genderOptions], default: '' },
		{ in: 'body' },
	),
	field(birthday('string'), { in: 'body', kind: 'date' }),
	postalCode,
	address,
	flag(receiveFlags[0], true),
	flag(receiveFlags[1], true),
	language,
];

const v2Fields: Field[] = [
	consumerCodePath,
	collection(
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields added here are sent; everything else about the customer stays as it is',
		},
		[
			address,
			field(birthday('dateTime'), { in: 'body', kind: 'date' }),
			email,
			field({ displayName: 'Gender', name: 'gender', type: 'options', options: genderOptions, default: 0 }, { in: 'body' }),
			language,
			name,
			postalCode,
			...receiveFlags.map((entry) => flag(entry, false)),
		],
	),
];

/** An update that would change nothing is refused rather than reported as a success. */
function refuseEmptyUpdate(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const body = options.body;
	if (!body || typeof body !== 'object' || Object.keys(body).length === 0) {
		const where =
			this.getNode().typeVersion === 1
				? 'Set at least one field to change (Email, Name, Gender, Birthday, Postal Code, Address, a Receive flag or Language)'
				: 'Add at least one field under Update Fields';
		throw new InvalidFieldError(`Nothing to update for this customer. ${where}.`);
	}
}

const byVersion: Record<NodeVersion, Field[]> = { 1: v1Fields, 2: v2Fields };

export const updateConsumer: OperationDefinition = {
	value: 'updateConsumer',
	name: 'Update',
	action: 'Update a customer',
	description: 'Change only the fields you set of a customer (Update Customer Information)',
	method: 'PUT',
	url: '/v1/consumer/updateInfo/{consumerCode}',
	fields: (version) => byVersion[version],
	finish: refuseEmptyUpdate,
};
