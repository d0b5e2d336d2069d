/**
 * Issue 10, classes 15-18: list reads end on every server behaviour and are never silently
 * short; every output item is paired with its input item; Limit is checked; an Operation ID
 * used twice in one run is refused before the second is sent.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MAX_PAGES } from '../../nodes/SocialHub/transport/paging';
import { resetProcessState } from '../../nodes/SocialHub/shared/processState';
import { SocialHubSandbox } from '../../sandbox/server';
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters } from '../fixture';
import { HostileServer, type Received, newEngine, ok, tokenThen } from './hostile';

type Behaviour = (pageNo: number, pageSize: number, request: Received) => { status?: number; body: unknown };

const rows = (from: number, count: number, account = 'PA0001') =>
	Array.from({ length: Math.max(0, count) }, (_, i) => ({ recordId: `R${from + i}`, accountCode: account }));

/** SocialHub paging over `count` rows, with `total` as given (a function of the real count). */
const paged = (count: number, total: (count: number) => unknown, serverPageSize?: number): Behaviour =>
	(pageNo, asked, request) => {
		const size = serverPageSize ?? asked;
		const account = request.path.split('/').pop() ?? 'PA0001';
		const list = rows((pageNo - 1) * size, Math.min(size, count - (pageNo - 1) * size), account);
		const data: IDataObject = { list, pageNo, pageSize: size };
		const t = total(count);
		if (t !== undefined) data.total = t as IDataObject[string];
		return { body: ok(data) };
	};

let behaviour: Behaviour = paged(0, (c) => c);
const server = new HostileServer(
	tokenThen((request) => {
		const pageNo = Number(request.query.pageNo);
		const pageSize = Number(request.query.pageSize);
		return behaviour(pageNo, pageSize, request);
	}),
);
const sandbox = new SocialHubSandbox();

beforeAll(async () => {
	await server.start();
	await sandbox.start();
});
afterAll(async () => {
	await server.stop();
	await sandbox.stop();
});
beforeEach(() => {
	server.received.length = 0;
	sandbox.reset();
	resetProcessState();
});

/** These lists use version 1's paging (Page Number, Page Size, a page as one item, Split Into Items). */
function listEngine() {
	const engine = newEngine();
	engine.typeVersion = 1;
	engine.setCredential({ baseUrl: server.url, appId: 'app', appSecret: 'secret-123456' });
	return engine;
}

const listPages = () => server.requests('/v1/points/pointsRecords').map((r) => Number(r.query.pageNo));
const returnAll = (overrides: IDataObject = {}) => ({
	resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', returnAll: true, pageSize: 100, ...overrides,
});

describe('class 15: Return All ends on every server behaviour, never silently short', () => {
	it.each([
		['total null', 300, () => null, 300, [1, 2, 3, 4]],
		['total missing', 250, () => undefined, 250, [1, 2, 3]],
		['total missing, a multiple of the page size', 200, () => undefined, 200, [1, 2, 3]],
		['total as text', 250, (c: number) => String(c), 250, [1, 2, 3]],
		['total "" (blank)', 120, () => '', 120, [1, 2]],
		['total negative', 120, () => -1, 120, [1, 2]],
		['total not a number', 120, () => 'many', 120, [1, 2]],
		['total as usual', 250, (c: number) => c, 250, [1, 2, 3]],
		['no rows at all', 0, (c: number) => c, 0, [1]],
	])('%s: every row is read', async (_what, count, total, expected, pages) => {
		behaviour = paged(count, total);
		const { items, error } = await listEngine().run(returnAll());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(expected);
		expect(new Set(items.map((item) => item.json.recordId)).size).toBe(expected);
		expect(listPages()).toEqual(pages);
	});

	it('a server that pages by 50 although 100 were asked: reads on until its total', async () => {
		behaviour = paged(230, (c) => c, 50);
		const { items, error } = await listEngine().run(returnAll());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(230);
		expect(listPages()).toEqual([1, 2, 3, 4, 5]);
	});

	it('full pages forever and no total: stops at the page cap with an error naming it', async () => {
		behaviour = (pageNo, size) => ({ body: ok({ list: rows(pageNo * size, size) }) });
		const { items, error } = await listEngine().run(returnAll());
		expect(items).toHaveLength(0);
		expect(error?.message).toContain(`stopped after ${MAX_PAGES} pages`);
		expect(error?.message).toContain(`(page ${MAX_PAGES})`);
		expect(listPages()).toHaveLength(MAX_PAGES);
	}, 60_000);

	it.each([
		['with a total', (c: number) => c],
		['without a total', () => undefined],
	])('a server ignoring pageNo (%s): an error at page 2, no duplicates output', async (_what, total) => {
		behaviour = (_pageNo, size) => paged(1000, total)(1, size, { path: '/PA0001' } as Received);
		const { items, error } = await listEngine().run(returnAll());
		expect(items).toHaveLength(0);
		expect(error?.message).toContain('page 2');
		expect(error?.message).toContain('same rows as page 1');
		expect(listPages()).toEqual([1, 2]);
	});

	it('a total far beyond the page cap fails at once, after one request', async () => {
		behaviour = (pageNo, size) => ({ body: ok({ list: rows(pageNo * size, size), total: 10_000_000 }) });
		const { error } = await listEngine().run(returnAll());
		expect(error?.message).toContain('SocialHub reports 10000000 rows');
		expect(listPages()).toEqual([1]);
	});

	it('a total larger than the rows there are: the empty page is an error, not a short list', async () => {
		behaviour = paged(230, () => 500);
		const { items, error } = await listEngine().run(returnAll());
		expect(items).toHaveLength(0);
		expect(error?.message).toContain('page 4');
		expect(error?.message).toContain('reports 500 rows and only 230 were read');
	});

	it.each([2, 3, 5])('a failing page %d: the error says which page, and how many rows came before', async (failing) => {
		const base = paged(1000, (c) => c);
		behaviour = (pageNo, size, request) =>
			pageNo === failing ? { status: 500, body: { code: '500', msg: 'database timeout' } } : base(pageNo, size, request);
		const { items, error } = await listEngine().run(returnAll());
		expect(items).toHaveLength(0);
		expect(error?.message).toContain('database timeout');
		expect(error?.description).toContain(`Page ${failing} of the list failed (${(failing - 1) * 100} rows read before it`);
	});

	it('a failing page in Split Into Items mode is named too', async () => {
		const base = paged(1000, (c) => c);
		behaviour = (pageNo, size, request) =>
			pageNo === 4 ? { status: 200, body: { code: '500', msg: 'busy' } } : base(pageNo, size, request);
		const { error } = await listEngine().run({ resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', pageNo: 3, pageSize: 10, splitIntoItems: true, limit: 25 });
		expect(error?.message).toContain('busy');
		expect(error?.description).toContain('Page 4 of the list failed');
	});
});

const pairs = (items: INodeExecutionData[]) => items.map((item) => (item.pairedItem as { item: number } | undefined)?.item);

describe('class 16: every output item is paired with its input item', () => {
	const inputs = [{ account: 'PA0001' }, { account: 'PA0002' }, { account: 'PA0003' }];

	it('Return All with 3 input items: each row is paired with the item whose account it lists', async () => {
		behaviour = paged(150, (c) => c);
		const { items, error } = await listEngine().run(returnAll({ accountCode: '={{ $json.account }}' }), inputs);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(450);
		for (const item of items) {
			const index = (item.pairedItem as { item: number }).item;
			expect(item.json.accountCode).toBe(inputs[index].account);
		}
		expect(new Set(pairs(items))).toEqual(new Set([0, 1, 2]));
	});

	it('Split Into Items with 2 input items: 5 rows each, paired 0 and 1', async () => {
		behaviour = paged(40, (c) => c);
		const { items } = await listEngine().run(
			{ resource: 'points', operation: 'getPointsRecords', accountCode: '={{ $json.account }}', pageSize: 10, splitIntoItems: true, limit: 5 },
			inputs.slice(0, 2),
		);
		expect(pairs(items)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
		expect(items[7].json.accountCode).toBe('PA0002');
	});

	it('single requests (a page as one item, a read, a write) with 3 input items are paired in order', async () => {
		behaviour = paged(3, (c) => c);
		let run = await listEngine().run({ resource: 'points', operation: 'getPointsRecords', accountCode: '={{ $json.account }}' }, inputs);
		expect(pairs(run.items)).toEqual([0, 1, 2]);
		const engine = newEngine();
		engine.setCredential({ baseUrl: sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
		run = await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' }, inputs);
		expect(pairs(run.items)).toEqual([0, 1, 2]);
		run = await engine.run(adjustParameters({ operationId: '={{ "pair-" + $json.account }}' }), inputs);
		expect(pairs(run.items)).toEqual([0, 1, 2]);
	});

	it('rows of an input item whose list is empty: none; the others stay paired right', async () => {
		behaviour = (pageNo, size, request) => (request.path.endsWith('PA0002') ? paged(0, (c) => c) : paged(3, (c) => c))(pageNo, size, request);
		const { items } = await listEngine().run(returnAll({ accountCode: '={{ $json.account }}' }), inputs);
		expect(pairs(items)).toEqual([0, 0, 0, 2, 2, 2]);
	});

	it('Return All with Continue On Fail: the item whose list fails gives one paired error item', async () => {
		behaviour = (pageNo, size, request) =>
			request.path.endsWith('PA0002') ? { status: 500, body: { code: '500', msg: 'down' } } : paged(3, (c) => c)(pageNo, size, request);
		const { items } = await listEngine().run(returnAll({ accountCode: '={{ $json.account }}' }), inputs, { continueOnFail: true });
		expect(pairs(items)).toEqual([0, 0, 0, 1, 2, 2, 2]);
		expect(items[3].json.error).toBeDefined();
	});

	it('with Continue On Fail, a failing item’s error item is paired with it too', async () => {
		const engine = newEngine();
		engine.setCredential({ baseUrl: sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
		const { items } = await engine.run({ resource: 'member', operation: 'getMember', cardNo: '={{ $json.card }}' }, [{ card: 'M0001' }, { card: 'NOPE' }, { card: 'M0001' }], { continueOnFail: true });
		expect(items).toHaveLength(3);
		expect(pairs(items)).toEqual([0, 1, 2]);
		expect(items[1].json.error).toBeDefined();
	});
});

describe('class 17: Limit must be a whole number of at least 1', () => {
	const split = (limit: IDataObject[string]): IDataObject => ({
		resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', pageSize: 10, splitIntoItems: true, limit,
	});
	it.each([
		['0', 0],
		['-1', -1],
		['1.5', 1.5],
		['"abc" from an expression', '={{ "abc" }}'],
		['"1.5" from an expression', '={{ "1.5" }}'],
		['"0x10" from an expression', '={{ "0x10" }}'],
		['NaN', '={{ NaN }}'],
		['an object', '={{ ({ n: 1 }) }}'],
		['1e21', '={{ 1e21 }}'],
		['more than the page cap can hold', MAX_PAGES * 100 + 1],
	])('Limit %s → an error naming Limit, nothing sent', async (_what, limit) => {
		behaviour = paged(100, (c) => c);
		const { items, error } = await listEngine().run(split(limit as IDataObject[string]));
		expect(items).toHaveLength(0);
		expect(error?.message).toContain('"Limit"');
		expect(server.received).toHaveLength(0);
	});

	it.each([
		[1, 1, [1]],
		['={{ "3" }}', 3, [1]],
		[10, 10, [1]],
		[11, 11, [1, 2]],
		[25, 25, [1, 2, 3]],
	])('Limit %p → %d rows from pages %p', async (limit, count, pages) => {
		behaviour = paged(100, (c) => c);
		const { items, error } = await listEngine().run(split(limit));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(count);
		expect(listPages()).toEqual(pages);
	});
});

describe('class 18: the same Operation ID twice in one run', () => {
	function sandboxEngine() {
		const engine = newEngine();
		engine.setCredential({ baseUrl: sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
		return engine;
	}
	const adjustments = () => sandbox.apiRequests('/v1/points/adjustment');
	const byItem = adjustParameters({ operationId: '={{ $json.op }}', accountCode: '={{ $json.card }}' });

	it('two items, different cards: the run is refused before anything is sent, naming both items', async () => {
		sandbox.state.accounts.set('PA0009', { accountCode: 'PA0009', cardNo: 'M0009', pointsGroupCode: 'PG01', balance: 0 });
		const { error, items } = await sandboxEngine().run(byItem, [{ op: 'dup-1', card: 'M0001' }, { op: 'dup-1', card: 'M0009' }]);
		expect(items).toHaveLength(0);
		expect(error?.message).toContain('Operation ID "dup-1" of item 1 was already used by item 0');
		expect(error?.description).toContain('Nothing was sent to SocialHub for any of the 2 items');
		expect(adjustments()).toHaveLength(0);
	});

	it('with Continue On Fail: item 0 succeeds, item 1 is an error item (not a success)', async () => {
		const { items } = await sandboxEngine().run(byItem, [{ op: 'dup-2', card: 'M0001' }, { op: 'dup-2', card: 'M0001' }], { continueOnFail: true });
		expect(items[0].json).not.toHaveProperty('error');
		expect(String(items[1].json.error)).toContain('already used by item 0');
		expect(adjustments()).toHaveLength(1);
	});

	it('items 0 and 2 share an ID among 4: only item 2 is refused', async () => {
		const { items } = await sandboxEngine().run(
			byItem,
			[{ op: 'a', card: 'M0001' }, { op: 'b', card: 'M0001' }, { op: 'a', card: 'M0001' }, { op: 'c', card: 'M0001' }],
			{ continueOnFail: true },
		);
		expect(items.map((item) => (item.json.error ? 'error' : 'ok'))).toEqual(['ok', 'ok', 'error', 'ok']);
		expect(String(items[2].json.error)).toContain('item 2 was already used by item 0');
		// Items are sent concurrently: the order they arrive in is not theirs.
		expect(adjustments().map((r) => (r.body as IDataObject).operationId).sort()).toEqual(['a', 'b', 'c']);
	});

	it('a number and the same digits as text are the same ID', async () => {
		const { items } = await sandboxEngine().run(adjustParameters({ operationId: '={{ $json.op }}' }), [{ op: 77 }, { op: '77' }], { continueOnFail: true });
		expect(String(items[1].json.error)).toContain('Operation ID "77"');
	});

	it('Retry On Fail re-sends the same item with its ID: allowed', async () => {
		sandbox.addFault({ path: '/v1/points/adjustment', status: 502, times: 1 });
		const { error, items } = await sandboxEngine().run(adjustParameters({ operationId: 'retry-1' }), [{}], { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 });
		expect(error).toBeUndefined();
		expect(items[0].json).not.toHaveProperty('error');
		expect(adjustments()).toHaveLength(2);
	});

	it('the same ID in two separate runs is not refused by the node (SocialHub’s idempotency applies)', async () => {
		const engine = sandboxEngine();
		expect((await engine.run(adjustParameters({ operationId: 'twice' }))).error).toBeUndefined();
		expect((await engine.run(adjustParameters({ operationId: 'twice' }))).error).toBeUndefined();
		expect(adjustments()).toHaveLength(2);
	});

	it('200 items with distinct IDs: all sent, none refused', async () => {
		const inputs = Array.from({ length: 200 }, (_, i) => ({ op: `bulk-${i}`, card: 'M0001' }));
		const { error, items } = await sandboxEngine().run(byItem, inputs);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(200);
		expect(adjustments()).toHaveLength(200);
	});
});
