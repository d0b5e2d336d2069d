import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pagingRules } from '../shared/descriptions';
import { prepareRequest } from '../shared/validate';

const forMember = (operation: string) => ({ show: { resource: ['member'], operation: [operation] } });

export const memberOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['member'] } },
		default: 'getMember',
		options: [
			{
				name: 'Enroll Customer as Member',
				value: 'memberAdmission',
				action: 'Enroll a customer as member',
				description: 'Make a customer a member of a loyalty program (Customer Membership)',
				routing: {
					request: { method: 'POST', url: '/v1/member/admission' },
					send: {
						preSend: [
							prepareRequest({
								body: {
									loyaltyProgramCode: { label: 'Loyalty Program Code', required: true },
									phonePrefCode: { label: 'Phone Prefix' },
									mobilePhone: { label: 'Mobile Phone' },
									name: { label: 'Member Name' },
									storeCode: { label: 'Store Code' },
									sourceCode: { label: 'Source Code' },
									email: { label: 'Email' },
								},
							}),
						],
					},
				},
			},
			{
				name: 'Get Loyalty Programs',
				value: 'getLoyaltyPrograms',
				action: 'Get loyalty programs',
				description: 'List the loyalty programs of the tenant (Query Loyalty Program List)',
				routing: { request: { method: 'GET', url: '/v1/member/loyaltyprograms' } },
			},
			{
				name: 'Get Member',
				value: 'getMember',
				action: 'Get a member',
				description: 'Get one member account by card number (Query Specific Member Account)',
				routing: {
					request: { method: 'GET', url: '/v1/member/{cardNo}' },
					send: { preSend: [prepareRequest({ path: { cardNo: 'Card Number' } })] },
				},
			},
			{
				name: 'Get Customer Member Accounts',
				value: 'getMemberList',
				action: 'Get member accounts of a customer',
				description: "List a customer's member accounts (Query Customer Member Account List)",
				routing: {
					request: { method: 'GET', url: '/v1/member/list/{consumerCode}' },
					send: {
						preSend: [
							prepareRequest({
								path: { consumerCode: 'Customer Code' },
								qs: { ...pagingRules, loyaltyCode: { label: 'Loyalty Program Code' } },
							}),
						],
					},
				},
			},
		],
	},
];

const memberAdmissionFields: INodeProperties[] = [
	{
		displayName: 'Loyalty Program Code',
		name: 'loyaltyCode',
		type: 'string',
		required: true,
		default: '',
		description: 'The loyalty program to enroll the customer in (see Get Loyalty Programs)',
		routing: { send: { type: 'body', property: 'loyaltyProgramCode' } },
	},
	{
		displayName: 'Member Name',
		name: 'memberName',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Store Code',
		name: 'storeCode',
		type: 'string',
		default: '',
		description: 'The store where the customer joined',
		routing: { send: { type: 'body', property: 'storeCode' } },
	},
];

const getMemberListFields: INodeProperties[] = [
	{
		displayName: 'Loyalty Program Code',
		name: 'loyaltyCode',
		type: 'string',
		default: '',
		description: 'Only member accounts of this loyalty program; leave empty for all',
		routing: { send: { type: 'query', property: 'loyaltyCode' } },
	},
];

export const memberFields: INodeProperties[] = [
	...updateDisplayOptions(forMember('memberAdmission'), memberAdmissionFields),
	...updateDisplayOptions(forMember('getMemberList'), getMemberListFields),
];
