import type { ResourceDefinition } from '../../shared/operation';
import { adjustPoints } from './adjustPoints.operation';
import { getPointsAccount } from './getPointsAccount.operation';
import { getPointsRecords } from './getPointsRecords.operation';

export const points: ResourceDefinition = {
	value: 'points',
	name: 'Points Management',
	v2Name: 'Points',
	defaultOperation: 'getPointsAccount',
	operations: [adjustPoints, getPointsAccount, getPointsRecords],
};
