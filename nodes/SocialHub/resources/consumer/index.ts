import type { ResourceDefinition } from '../../shared/operation';
import { bindConsumerThirdAccount } from './bindConsumerThirdAccount.operation';
import { createConsumer } from './createConsumer.operation';
import { importConsumerEventData } from './importConsumerEventData.operation';
import { queryConsumer } from './queryConsumer.operation';
import { queryThirdAccountsByUnionId } from './queryThirdAccountsByUnionId.operation';
import { updateConsumer } from './updateConsumer.operation';

export const consumer: ResourceDefinition = {
	value: 'consumer',
	name: 'Customer Management',
	v2Name: 'Customer',
	defaultOperation: 'createConsumer',
	operations: [
		createConsumer,
		importConsumerEventData,
		queryConsumer,
		updateConsumer,
		bindConsumerThirdAccount,
		queryThirdAccountsByUnionId,
	],
};
