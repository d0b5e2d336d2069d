import type { ResourceDefinition } from '../../shared/operation';
import { getTransactionDetail } from './getTransactionDetail.operation';
import { getTransactionList } from './getTransactionList.operation';
import { syncTransaction } from './syncTransaction.operation';

export const order: ResourceDefinition = {
	value: 'order',
	name: 'Order Management',
	v2Name: 'Transaction',
	defaultOperation: 'getTransactionList',
	operations: [getTransactionList, getTransactionDetail, syncTransaction],
};
