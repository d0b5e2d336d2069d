import { field } from '../../shared/fields';
import type { OperationDefinition } from '../../shared/operation';
import { consumerCodePath, text, unionIdPath } from '../common';

export const bindConsumerThirdAccount: OperationDefinition = {
	value: 'bindConsumerThirdAccount',
	name: 'Bind Third-Party Account',
	action: 'Bind a third party account to a customer',
	description:
		'Link a customer to an account on another platform, e.g. Shopify (Bind Customer Third-Party Account)',
	method: 'POST',
	url: '/v1/consumer/binding',
	fields: [
		field(consumerCodePath.property, { in: 'body' }),
		field(
			{
				displayName: 'Account Type',
				name: 'accountType',
				type: 'options',
				options: [{ name: 'Shopify (100014)', value: 100014 }],
				default: 100014,
				required: true,
				description: 'The platform of the account',
			},
			{ in: 'body', openOptions: true },
		),
		field(unionIdPath.property, { in: 'body' }),
		text('body', { displayName: 'Nickname', name: 'nickName' }),
	],
};
