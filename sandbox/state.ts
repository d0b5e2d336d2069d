/** SocialHub's data, in memory: what the sandbox's endpoints read and change. */
export type Json = Record<string, unknown>;
export type Result = { data: unknown } | { error: [number, string] };

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
	recordId: string;
	accountCode: string;
	operationId: string;
	operationType: number;
	pointValue: number;
	status: number;
	createTime: number;
	effectiveEndTime: number;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const blank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';
const isInt = (value: unknown, allowed?: number[]) =>
	typeof value === 'number' && Number.isInteger(value) && (!allowed || allowed.includes(value));

function page<T>(rows: T[], query: Json): Result {
	const pageNo = Number(query.pageNo ?? 1);
	const pageSize = Number(query.pageSize ?? 10);
	if (!Number.isInteger(pageNo) || pageNo < 1) return { error: [400, 'pageNo must be a positive integer'] };
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
		return { error: [400, 'pageSize must be between 1 and 100'] };
	}
	return { data: { list: rows.slice((pageNo - 1) * pageSize, pageNo * pageSize), total: rows.length, pageNo, pageSize } };
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
	private sequence = 1000;

	constructor(seed: boolean) {
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
			recordId: this.nextCode('R'), accountCode, operationId, operationType, pointValue, status: 0, createTime,
			effectiveEndTime: createTime + 365 * 86_400_000,
		};
		this.records.push(record);
		return record;
	}

	/** Adds `count` records to an account (for paging tests and the benchmark). */
	seedRecords(accountCode: string, count: number) {
		for (let i = 0; i < count; i++) this.addRecord(accountCode, `bulk-${i}`, 6, 1, Date.UTC(2026, 0, 1) + i * 1000);
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
				if (method === 'GET' && a === 'list' && segments.length === 4) return this.memberList(c, query);
				if (method === 'POST' && a === 'admission' && segments.length === 3) return this.admission(b);
				if (method === 'GET' && segments.length === 3) return this.member(a);
				return undefined;
			case 'consumer':
				if (method === 'POST' && segments.length === 2) return this.createConsumer(b);
				if (key === 'POST consumer/event' && c === 'data') return this.importEvents(b);
				if (key === 'GET consumer/info') return this.queryConsumer(query);
				if (key === 'PUT consumer/updateInfo' && segments.length === 4) return this.updateConsumer(c, b);
				if (key === 'POST consumer/binding') return this.bind(b);
				if (key === 'GET consumer/thirdaccounts' && segments.length === 4) {
					return { data: this.thirdAccounts.filter((row) => row.unionId === c) };
				}
				return undefined;
			case 'transactions':
				if (method !== 'POST') return undefined;
				if (a === 'page' && segments.length === 4) return this.transactionPage(c, b);
				if (a === 'sync' && segments.length === 3) return this.syncTransaction(body);
				if (segments.length === 3) {
					const transaction = this.transactions.get(a);
					return transaction ? { data: transaction } : { error: [40404, `Transaction ${a} not found`] };
				}
				return undefined;
			case 'points':
				if (key === 'GET points/pointsAccount' && segments.length === 4) {
					return page([...this.accounts.values()].filter((row) => row.cardNo === c && (blank(query.pointsGroupCode) || row.pointsGroupCode === query.pointsGroupCode)), query);
				}
				if (key === 'GET points/pointsRecords' && segments.length === 4) return this.pointsRecords(c, query);
				if (key === 'POST points/adjustment') return this.adjust(b);
				return undefined;
			case 'masterdata':
				if (key === 'POST masterdata/product' && c === 'batchSync') return this.batchSyncProducts(body);
				if (key === 'POST masterdata/store' && segments.length === 3) return this.saveStore(b);
				return undefined;
		}
		return undefined;
	}

	private member(cardNo: string): Result {
		const member = this.members.get(cardNo);
		return member ? { data: member } : { error: [40401, `Member card ${cardNo} not found`] };
	}

	private memberList(consumerCode: string, query: Json): Result {
		if (!this.consumers.has(consumerCode)) return { error: [40402, `Customer ${consumerCode} not found`] };
		const rows = [...this.members.values()].filter(
			(m) => m.consumerCode === consumerCode && (blank(query.loyaltyCode) || m.loyaltyProgramCode === query.loyaltyCode),
		);
		return page(rows, query);
	}

	private admission(b: Json): Result {
		if (!this.loyaltyPrograms.some((p) => p.loyaltyProgramCode === b.loyaltyProgramCode)) {
			return { error: [40010, `Loyalty program ${String(b.loyaltyProgramCode)} does not exist`] };
		}
		if (blank(b.mobilePhone) && blank(b.email)) return { error: [40011, 'mobilePhone or email is required'] };
		let consumer = [...this.consumers.values()].find(
			(row) => (!blank(b.mobilePhone) && row.mobilePhone === b.mobilePhone) || (!blank(b.email) && row.email === b.email),
		);
		if (!consumer) {
			consumer = { consumerCode: this.nextCode('C'), name: b.name as string, mobilePhone: b.mobilePhone as string,
				phonePrefCode: (b.phonePrefCode as string) ?? '+86', email: b.email as string };
			this.consumers.set(consumer.consumerCode, consumer);
		}
		const existing = [...this.members.values()].find(
			(m) => m.consumerCode === consumer!.consumerCode && m.loyaltyProgramCode === b.loyaltyProgramCode,
		);
		if (existing) return { error: [40012, `Customer is already a member of ${String(b.loyaltyProgramCode)} (card ${String(existing.cardNo)})`] };
		const cardNo = this.nextCode('M');
		this.members.set(cardNo, { cardNo, consumerCode: consumer.consumerCode, loyaltyProgramCode: b.loyaltyProgramCode,
			storeCode: b.storeCode, sourceCode: b.sourceCode, tierName: 'Basic' });
		const accountCode = this.nextCode('PA');
		this.accounts.set(accountCode, { accountCode, cardNo, pointsGroupCode: 'PG01', balance: 0 });
		return { data: { cardNo, consumerCode: consumer.consumerCode, accountCode } };
	}

	private createConsumer(b: Json): Result {
		if (blank(b.name)) return { error: [40020, 'name is required'] };
		if (blank(b.mobilePhone) && blank(b.email)) return { error: [40021, 'mobilePhone or email is required'] };
		if (b.gender !== undefined && !isInt(b.gender, [0, 1, 2])) return { error: [40022, 'gender must be 0, 1 or 2'] };
		if (b.identityType !== undefined && !isInt(b.identityType, [1, 2, 3, 4])) return { error: [40023, 'identityType must be 1-4'] };
		if (b.birthday !== undefined && !DATE.test(String(b.birthday))) return { error: [40024, 'birthday must be yyyy-MM-dd'] };
		if (!blank(b.mobilePhone) && [...this.consumers.values()].some((row) => row.mobilePhone === b.mobilePhone)) {
			return { error: [40025, `A customer with mobile phone ${String(b.mobilePhone)} already exists`] };
		}
		const consumerCode = this.nextCode('C');
		this.consumers.set(consumerCode, { ...b, consumerCode } as Consumer);
		return { data: { consumerCode } };
	}

	private importEvents(b: Json): Result {
		if (!Array.isArray(b.data) || b.data.length === 0) return { error: [40030, 'data must be a non-empty array of events'] };
		for (const [index, event] of (b.data as Json[]).entries()) {
			if (blank(event.eventKey) || blank(event.customerCode)) return { error: [40031, `Event ${index + 1}: eventKey and customerCode are required`] };
			if (event.properties !== undefined && (typeof event.properties !== 'object' || Array.isArray(event.properties))) {
				return { error: [40032, `Event ${index + 1}: properties must be a JSON object`] };
			}
			if (event.eventTime !== undefined && typeof event.eventTime !== 'number') return { error: [40033, `Event ${index + 1}: eventTime must be ms epoch`] };
		}
		this.events.push(...(b.data as Json[]));
		return { data: { count: (b.data as Json[]).length } };
	}

	private queryConsumer(query: Json): Result {
		const timestamp = Number(query.timestamp);
		if (!Number.isFinite(timestamp) || Math.abs(Date.now() - timestamp) > 300_000) return { error: [40040, 'timestamp is missing or more than 5 minutes off'] };
		if (blank(query.nonceId)) return { error: [40041, 'nonceId is required'] };
		if (this.nonces.has(String(query.nonceId))) return { error: [40042, 'nonceId was already used (replayed request)'] };
		this.nonces.add(String(query.nonceId));
		const field = String(query.type) === '1' ? 'mobilePhone' : String(query.type) === '2' ? 'email' : undefined;
		if (!field) return { error: [40043, 'type must be 1 (mobile phone) or 2 (email)'] };
		const consumer = [...this.consumers.values()].find((row) => row[field] === query.query);
		return consumer ? { data: consumer } : { error: [40403, 'Customer not found'] };
	}

	private updateConsumer(consumerCode: string, b: Json): Result {
		const consumer = this.consumers.get(consumerCode);
		if (!consumer) return { error: [40402, `Customer ${consumerCode} not found`] };
		if (Object.values(b).some((value) => value === '')) return { error: [40050, 'Blank values are not allowed'] };
		Object.assign(consumer, b);
		return { data: consumer };
	}

	private bind(b: Json): Result {
		if (!this.consumers.has(String(b.consumerCode))) return { error: [40402, `Customer ${String(b.consumerCode)} not found`] };
		if (blank(b.unionId) || blank(b.accountType)) return { error: [40060, 'accountType and unionId are required'] };
		this.thirdAccounts.push({ ...b });
		return { data: { bound: true } };
	}

	private transactionPage(consumerCode: string, b: Json): Result {
		const rows = [...this.transactions.values()].filter((row) => row.consumerCode === consumerCode);
		return page(rows, b);
	}

	private syncTransaction(body: unknown): Result {
		if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: [40070, 'Body must be an order object'] };
		const b = body as Json;
		if (!isInt(b.type, [1, 2, 3])) return { error: [40071, 'type must be 1, 2 or 3'] };
		if (blank(b.params) || blank(b.transactionCode)) return { error: [40072, 'params and transactionCode are required'] };
		if (!DATE_TIME.test(String(b.orderDate))) return { error: [40073, 'orderDate must be yyyy-MM-dd HH:mm:ss'] };
		if (b.details !== undefined && (!Array.isArray(b.details) || b.details.some((d) => !d || typeof d !== 'object'))) {
			return { error: [40074, 'details must be an array of objects'] };
		}
		const field = b.type === 1 ? 'mobilePhone' : b.type === 2 ? 'email' : 'employeeId';
		const consumer = [...this.consumers.values()].find((row) => row[field] === b.params);
		if (!consumer) return { error: [40403, `No customer with ${field} ${String(b.params)}`] };
		const transaction = { ...b, consumerCode: consumer.consumerCode, orderCode: b.transactionCode };
		this.transactions.set(String(b.transactionCode), transaction);
		return { data: { orderCode: b.transactionCode, consumerCode: consumer.consumerCode } };
	}

	private pointsRecords(accountCode: string, query: Json): Result {
		if (!this.accounts.has(accountCode)) return { error: [40405, `Points account ${accountCode} not found`] };
		const begin = blank(query.beginDate) ? -Infinity : Number(query.beginDate);
		const end = blank(query.endDate) ? Infinity : Number(query.endDate);
		if (Number.isNaN(begin) || Number.isNaN(end)) return { error: [40080, 'beginDate and endDate must be ms epoch'] };
		const rows = this.records.filter(
			(r) => r.accountCode === accountCode && (blank(query.status) || r.status === Number(query.status)) && r.createTime >= begin && r.createTime <= end,
		);
		return page(rows, query);
	}

	/**
	 * What SocialHub refuses in an adjustment, each with its own code, so the sandbox never
	 * accepts a request the real API would refuse. The operation type carries the direction;
	 * pointValue is the number of points.
	 */
	private adjustmentRefusal(b: Json): [number, string] | undefined {
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

	private adjust(b: Json): Result {
		if (blank(b.operationId)) return { error: [40090, 'operationId is required'] };
		const previous = this.adjustments.get(String(b.operationId));
		if (previous) return { data: { ...previous, duplicate: true } };
		const refusal = this.adjustmentRefusal(b);
		if (refusal) return { error: refusal };
		const account =
			b.accountType === 1
				? this.accounts.get(String(b.accountCode))
				: [...this.accounts.values()].find((row) => row.cardNo === b.accountCode && (blank(b.pointsGroupCode) || row.pointsGroupCode === b.pointsGroupCode));
		if (!account) return { error: [40405, `Points account for ${String(b.accountCode)} not found`] };
		// A negative value on a decrease is deducted as its magnitude: SocialHub does not document it.
		const magnitude = Math.abs(b.pointValue as number);
		const delta = b.operationType === 6 ? magnitude : -magnitude;
		if (account.balance + delta < 0) return { error: [40096, `Insufficient points: balance ${account.balance}, deduction ${magnitude}`] };
		account.balance += delta;
		const record = this.addRecord(account.accountCode, String(b.operationId), b.operationType as number, delta);
		record.effectiveEndTime = b.effectiveEndTime as number;
		const result = { operationId: b.operationId, accountCode: account.accountCode, recordId: record.recordId, pointValue: delta, balance: account.balance };
		this.adjustments.set(String(b.operationId), result);
		return { data: result };
	}

	private batchSyncProducts(body: unknown): Result {
		if (!Array.isArray(body) || body.length === 0) return { error: [40100, 'Body must be a non-empty array of products'] };
		for (const [index, product] of (body as Json[]).entries()) {
			if (!product || typeof product !== 'object' || blank(product.code) || blank(product.name)) {
				return { error: [40101, `Product ${index + 1}: code and name are required`] };
			}
			if (product.type !== undefined && !isInt(product.type, [0, 1])) return { error: [40102, `Product ${index + 1}: type must be 0 or 1`] };
		}
		for (const product of body as Json[]) this.products.set(String(product.code), product);
		return { data: { count: body.length } };
	}

	private saveStore(b: Json): Result {
		if (blank(b.organizationCode) || blank(b.organizationName)) return { error: [40110, 'organizationCode and organizationName are required'] };
		if (b.type !== undefined && !isInt(b.type, [1, 99])) return { error: [40111, 'type must be 1 or 99'] };
		if (b.storeStatus !== undefined && !isInt(b.storeStatus, [10, 20])) return { error: [40112, 'storeStatus must be 10 or 20'] };
		const id = blank(b.id) ? this.nextCode('S') : String(b.id);
		this.stores.set(id, { ...b, id });
		return { data: { id } };
	}
}
