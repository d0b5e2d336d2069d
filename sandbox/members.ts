/** The sandbox's member endpoints: a card, a customer's cards, admission. */
import type { SandboxState } from './state';
import { blank, page, type Json, type Result } from './values';

/** GET /v1/member/{cardNo}: one member card. */
export function memberByCard(state: SandboxState, cardNo: string): Result {
	const member = state.members.get(cardNo);
	return member ? { data: member } : { error: [40401, `Member card ${cardNo} not found`] };
}

/** GET /v1/member/list/{consumerCode}: a customer's member cards, paged. */
export function memberList(state: SandboxState, consumerCode: string, query: Json): Result {
	if (!state.consumers.has(consumerCode)) return { error: [40402, `Customer ${consumerCode} not found`] };
	const rows = [...state.members.values()].filter(
		(m) => m.consumerCode === consumerCode && (blank(query.loyaltyCode) || m.loyaltyProgramCode === query.loyaltyCode),
	);
	return page(rows, query);
}

/** POST /v1/member/admission: enrols a customer (created if new) in a loyalty program. */
export function admission(state: SandboxState, b: Json): Result {
	if (!state.loyaltyPrograms.some((p) => p.loyaltyProgramCode === b.loyaltyProgramCode)) {
		return { error: [40010, `Loyalty program ${String(b.loyaltyProgramCode)} does not exist`] };
	}
	if (blank(b.mobilePhone) && blank(b.email)) return { error: [40011, 'mobilePhone or email is required'] };
	let consumer = [...state.consumers.values()].find(
		(row) => (!blank(b.mobilePhone) && row.mobilePhone === b.mobilePhone) || (!blank(b.email) && row.email === b.email),
	);
	if (!consumer) {
		consumer = { consumerCode: state.nextCode('C'), name: b.name as string, mobilePhone: b.mobilePhone as string,
			phonePrefCode: (b.phonePrefCode as string) ?? '+86', email: b.email as string };
		state.consumers.set(consumer.consumerCode, consumer);
	}
	const existing = [...state.members.values()].find(
		(m) => m.consumerCode === consumer!.consumerCode && m.loyaltyProgramCode === b.loyaltyProgramCode,
	);
	if (existing) return { error: [40012, `Customer is already a member of ${String(b.loyaltyProgramCode)} (card ${String(existing.cardNo)})`] };
	const cardNo = state.nextCode('M');
	state.members.set(cardNo, { cardNo, consumerCode: consumer.consumerCode, loyaltyProgramCode: b.loyaltyProgramCode,
		storeCode: b.storeCode, sourceCode: b.sourceCode, tierName: 'Basic' });
	const accountCode = state.nextCode('PA');
	state.accounts.set(accountCode, { accountCode, cardNo, pointsGroupCode: 'PG01', balance: 0 });
	return { data: { cardNo, consumerCode: consumer.consumerCode, accountCode } };
}
