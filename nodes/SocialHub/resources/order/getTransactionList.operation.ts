import { field } from '../../shared/fields';
import type { OperationDefinition } from '../../shared/operation';
import { beginDate, consumerCodePath, endDate } from '../common';

export const getTransactionList: OperationDefinition = {
	value: 'getTransactionList',
	name: 'Get Customer Transactions',
	action: 'Get transactions of a customer',
	description: "List a customer's transactions page by page (Paginated Query Customer Transaction List)",
	v2: { name: 'Get Many', action: 'Get many transactions of a customer' },
	method: 'POST',
	url: '/v1/transactions/page/{consumerCode}',
	list: 'body',
	fields: [
		consumerCodePath,
		field(beginDate, { in: 'body', kind: 'dateTime' }),
		field(endDate, { in: 'body', kind: 'dateTime' }),
	],
};
