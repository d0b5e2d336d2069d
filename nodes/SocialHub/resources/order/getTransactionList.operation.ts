import { field } from '../../shared/fields';
import type { OperationDefinition } from '../../shared/operation';
import { consumerCodePath } from '../common';

const dateFilter = (displayName: string, name: string, description: string) =>
	field(
		{ displayName, name, type: 'dateTime', default: '', description },
		{ in: 'body', kind: 'dateTime' },
	);

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
		dateFilter('Begin Date', 'beginDate', 'Only transactions from this time on (sent as yyyy-MM-dd HH:mm:ss)'),
		dateFilter('End Date', 'endDate', 'Only transactions up to this time (sent as yyyy-MM-dd HH:mm:ss)'),
	],
};
