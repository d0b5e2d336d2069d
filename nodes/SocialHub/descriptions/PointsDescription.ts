import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pagingRules } from '../shared/descriptions';
import { prepareRequest } from '../shared/validate';

const forPoints = (operation: string) => ({ show: { resource: ['points'], operation: [operation] } });

export const pointsOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['points'] } },
		default: 'adjustPoints',
		options: [
			{
				name: 'Adjust Member Points',
				value: 'adjustPoints',
				action: 'Adjust member points',
				description: "Add points to or deduct points from a member's points account",
				routing: {
					request: { method: 'POST', url: '/v1/points/adjustment' },
					send: {
						preSend: [
							prepareRequest({
								body: {
									accountType: { label: 'Account Type', kind: 'integer', oneOf: [1, 2], required: true },
									accountCode: { label: 'Account Code', required: true },
									pointsGroupCode: { label: 'Points Group Code' },
									operationId: { label: 'Operation ID', required: true },
									operationType: { label: 'Operation Type', kind: 'integer', oneOf: [6, 7, 8, 9], required: true },
									pointValue: { label: 'Point Value', kind: 'nonZeroInteger', required: true },
									pointDesc: { label: 'Point Description' },
									effectiveEndTime: { label: 'Effective End Time', kind: 'epochMs', required: true },
									upgradeTierFlag: { label: 'Count Toward Tier Upgrade', kind: 'integer', oneOf: [0, 1], required: true },
								},
							}),
						],
					},
				},
			},
			{
				name: 'Get Member Points Accounts',
				value: 'getPointsAccount',
				action: 'Get member points accounts',
				description: "List the points accounts of a member's card (Query Member Points Account List)",
				routing: {
					request: { method: 'GET', url: '/v1/points/pointsAccount/{cardNo}' },
					send: {
						preSend: [
							prepareRequest({
								path: { cardNo: 'Card Number' },
								qs: { ...pagingRules, pointsGroupCode: { label: 'Points Group Code' } },
							}),
						],
					},
				},
			},
			{
				name: 'Get Points Records',
				value: 'getPointsRecords',
				action: 'Get points records',
				description: 'List the points records of a points account (Paginated Query Points Detail List)',
				routing: {
					request: { method: 'GET', url: '/v1/points/pointsRecords/{accountCode}' },
					send: {
						preSend: [
							prepareRequest({
								path: { accountCode: 'Points Account Code' },
								qs: {
									...pagingRules,
									status: { label: 'Status', kind: 'integer', oneOf: [0, 1, 2] },
									beginDate: { label: 'Begin Date', kind: 'epochMs' },
									endDate: { label: 'End Date', kind: 'epochMs' },
								},
							}),
						],
					},
				},
			},
		],
	},
];

const adjustPointsFields: INodeProperties[] = [
	{
		displayName: 'Account Type',
		name: 'accountType',
		type: 'options',
		options: [
			{ name: 'Points Account Code', value: 1 },
			{ name: 'Member Card Number', value: 2 },
		],
		default: 2,
		description: 'What the Account Code identifies',
		routing: { send: { type: 'body', property: 'accountType' } },
	},
	{
		displayName: 'Account Code',
		name: 'accountCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100000123456',
		description: 'The points account code or the member card number, as chosen in Account Type',
		routing: { send: { type: 'body', property: 'accountCode' } },
	},
	{
		displayName: 'Points Group Code',
		name: 'pointsGroupCode',
		type: 'string',
		default: '',
		description: "The points group to adjust; leave empty for the member's default group",
		routing: { send: { type: 'body', property: 'pointsGroupCode' } },
	},
	{
		displayName: 'Operation ID',
		name: 'operationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.orderId }}-bonus',
		description:
			'Unique ID of this adjustment. SocialHub never applies the same ID twice, so derive it from your data (e.g. an order number), never from the time.',
		routing: { send: { type: 'body', property: 'operationId' } },
	},
	{
		displayName: 'Operation Type',
		name: 'operationType',
		type: 'options',
		options: [
			{ name: 'Behavior Increase', value: 6 },
			{ name: 'Behavior Decrease', value: 7 },
			{ name: 'Gift Redemption Decrease', value: 8 },
			{ name: 'Coupon Redemption Decrease', value: 9 },
		],
		default: 6,
		description: 'Whether the points are added (increase) or deducted (decrease), and why',
		routing: { send: { type: 'body', property: 'operationType' } },
	},
	{
		displayName: 'Point Value',
		name: 'pointValue',
		type: 'number',
		required: true,
		default: 0,
		description: 'Number of points to add or deduct: a whole number other than 0',
		routing: { send: { type: 'body', property: 'pointValue' } },
	},
	{
		displayName: 'Point Description',
		name: 'pointDesc',
		type: 'string',
		default: '',
		description: 'Shown to the member and in SocialHub next to the points record',
		routing: { send: { type: 'body', property: 'pointDesc' } },
	},
	{
		displayName: 'Effective End Time',
		name: 'effectiveEndTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: "When these points expire (the workflow's time zone applies when none is given)",
		routing: { send: { type: 'body', property: 'effectiveEndTime' } },
	},
	{
		displayName: 'Count Toward Tier Upgrade',
		name: 'upgradeTierFlag',
		type: 'options',
		options: [
			{ name: 'No', value: 0 },
			{ name: 'Yes', value: 1 },
		],
		default: 0,
		description: "Whether these points count toward the member's tier upgrade",
		routing: { send: { type: 'body', property: 'upgradeTierFlag' } },
	},
];

const getPointsAccountFields: INodeProperties[] = [
	{
		displayName: 'Points Group Code',
		name: 'pointsGroupCode',
		type: 'string',
		default: '',
		description: 'Only the accounts of this points group; leave empty for all',
		routing: { send: { type: 'query', property: 'pointsGroupCode' } },
	},
];

const getPointsRecordsFields: INodeProperties[] = [
	{
		displayName: 'Points Account Code',
		name: 'accountCode',
		type: 'string',
		required: true,
		default: '',
		description: 'The points account whose records to list (see Get Member Points Accounts)',
	},
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
		routing: { send: { type: 'query', property: 'status' } },
	},
	{
		displayName: 'Begin Date',
		name: 'beginDate',
		type: 'dateTime',
		default: '',
		description: 'Only records from this time on; leave empty for no lower bound',
		routing: { send: { type: 'query', property: 'beginDate' } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'Only records up to this time; leave empty for no upper bound',
		routing: { send: { type: 'query', property: 'endDate' } },
	},
];

export const pointsFields: INodeProperties[] = [
	...updateDisplayOptions(forPoints('adjustPoints'), adjustPointsFields),
	...updateDisplayOptions(forPoints('getPointsAccount'), getPointsAccountFields),
	...updateDisplayOptions(forPoints('getPointsRecords'), getPointsRecordsFields),
];
