import type { OperationDefinition } from '../../shared/operation';
import { cardNoPath, text } from '../common';

const pointsGroupFilter = text('query', {
	displayName: 'Points Group Code',
	name: 'pointsGroupCode',
	description: 'Only the accounts of this points group; leave empty for all',
});

export const getPointsAccount: OperationDefinition = {
	value: 'getPointsAccount',
	name: 'Get Member Points Accounts',
	action: 'Get member points accounts',
	description: "List the points accounts of a member's card (Query Member Points Account List)",
	v2: { name: 'Get Many Accounts', action: 'Get many points accounts of a member' },
	method: 'GET',
	url: '/v1/points/pointsAccount/{cardNo}',
	list: 'query',
	fields: [cardNoPath, pointsGroupFilter],
};
