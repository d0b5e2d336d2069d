import type { OperationDefinition } from '../../shared/operation';
import { email, loyaltyProgram, mobilePhone, phonePrefix, sourceCode, storeCode, text } from '../common';

const program = {
	description: 'The loyalty program to enroll the customer in (see Get Loyalty Programs)',
	required: true,
	as: 'loyaltyProgramCode',
};

const fields = [
	phonePrefix('body', { required: true }),
	mobilePhone,
	email,
	text('body', { displayName: 'Member Name', name: 'memberName', required: true }, 'name'),
	storeCode,
	sourceCode,
];

const byVersion = {
	1: [loyaltyProgram(1, 'body', program), ...fields],
	2: [loyaltyProgram(2, 'body', program), ...fields],
};

export const memberAdmission: OperationDefinition = {
	value: 'memberAdmission',
	name: 'Enroll Customer as Member',
	action: 'Enroll a customer as member',
	description: 'Make a customer a member of a loyalty program (Customer Membership)',
	v2: { name: 'Enroll', action: 'Enroll a customer in a loyalty program' },
	method: 'POST',
	url: '/v1/member/admission',
	fields: (version) => byVersion[version],
};
