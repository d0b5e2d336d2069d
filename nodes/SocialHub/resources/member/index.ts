import type { ResourceDefinition } from '../../shared/operation';
import { getLoyaltyPrograms } from './getLoyaltyPrograms.operation';
import { getMember } from './getMember.operation';
import { getMemberList } from './getMemberList.operation';
import { memberAdmission } from './memberAdmission.operation';

export const member: ResourceDefinition = {
	value: 'member',
	name: 'Member Management',
	v2Name: 'Member',
	defaultOperation: 'getLoyaltyPrograms',
	operations: [getLoyaltyPrograms, getMemberList, getMember, memberAdmission],
};
