import type { INodeProperties } from 'n8n-workflow';

import type { FieldRules } from './validate';

/** The fields every list operation shares: SocialHub's own paging plus Return All and Limit. */
export function pagingFields(location: 'query' | 'body'): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Page Number',
			name: 'pageNo',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'The page to read, starting at 1',
			displayOptions: { show: { returnAll: [false] } },
			routing: { send: { type: location, property: 'pageNo' } },
		},
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 10,
			description: 'Rows per page, at most 100. With Return All, fewer larger pages mean fewer requests.',
			routing: { send: { type: location, property: 'pageSize' } },
		},
		{
			displayName: 'Split Into Items',
			name: 'splitIntoItems',
			type: 'boolean',
			default: false,
			description:
				"Whether to output one item per row (reading on from Page Number up to Limit) instead of SocialHub's page response as one item",
			displayOptions: { show: { returnAll: [false] } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false], splitIntoItems: [true] } },
		},
	];
}

export const pagingRules: FieldRules = {
	pageNo: { label: 'Page Number', kind: 'integer', min: 1 },
	pageSize: { label: 'Page Size', kind: 'integer', min: 1, max: 100, required: true },
};

export const phonePrefixField = (shownFor?: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'Phone Prefix',
	name: 'phonePrefCode',
	type: 'string',
	default: '+86',
	placeholder: 'e.g. +86',
	description: 'International dialling code of the mobile phone number',
	displayOptions: shownFor,
	routing: { send: { type: 'body', property: 'phonePrefCode' } },
});

/** Rows (events, order details, products) come from the fields below or as JSON from an expression. */
export const inputModeField = (what: string): INodeProperties => ({
	displayName: `Specify ${what}`,
	name: 'inputMode',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Using Fields Below', value: 'fields' },
		{ name: 'Using JSON', value: 'json' },
	],
	default: 'fields',
});
