import { field } from '../../shared/fields';
import type { OperationDefinition } from '../../shared/operation';
import { organizationCode, text } from '../common';

const fields = [
	organizationCode,
	text('body', { displayName: 'Organization Name', name: 'organizationName', required: true }),
	field(
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Headquarters', value: 1 },
				{ name: 'Store', value: 99 },
			],
			default: 1,
		},
		{ in: 'body' },
	),
	field(
		{
			displayName: 'Store Status',
			name: 'storeStatus',
			type: 'options',
			options: [
				{ name: 'Normal', value: 10 },
				{ name: 'Closed', value: 20 },
			],
			default: 10,
		},
		{ in: 'body' },
	),
	text('body', {
		displayName: 'ID',
		name: 'id',
		description: "SocialHub's ID of the store; leave empty to add a new store",
	}),
	text('body', { displayName: 'Parent Organization Code', name: 'parentOrganizationCode' }),
	text('body', { displayName: 'Source Code', name: 'sourceCode' }),
	text('body', { displayName: 'Source Name', name: 'sourceName' }),
	text('body', { displayName: 'Nickname', name: 'nickName' }),
	text('body', { displayName: 'Chinese Name', name: 'cnName' }),
	text('body', { displayName: 'English Name', name: 'enName' }),
	field(
		{ displayName: 'Store Category ID', name: 'storeCategoryId', type: 'number', default: 0 },
		{ in: 'body', kind: 'integer', min: 0 },
	),
];

export const saveStore: OperationDefinition = {
	value: 'saveStore',
	name: 'Add Store',
	action: 'Add a store',
	description: 'Add or update a store or headquarters (Add Store)',
	method: 'POST',
	url: '/v1/masterdata/store',
	fields,
};
