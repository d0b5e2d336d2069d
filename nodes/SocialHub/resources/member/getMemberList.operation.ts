import { consumerCodePath, loyaltyProgram } from '../common';
import type { OperationDefinition } from '../../shared/operation';

const description = 'Only member accounts of this loyalty program; leave empty for all';
const loyaltyFilter = { 1: loyaltyProgram(1, 'query', { description }), 2: loyaltyProgram(2, 'query', { description }) };

export const getMemberList: OperationDefinition = {
	value: 'getMemberList',
	name: 'Get Customer Member Accounts',
	action: 'Get member accounts of a customer',
	description: "List a customer's member accounts (Query Customer Member Account List)",
	v2: { name: 'Get Many', action: 'Get many member accounts of a customer' },
	method: 'GET',
	url: '/v1/member/list/{consumerCode}',
	list: 'query',
	fields: (version) => [consumerCodePath, loyaltyFilter[version]],
};
