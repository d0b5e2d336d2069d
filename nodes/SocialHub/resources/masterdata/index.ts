import type { ResourceDefinition } from '../../shared/operation';
import { batchSyncProduct } from './batchSyncProduct.operation';
import { saveStore } from './saveStore.operation';

export const masterData: ResourceDefinition = {
	value: 'masterdata',
	name: 'Master Data Management',
	v2Name: 'Master Data',
	defaultOperation: 'batchSyncProduct',
	operations: [batchSyncProduct, saveStore],
};
