/** The sandbox's points endpoints: records and adjustments (each Operation ID applied once). */
import type { SandboxState } from './state';
import { blank, isInt, page, type Json, type Result } from './values';

/** The first 64-bit record ID (above 2^62, like a snowflake ID): a Java Long JSON.parse cannot keep. */
export const BIG_RECORD_ID_FIRST = 7615917337495251231n;

/**
 * The `n`-th 64-bit record ID a state hands out (from 0: with seed data, the seed record's).
 * Consecutive IDs differ by 1, as a snowflake generator's within one millisecond: as JS numbers
 * they collapse into one.
 */
export const bigRecordId = (n: number): bigint => BIG_RECORD_ID_FIRST + BigInt(n);

/** GET /v1/points/pointsRecords/{accountCode}: an account's records, filtered by status and createTime (ms epoch), paged. */
export function pointsRecords(state: SandboxState, accountCode: string, query: Json): Result {
	if (!state.accounts.has(accountCode)) return { error: [40405, `Points account ${accountCode} not found`] };
	const begin = blank(query.beginDate) ? -Infinity : Number(query.beginDate);
	const end = blank(query.endDate) ? Infinity : Number(query.endDate);
	if (Number.isNaN(begin) || Number.isNaN(end)) return { error: [40080, 'beginDate and endDate must be ms epoch'] };
	const rows = state.records.filter(
		(r) => r.accountCode === accountCode && (blank(query.status) || r.status === Number(query.status)) && r.createTime >= begin && r.createTime <= end,
	);
	return page(rows, query);
}

/**
 * What SocialHub refuses in an adjustment, each with its own code, so the sandbox never
 * accepts a request the real API would refuse. The operation type carries the direction;
 * pointValue is the number of points.
 */
export function adjustmentRefusal(b: Json): [number, string] | undefined {
	if (!isInt(b.accountType, [1, 2])) return [40091, 'accountType must be 1 (points account code) or 2 (member card number)'];
	if (blank(b.accountCode)) return [40097, 'accountCode is required'];
	if (!isInt(b.operationType, [6, 7, 8, 9])) {
		return [40092, 'operationType must be 6 (behavior increase), 7 (behavior decrease), 8 (gift redemption) or 9 (coupon redemption)'];
	}
	if (!isInt(b.pointValue) || b.pointValue === 0) return [40093, 'pointValue must be a non-zero integer'];
	if (b.operationType === 6 && (b.pointValue as number) < 0) {
		return [40098, 'pointValue must be positive for an increase (operationType 6); deduct with operationType 7, 8 or 9'];
	}
	if (typeof b.effectiveEndTime !== 'number' || !Number.isInteger(b.effectiveEndTime)) {
		return [40094, 'effectiveEndTime must be ms epoch'];
	}
	// Ten digits is seconds since the epoch: as ms it would be January 1970.
	if (b.effectiveEndTime < 1e12) return [40094, 'effectiveEndTime must be ms epoch (this looks like seconds)'];
	if (b.effectiveEndTime <= Date.now()) return [40099, 'effectiveEndTime must be in the future'];
	if (b.upgradeTierFlag !== undefined && !isInt(b.upgradeTierFlag, [0, 1])) return [40095, 'upgradeTierFlag must be 0 or 1'];
	if (b.pointDesc !== undefined && b.pointDesc !== null && typeof b.pointDesc !== 'string') {
		return [40089, 'pointDesc must be a string'];
	}
	return undefined;
}

/** POST /v1/points/adjustment: applies an adjustment once per Operation ID; a repeat answers the first result with `duplicate: true`. */
export function adjust(state: SandboxState, b: Json): Result {
	if (blank(b.operationId)) return { error: [40090, 'operationId is required'] };
	const previous = state.adjustments.get(String(b.operationId));
	if (previous) {
		state.duplicates++;
		return { data: { ...previous, duplicate: true } };
	}
	const refusal = adjustmentRefusal(b);
	if (refusal) return { error: refusal };
	const account =
		b.accountType === 1
			? state.accounts.get(String(b.accountCode))
			: [...state.accounts.values()].find((row) => row.cardNo === b.accountCode && (blank(b.pointsGroupCode) || row.pointsGroupCode === b.pointsGroupCode));
	if (!account) return { error: [40405, `Points account for ${String(b.accountCode)} not found`] };
	// A negative value on a decrease is deducted as its magnitude: SocialHub does not document it.
	const magnitude = Math.abs(b.pointValue as number);
	const delta = b.operationType === 6 ? magnitude : -magnitude;
	if (account.balance + delta < 0) return { error: [40096, `Insufficient points: balance ${account.balance}, deduction ${magnitude}`] };
	account.balance += delta;
	state.appliedTimes.set(String(b.operationId), (state.appliedTimes.get(String(b.operationId)) ?? 0) + 1);
	const record = state.addRecord(account.accountCode, String(b.operationId), b.operationType as number, delta);
	record.effectiveEndTime = b.effectiveEndTime as number;
	const result = { operationId: b.operationId, accountCode: account.accountCode, recordId: record.recordId, pointValue: delta, balance: account.balance };
	state.adjustments.set(String(b.operationId), result);
	return { data: result };
}
