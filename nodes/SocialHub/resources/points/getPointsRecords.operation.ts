import { field } from '../../shared/fields';
import type { OperationDefinition } from '../../shared/operation';
import { beginDate, endDate } from '../common';

const fields = [
	field(
		{
			displayName: 'Points Account Code',
			name: 'accountCode',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. PA0001',
			description: 'The points account whose records to list (see Get Member Points Accounts)',
		},
		{ in: 'path' },
	),
	field(
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'All', value: '' },
				{ name: 'Effective', value: 0 },
				{ name: 'Not Yet Effective', value: 1 },
				{ name: 'Expired', value: 2 },
			],
			default: '',
		},
		{ in: 'query' },
	),
	field(beginDate, { in: 'query', kind: 'epochMs' }),
	field(endDate, { in: 'query', kind: 'epochMs' }),
];

export const getPointsRecords: OperationDefinition = {
	value: 'getPointsRecords',
	name: 'Get Points Records',
	action: 'Get points records',
	description: 'List the points records of a points account (Paginated Query Points Detail List)',
	v2: { name: 'Get Many Records', action: 'Get many points records of an account' },
	method: 'GET',
	url: '/v1/points/pointsRecords/{accountCode}',
	list: 'query',
	fields,
};
