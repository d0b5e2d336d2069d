/** SocialHub's data, in memory: what the sandbox's endpoints read and change. */
import { bind, createConsumer, importEvents, queryConsumer, updateConsumer } from './consumers';
import { batchSyncProducts, saveStore } from './masterdata';
import { admission, memberByCard, memberList } from './members';
import { syncTransaction, transactionPage } from './orders';
import { adjust, bigRecordId, pointsRecords } from './points';
import { blank, page, type Json, type Result } from './values';

export type { Json, Result };

export interface Consumer extends Json {
	consumerCode: string;
	name?: string;
	mobilePhone?: string;
	phonePrefCode?: string;
	email?: string;
}

export interface PointsAccount extends Json {
	accountCode: string;
	cardNo: string;
	pointsGroupCode: string;
	balance: number;
}

export interface PointsRecord extends Json {
	/** 'R1001'; with `bigIds` a 64-bit number, written into JSON unquoted. */
	recordId: string | bigint;
	accountCode: string;
	operationId: string;
	operationType: number;
	pointValue: number;
	status: number;
	createTime: number;
	effectiveEndTime: number;
}

/** How many times Operation IDs were applied, over the state's life. */
export interface ApplicationCounts {
	/** Distinct Operation IDs applied. */
	applied: number;
	/** Repeats answered as duplicates (not applied again). */
	duplicates: number;
	/** Operation IDs applied more than once: always 0 unless idempotency broke. */
	appliedMoreThanOnce: number;
}

export class SandboxState {
	loyaltyPrograms = [
		{ loyaltyProgramCode: 'LP001', loyaltyProgramName: 'Sandbox Rewards', status: 1 },
		{ loyaltyProgramCode: 'LP002', loyaltyProgramName: 'Sandbox VIP Club', status: 1 },
	];
	consumers = new Map<string, Consumer>();
	members = new Map<string, Json>();
	accounts = new Map<string, PointsAccount>();
	records: PointsRecord[] = [];
	adjustments = new Map<string, Json>();
	transactions = new Map<string, Json>();
	thirdAccounts: Json[] = [];
	events: Json[] = [];
	products = new Map<string, Json>();
	stores = new Map<string, Json>();
	nonces = new Set<string>();
	/** How many times each Operation ID was applied, counted where the balance changes. */
	appliedTimes = new Map<string, number>();
	/** Adjustments answered as duplicates of an applied Operation ID. */
	duplicates = 0;
	private sequence = 1000;
	private bigSequence = 0;

	/** `seed`: start with the seed data. `bigIds`: records created from now on get 64-bit IDs. */
	constructor(
		seed: boolean,
		public bigIds = false,
	) {
		if (!seed) return;
		this.consumers.set('C0001', {
			consumerCode: 'C0001', name: 'Alice Chen', gender: 2, mobilePhone: '13800000001', phonePrefCode: '+86',
			email: 'alice@example.com', address: '1 Sandbox Road', receiveSmsFlag: 1, receiveEmailFlag: 0,
		});
		this.members.set('M0001', { cardNo: 'M0001', consumerCode: 'C0001', loyaltyProgramCode: 'LP001', tierName: 'Silver' });
		this.accounts.set('PA0001', { accountCode: 'PA0001', cardNo: 'M0001', pointsGroupCode: 'PG01', balance: 1000 });
		this.addRecord('PA0001', 'seed-welcome', 6, 1000, Date.UTC(2026, 0, 1));
	}

	nextCode(prefix: string): string {
		this.sequence++;
		return `${prefix}${this.sequence}`;
	}

	addRecord(accountCode: string, operationId: string, operationType: number, pointValue: number, createTime = Date.now()) {
		const record: PointsRecord = {
			recordId: this.bigIds ? bigRecordId(this.bigSequence++) : this.nextCode('R'), accountCode, operationId, operationType, pointValue, status: 0, createTime,
			effectiveEndTime: createTime + 365 * 86_400_000,
		};
		this.records.push(record);
		return record;
	}

	/** Adds `count` records to an account (for paging tests and the benchmark). */
	seedRecords(accountCode: string, count: number) {
		for (let i = 0; i < count; i++) this.addRecord(accountCode, `bulk-${i}`, 6, 1, Date.UTC(2026, 0, 1) + i * 1000);
	}

	/** The Operation ID counts: applied, duplicates, applied more than once. */
	applications(): ApplicationCounts {
		const repeated = [...this.appliedTimes.values()].filter((times) => times > 1).length;
		return { applied: this.appliedTimes.size, duplicates: this.duplicates, appliedMoreThanOnce: repeated };
	}

	snapshot() {
		return {
			consumers: [...this.consumers.values()], members: [...this.members.values()], accounts: [...this.accounts.values()],
			transactions: [...this.transactions.values()], products: [...this.products.values()], stores: [...this.stores.values()],
			events: this.events, thirdAccounts: this.thirdAccounts, adjustments: this.adjustments.size,
		};
	}

	route(method: string, path: string, query: Json, body: unknown): Result | undefined {
		const segments = path.split('/').slice(1).map(decodeURIComponent);
		const b = (body ?? {}) as Json;
		const [v1, area, a, c] = segments;
		if (v1 !== 'v1') return undefined;
		const key = `${method} ${area}/${a ?? ''}`;
		switch (area) {
			case 'member':
				if (method === 'GET' && a === 'loyaltyprograms' && segments.length === 3) return { data: this.loyaltyPrograms };
				if (method === 'GET' && a === 'list' && segments.length === 4) return memberList(this, c, query);
				if (method === 'POST' && a === 'admission' && segments.length === 3) return admission(this, b);
				if (method === 'GET' && segments.length === 3) return memberByCard(this, a);
				return undefined;
			case 'consumer':
				if (method === 'POST' && segments.length === 2) return createConsumer(this, b);
				if (key === 'POST consumer/event' && c === 'data') return importEvents(this, b);
				if (key === 'GET consumer/info') return queryConsumer(this, query);
				if (key === 'PUT consumer/updateInfo' && segments.length === 4) return updateConsumer(this, c, b);
				if (key === 'POST consumer/binding') return bind(this, b);
				if (key === 'GET consumer/thirdaccounts' && segments.length === 4) {
					return { data: this.thirdAccounts.filter((row) => row.unionId === c) };
				}
				return undefined;
			case 'transactions':
				if (method !== 'POST') return undefined;
				if (a === 'page' && segments.length === 4) return transactionPage(this, c, b);
				if (a === 'sync' && segments.length === 3) return syncTransaction(this, body);
				if (segments.length === 3) {
					const transaction = this.transactions.get(a);
					return transaction ? { data: transaction } : { error: [40404, `Transaction ${a} not found`] };
				}
				return undefined;
			case 'points':
				if (key === 'GET points/pointsAccount' && segments.length === 4) {
					return page([...this.accounts.values()].filter((row) => row.cardNo === c && (blank(query.pointsGroupCode) || row.pointsGroupCode === query.pointsGroupCode)), query);
				}
				if (key === 'GET points/pointsRecords' && segments.length === 4) return pointsRecords(this, c, query);
				if (key === 'POST points/adjustment') return adjust(this, b);
				return undefined;
			case 'masterdata':
				if (key === 'POST masterdata/product' && c === 'batchSync') return batchSyncProducts(this, body);
				if (key === 'POST masterdata/store' && segments.length === 3) return saveStore(this, b);
				return undefined;
		}
		return undefined;
	}
}
