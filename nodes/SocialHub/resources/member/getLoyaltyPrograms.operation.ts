import type { OperationDefinition } from '../../shared/operation';

export const getLoyaltyPrograms: OperationDefinition = {
	value: 'getLoyaltyPrograms',
	name: 'Get Loyalty Programs',
	action: 'Get loyalty programs',
	description: 'List the loyalty programs of the tenant (Query Loyalty Program List)',
	method: 'GET',
	url: '/v1/member/loyaltyprograms',
	fields: [],
};
