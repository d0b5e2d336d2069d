/** The sandbox's transaction endpoints: a customer's page of transactions, synchronization. */
import type { SandboxState } from './state';
import { DATE_TIME, blank, isInt, page, type Json, type Result } from './values';

/** POST /v1/transactions/page/{consumerCode}: a customer's transactions, paged. */
export function transactionPage(state: SandboxState, consumerCode: string, b: Json): Result {
	const rows = [...state.transactions.values()].filter((row) => row.consumerCode === consumerCode);
	return page(rows, b);
}

/** POST /v1/transactions/sync: stores an order for the customer its member identifier names. */
export function syncTransaction(state: SandboxState, body: unknown): Result {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: [40070, 'Body must be an order object'] };
	const b = body as Json;
	if (!isInt(b.type, [1, 2, 3])) return { error: [40071, 'type must be 1, 2 or 3'] };
	if (blank(b.params) || blank(b.transactionCode)) return { error: [40072, 'params and transactionCode are required'] };
	if (!DATE_TIME.test(String(b.orderDate))) return { error: [40073, 'orderDate must be yyyy-MM-dd HH:mm:ss'] };
	if (b.details !== undefined && (!Array.isArray(b.details) || b.details.some((d) => !d || typeof d !== 'object'))) {
		return { error: [40074, 'details must be an array of objects'] };
	}
	const field = b.type === 1 ? 'mobilePhone' : b.type === 2 ? 'email' : 'employeeId';
	const consumer = [...state.consumers.values()].find((row) => row[field] === b.params);
	if (!consumer) return { error: [40403, `No customer with ${field} ${String(b.params)}`] };
	const transaction = { ...b, consumerCode: consumer.consumerCode, orderCode: b.transactionCode };
	state.transactions.set(String(b.transactionCode), transaction);
	return { data: { orderCode: b.transactionCode, consumerCode: consumer.consumerCode } };
}
