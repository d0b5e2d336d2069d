import { field } from '../../shared/fields';
import type { OperationDefinition } from '../../shared/operation';

export const getTransactionDetail: OperationDefinition = {
	value: 'getTransactionDetail',
	name: 'Get Transaction',
	action: 'Get a transaction',
	description: 'Get one transaction with its lines (Query Transaction Details)',
	v2: { name: 'Get' },
	method: 'POST',
	readOnly: true,
	url: '/v1/transactions/{orderCode}',
	fields: [
		field(
			{
				displayName: 'Order Code',
				name: 'orderCode',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. T20260101001',
				description: 'The transaction code of the order',
			},
			{ in: 'path' },
		),
	],
};
