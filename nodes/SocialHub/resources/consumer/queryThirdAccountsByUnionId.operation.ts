import { unionIdPath } from '../common';
import type { OperationDefinition } from '../../shared/operation';

export const queryThirdAccountsByUnionId: OperationDefinition = {
	value: 'queryThirdAccountsByUnionId',
	name: 'Get Third-Party Accounts',
	action: 'Get third party accounts by union ID',
	description: 'List the customer accounts bound to a union ID (Query Third-Party Accounts by Union ID)',
	method: 'GET',
	url: '/v1/consumer/thirdaccounts/{unionId}',
	fields: [unionIdPath],
};
