/** The sandbox's customer endpoints: create, events, query, update, third-party binding. */
import type { Consumer, SandboxState } from './state';
import { DATE, blank, isInt, type Json, type Result } from './values';

/** POST /v1/consumer: a new customer. */
export function createConsumer(state: SandboxState, b: Json): Result {
	if (blank(b.name)) return { error: [40020, 'name is required'] };
	if (blank(b.mobilePhone) && blank(b.email)) return { error: [40021, 'mobilePhone or email is required'] };
	if (b.gender !== undefined && !isInt(b.gender, [0, 1, 2])) return { error: [40022, 'gender must be 0, 1 or 2'] };
	if (b.identityType !== undefined && !isInt(b.identityType, [1, 2, 3, 4])) return { error: [40023, 'identityType must be 1-4'] };
	if (b.birthday !== undefined && !DATE.test(String(b.birthday))) return { error: [40024, 'birthday must be yyyy-MM-dd'] };
	if (!blank(b.mobilePhone) && [...state.consumers.values()].some((row) => row.mobilePhone === b.mobilePhone)) {
		return { error: [40025, `A customer with mobile phone ${String(b.mobilePhone)} already exists`] };
	}
	const consumerCode = state.nextCode('C');
	state.consumers.set(consumerCode, { ...b, consumerCode } as Consumer);
	return { data: { consumerCode } };
}

/** POST /v1/consumer/event/data: stores a batch of events. */
export function importEvents(state: SandboxState, b: Json): Result {
	if (!Array.isArray(b.data) || b.data.length === 0) return { error: [40030, 'data must be a non-empty array of events'] };
	for (const [index, event] of (b.data as Json[]).entries()) {
		if (blank(event.eventKey) || blank(event.customerCode)) return { error: [40031, `Event ${index + 1}: eventKey and customerCode are required`] };
		if (event.properties !== undefined && (typeof event.properties !== 'object' || Array.isArray(event.properties))) {
			return { error: [40032, `Event ${index + 1}: properties must be a JSON object`] };
		}
		if (event.eventTime !== undefined && typeof event.eventTime !== 'number') return { error: [40033, `Event ${index + 1}: eventTime must be ms epoch`] };
	}
	state.events.push(...(b.data as Json[]));
	return { data: { count: (b.data as Json[]).length } };
}

/** GET /v1/consumer/info: a customer by phone or email; timestamp within 5 minutes, nonce used once. */
export function queryConsumer(state: SandboxState, query: Json): Result {
	const timestamp = Number(query.timestamp);
	if (!Number.isFinite(timestamp) || Math.abs(Date.now() - timestamp) > 300_000) return { error: [40040, 'timestamp is missing or more than 5 minutes off'] };
	if (blank(query.nonceId)) return { error: [40041, 'nonceId is required'] };
	if (state.nonces.has(String(query.nonceId))) return { error: [40042, 'nonceId was already used (replayed request)'] };
	state.nonces.add(String(query.nonceId));
	const field = String(query.type) === '1' ? 'mobilePhone' : String(query.type) === '2' ? 'email' : undefined;
	if (!field) return { error: [40043, 'type must be 1 (mobile phone) or 2 (email)'] };
	const consumer = [...state.consumers.values()].find((row) => row[field] === query.query);
	return consumer ? { data: consumer } : { error: [40403, 'Customer not found'] };
}

/** PUT /v1/consumer/updateInfo/{consumerCode}: changes the fields sent (blank values refused). */
export function updateConsumer(state: SandboxState, consumerCode: string, b: Json): Result {
	const consumer = state.consumers.get(consumerCode);
	if (!consumer) return { error: [40402, `Customer ${consumerCode} not found`] };
	if (Object.values(b).some((value) => value === '')) return { error: [40050, 'Blank values are not allowed'] };
	Object.assign(consumer, b);
	return { data: consumer };
}

/** POST /v1/consumer/binding: binds a third-party account to a customer. */
export function bind(state: SandboxState, b: Json): Result {
	if (!state.consumers.has(String(b.consumerCode))) return { error: [40402, `Customer ${String(b.consumerCode)} not found`] };
	if (blank(b.unionId) || blank(b.accountType)) return { error: [40060, 'accountType and unionId are required'] };
	state.thirdAccounts.push({ ...b });
	return { data: { bound: true } };
}
