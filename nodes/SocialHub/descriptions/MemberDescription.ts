import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pagingRules, phonePrefixField } from '../shared/descriptions';
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
	phonePrefixField(undefined),
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
		displayName: 'Member Name',
		name: 'memberName',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'name' } },
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
		displayName: 'Store Code',
		name: 'storeCode',
		type: 'string',
		default: '',
		description: 'The store where the customer joined',
		routing: { send: { type: 'body', property: 'storeCode' } },
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
];

const getMemberFields: INodeProperties[] = [
	{
		displayName: 'Card Number',
		name: 'cardNo',
		type: 'string',
		required: true,
		default: '',
		description: 'The member card number',
	},
];

const getMemberListFields: INodeProperties[] = [
	{
		displayName: 'Customer Code',
		name: 'consumerCode',
		type: 'string',
		required: true,
		default: '',
		description: "SocialHub's code of the customer",
	},
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
	...updateDisplayOptions(forMember('getMember'), getMemberFields),
	...updateDisplayOptions(forMember('getMemberList'), getMemberListFields),
];
