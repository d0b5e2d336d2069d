import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pagingFields, phonePrefixField } from '../shared/descriptions';

/**
 * Fields several operations share, defined once. Besides saving repetition this keeps the node
 * small at run time: n8n's declarative engine visits every property of the node for every item.
 */

/** Identifiers in the URL path: shown right after the operation. */
export const identifierFields: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['member', 'points'], operation: ['getMember', 'getPointsAccount'] } }, [
		{
			displayName: 'Card Number',
			name: 'cardNo',
			type: 'string',
			required: true,
			default: '',
			description: 'The member card number',
		},
	]),
	...updateDisplayOptions(
		{
			show: {
				resource: ['member', 'consumer', 'order'],
				operation: ['getMemberList', 'updateConsumer', 'getTransactionList'],
			},
		},
		[
			{
				displayName: 'Customer Code',
				name: 'consumerCode',
				type: 'string',
				required: true,
				default: '',
				description: "SocialHub's code of the customer",
			},
		],
	),
];

/** How to reach a customer, for enrolling a member and creating a customer. */
export const contactFields: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['member', 'consumer'], operation: ['memberAdmission', 'createConsumer'] } },
	[
		phonePrefixField(),
		{
			displayName: 'Mobile Phone',
			name: 'mobilePhone',
			type: 'string',
			default: '',
			placeholder: 'e.g. 13800000000',
			description: 'Mobile phone number without the prefix; the mobile phone or the email identifies the customer',
			routing: { send: { type: 'body', property: 'mobilePhone' } },
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			routing: { send: { type: 'body', property: 'email' } },
		},
		{
			displayName: 'Source Code',
			name: 'sourceCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. 10140001',
			description: 'The channel the customer came from (e.g. 10140001 for Shopify)',
			routing: { send: { type: 'body', property: 'sourceCode' } },
		},
	],
);

/** Paging for every list paged through the query string. */
export const queryPagingFields: INodeProperties[] = updateDisplayOptions(
	{
		show: {
			resource: ['member', 'points'],
			operation: ['getMemberList', 'getPointsAccount', 'getPointsRecords'],
		},
	},
	pagingFields('query'),
);
