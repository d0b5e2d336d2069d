import type { INodeProperties } from 'n8n-workflow';

import type { Field, WireLocation } from '../shared/fields';
import { field } from '../shared/fields';
import type { NodeVersion } from '../shared/operation';

/**
 * Fields several operations use, declared once. An operation that lists one of these shares a
 * single property with the others, which keeps the node small: n8n's declarative engine visits
 * every property of the node for every item.
 */

export const text = (
	location: WireLocation,
	property: Omit<INodeProperties, 'type' | 'default'> & { default?: string },
	as?: string,
): Field => field({ type: 'string', default: '', ...property } as INodeProperties, { in: location, as });

export const cardNoPath = field(
	{
		displayName: 'Card Number',
		name: 'cardNo',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. M0001',
		description: 'The member card number, as text (a number of more than 15 digits from a JSON number has lost digits and is refused)',
	},
	{ in: 'path' },
);

export const consumerCodePath = field(
	{
		displayName: 'Customer Code',
		name: 'consumerCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. C0001',
		description: "SocialHub's code of the customer",
	},
	{ in: 'path' },
);

export const unionIdPath = field(
	{
		displayName: 'Union ID',
		name: 'unionId',
		type: 'string',
		required: true,
		default: '',
		description: 'The customer’s ID on the other platform (e.g. Shopify)',
	},
	{ in: 'path' },
);

export const storeCode = field(
	{ displayName: 'Store Code', name: 'storeCode', type: 'string', required: true, default: '', description: "SocialHub's code of the store" },
	{ in: 'body' },
);

export const organizationCode = field(
	{
		displayName: 'Organization Code',
		name: 'organizationCode',
		type: 'string',
		required: true,
		default: '',
		description: 'The code of the store or headquarters',
	},
	{ in: 'body' },
);

/** Date filters of the lists; each operation sends them in the form its endpoint takes. */
export const beginDate: INodeProperties = {
	displayName: 'Begin Date',
	name: 'beginDate',
	type: 'dateTime',
	default: '',
	description: 'Only rows from this time on; leave empty for no lower bound',
};

export const endDate: INodeProperties = {
	displayName: 'End Date',
	name: 'endDate',
	type: 'dateTime',
	default: '',
	description: 'Only rows up to this time; leave empty for no upper bound',
};

/** SocialHub's channel codes (the vendor's node offers Shopify only). */
export const sourceOptions = [{ name: 'Shopify (10140001)', value: '10140001' }];

/** How a customer is reached and where they came from, for enrolling and creating customers. */
export const mobilePhone = text('body', {
	displayName: 'Mobile Phone',
	name: 'mobilePhone',
	required: true,
	placeholder: 'e.g. 13800000000',
	description: 'Mobile phone number without the prefix',
});

export const email = text('body', { displayName: 'Email', name: 'email', placeholder: 'name@email.com' });

export const sourceCode = field(
	{
		displayName: 'Source Code',
		name: 'sourceCode',
		type: 'options',
		options: sourceOptions,
		default: '10140001',
		required: true,
		description: 'The channel the customer came from',
	},
	{ in: 'body', openOptions: true },
);

export const phonePrefix = (location: 'body' | 'query', overrides: Partial<INodeProperties> = {}): Field =>
	field(
		{
			displayName: 'Phone Prefix',
			name: 'phonePrefCode',
			type: 'string',
			default: '+86',
			placeholder: 'e.g. +86',
			description: 'International dialling code of the mobile phone number',
			...overrides,
		},
		{ in: location },
	);

/**
 * Loyalty program: typed as a code in version 1 (the vendor's parameter); in version 2 picked
 * from the tenant's programs (GET /v1/member/loyaltyprograms) or still given by code.
 */
export function loyaltyProgram(
	version: NodeVersion,
	location: 'body' | 'query',
	property: Pick<INodeProperties, 'description' | 'required'> & { as?: string },
): Field {
	const { as, ...rest } = property;
	if (version === 1) {
		return field(
			{ displayName: 'Loyalty Program Code', name: 'loyaltyCode', type: 'string', default: '', ...rest },
			{ in: location, as },
		);
	}
	return field(
		{
			displayName: 'Loyalty Program',
			name: 'loyaltyCode',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			...rest,
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: 'searchLoyaltyPrograms', searchable: true },
				},
				{
					displayName: 'By Code',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. LP001',
				},
			],
		},
		{ in: location, as },
	);
}
