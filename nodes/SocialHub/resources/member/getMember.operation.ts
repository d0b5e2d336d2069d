import { cardNoPath } from '../common';
import type { OperationDefinition } from '../../shared/operation';

export const getMember: OperationDefinition = {
	value: 'getMember',
	name: 'Get Member',
	action: 'Get a member',
	description: 'Get one member account by card number (Query Specific Member Account)',
	v2: { name: 'Get' },
	method: 'GET',
	url: '/v1/member/{cardNo}',
	fields: [cardNoPath],
};
