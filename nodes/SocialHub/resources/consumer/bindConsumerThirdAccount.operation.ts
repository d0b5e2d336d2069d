import { field } from '../../shared/fields';
import type { OperationDefinition } from '../../shared/operation';
import { text } from '../common';

export const bindConsumerThirdAccount: OperationDefinition = {
	value: 'bindConsumerThirdAccount',
	name: 'Bind Third-Party Account',
	action: 'Bind a third party account to a customer',
	description:
		'Link a customer to an account on another platform, e.g. Shopify (Bind Customer Third-Party Account)',
	method: 'POST',
	url: '/v1/consumer/binding',
	fields: [
		text('body', { displayName: 'Customer Code', name: 'consumerCode', required: true, placeholder: 'e.g. C0001' }),
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
		text('body', {
			displayName: 'Union ID',
			name: 'unionId',
			required: true,
			description: 'The customer’s ID on that platform',
		}),
		text('body', { displayName: 'Nickname', name: 'nickName' }),
	],
};
