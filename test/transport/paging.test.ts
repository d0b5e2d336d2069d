/** Unit tests of transport/paging.ts: when a page walk is done, goes on, or must fail. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { resetProcessState } from '../../nodes/SocialHub/shared/processState';
import { MAX_PAGES, PageWalk, pageOf, readPages } from '../../nodes/SocialHub/transport/paging';
import { SocialHubSandbox } from '../../sandbox/server';
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters } from '../support/fixture';
import { HostileServer, newEngine, ok, tokenThen, type Received } from '../support/hostile';

const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));

describe('pageOf', () => {
	it.each([
		[{ data: { list: rows(0, 2), total: 5 } }, 2, 5],
		[{ data: { list: rows(0, 2), total: '5' } }, 2, 5],
		[{ data: { list: rows(0, 2), total: null } }, 2, undefined],
		[{ data: { list: rows(0, 2), total: '' } }, 2, undefined],
		[{ data: { list: rows(0, 2), total: -3 } }, 2, undefined],
		[{ data: { list: rows(0, 2), total: 2.5 } }, 2, undefined],
		[{ data: { list: rows(0, 2), total: '0x10' } }, 2, undefined],
		[{ data: { list: rows(0, 2) } }, 2, undefined],
		[{ data: rows(0, 3) }, 3, undefined],
		[{ data: null }, 0, undefined],
		[{}, 0, undefined],
	])('%j → %d rows, total %p', (body, count, total) => {
		const page = pageOf(body as never);
		expect(page.rows).toHaveLength(count);
		expect(page.total).toBe(total);
	});

	it('wraps scalar rows so every output item is an object', () => {
		expect(pageOf({ data: { list: ['a', 1] } } as never).rows).toEqual([{ value: 'a' }, { value: 1 }]);
	});
});

describe('PageWalk', () => {
	it('is done on a short page without total, and goes on after a full one', () => {
		const walk = new PageWalk(1, 10, true);
		expect(walk.judge(1, { rows: rows(0, 10) })).toEqual({ done: false });
		expect(walk.judge(2, { rows: rows(10, 3) })).toEqual({ done: true });
	});

	it('with a total, counts rows rather than pages (a server using smaller pages)', () => {
		const walk = new PageWalk(1, 10, true);
		expect(walk.judge(1, { rows: rows(0, 5), total: 12 })).toEqual({ done: false });
		expect(walk.judge(2, { rows: rows(5, 5), total: 12 })).toEqual({ done: false });
		expect(walk.judge(3, { rows: rows(10, 2), total: 12 })).toEqual({ done: true });
	});

	it('a repeated page is a problem, even when it is not the previous one', () => {
		const walk = new PageWalk(1, 2, true);
		walk.judge(1, { rows: rows(0, 2) });
		walk.judge(2, { rows: rows(2, 2) });
		expect(walk.judge(3, { rows: rows(0, 2) })).toEqual({ problem: expect.stringContaining('same rows as page 1') });
	});

	it('an empty page before the total is reached is a problem for Return All', () => {
		const walk = new PageWalk(1, 10, true);
		walk.judge(1, { rows: rows(0, 10), total: 30 });
		expect(walk.judge(2, { rows: [], total: 30 })).toEqual({ problem: expect.stringContaining('only 10 were read') });
	});

	it('an empty page ends a Split Into Items read quietly (it only reads up to Limit)', () => {
		const walk = new PageWalk(3, 10, false);
		expect(walk.judge(3, { rows: [], total: 30 })).toEqual({ done: true });
	});

	it('a total beyond the cap fails at the first page', () => {
		const walk = new PageWalk(1, 100, true);
		expect(walk.judge(1, { rows: rows(0, 100), total: MAX_PAGES * 100 + 1 })).toEqual({ problem: expect.stringContaining('more than the') });
		expect(new PageWalk(1, 100, true).judge(1, { rows: rows(0, 100), total: MAX_PAGES * 100 })).toEqual({ done: false });
	});

	it('stops at the page cap', () => {
		const walk = new PageWalk(1, 1, true);
		let verdict = walk.judge(1, { rows: rows(0, 1) });
		for (let page = 2; page <= MAX_PAGES && 'done' in verdict && !verdict.done; page++) verdict = walk.judge(page, { rows: rows(page, 1) });
		expect(verdict).toEqual({ problem: expect.stringContaining(`stopped after ${MAX_PAGES} pages`) });
		expect(walk.pages).toBe(MAX_PAGES);
	});
});

const SERVER_PAGE = 50;
const COUNT = 230;
const server = new HostileServer(
	tokenThen((request) => {
		const pageNo = Number(request.query.pageNo);
		const from = (pageNo - 1) * SERVER_PAGE;
		const list = Array.from({ length: Math.max(0, Math.min(SERVER_PAGE, COUNT - from)) }, (_, i) => ({
			recordId: `R${from + i}`, accountCode: 'PA0001',
		}));
		const data: IDataObject = { list, pageNo, pageSize: SERVER_PAGE };
		return { body: ok(data) };
	}),
);

beforeAll(async () => server.start());
afterAll(async () => server.stop());
beforeEach(() => {
	server.received.length = 0;
	resetProcessState();
});

describe('Return All against a server that caps the page size and gives no total', () => {
	it.each([
		['v1, Page Size 100', 1, { pageSize: 100 }],
		['v2', 2, {}],
	])('%s: every row is read, or an error says the list may be short', async (_what, version, extra) => {
		const engine = newEngine();
		engine.typeVersion = version;
		engine.setCredential({ baseUrl: server.url, appId: 'app', appSecret: 'secret-123456' });
		const { items, error } = await engine.run({
			resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', returnAll: true, ...extra,
		});
		if (error === undefined) expect(items).toHaveLength(COUNT);
		else expect(error.message).toMatch(/page/i);
	});
});

type Behaviour = (pageNo: number, pageSize: number, request: Received) => { status?: number; body: unknown };

const recordRows = (from: number, count: number, account = 'PA0001') =>
	Array.from({ length: Math.max(0, count) }, (_, i) => ({ recordId: `R${from + i}`, accountCode: account }));

/** SocialHub paging over `count` rows, with `total` as given (a function of the real count). */
const paged = (count: number, total: (count: number) => unknown, serverPageSize?: number): Behaviour =>
	(pageNo, asked, request) => {
		const size = serverPageSize ?? asked;
		const account = request.path.split('/').pop() ?? 'PA0001';
		const list = recordRows((pageNo - 1) * size, Math.min(size, count - (pageNo - 1) * size), account);
		const data: IDataObject = { list, pageNo, pageSize: size };
		const t = total(count);
		if (t !== undefined) data.total = t as IDataObject[string];
		return { body: ok(data) };
	};

let behaviour: Behaviour = paged(0, (c) => c);
const listServer = new HostileServer(
	tokenThen((request) => {
		const pageNo = Number(request.query.pageNo);
		const pageSize = Number(request.query.pageSize);
		return behaviour(pageNo, pageSize, request);
	}),
);
const sandbox = new SocialHubSandbox();

beforeAll(async () => {
	await listServer.start();
	await sandbox.start();
});
afterAll(async () => {
	await listServer.stop();
	await sandbox.stop();
});
beforeEach(() => {
	listServer.received.length = 0;
	sandbox.reset();
	resetProcessState();
});

/** These lists use version 1's paging (Page Number, Page Size, a page as one item, Split Into Items). */
function listEngine() {
	const engine = newEngine();
	engine.typeVersion = 1;
	engine.setCredential({ baseUrl: listServer.url, appId: 'app', appSecret: 'secret-123456' });
	return engine;
}

const listPages = () => listServer.requests('/v1/points/pointsRecords').map((r) => Number(r.query.pageNo));
const returnAll = (overrides: IDataObject = {}) => ({
	resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', returnAll: true, pageSize: 100, ...overrides,
});

describe('Return All ends on every listServer behaviour, never silently short', () => {
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

	it('a listServer that pages by 50 although 100 were asked: reads on until its total', async () => {
		behaviour = paged(230, (c) => c, 50);
		const { items, error } = await listEngine().run(returnAll());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(230);
		expect(listPages()).toEqual([1, 2, 3, 4, 5]);
	});

	it('full pages forever and no total: stops at the page cap with an error naming it', async () => {
		behaviour = (pageNo, size) => ({ body: ok({ list: recordRows(pageNo * size, size) }) });
		const { items, error } = await listEngine().run(returnAll());
		expect(items).toHaveLength(0);
		expect(error?.message).toContain(`stopped after ${MAX_PAGES} pages`);
		expect(error?.message).toContain(`(page ${MAX_PAGES})`);
		expect(listPages()).toHaveLength(MAX_PAGES);
	}, 60_000);

	it.each([
		['with a total', (c: number) => c],
		['without a total', () => undefined],
	])('a listServer ignoring pageNo (%s): an error at page 2, no duplicates output', async (_what, total) => {
		behaviour = (_pageNo, size) => paged(1000, total)(1, size, { path: '/PA0001' } as Received);
		const { items, error } = await listEngine().run(returnAll());
		expect(items).toHaveLength(0);
		expect(error?.message).toContain('page 2');
		expect(error?.message).toContain('same rows as page 1');
		expect(listPages()).toEqual([1, 2]);
	});

	it('a total far beyond the page cap fails at once, after one request', async () => {
		behaviour = (pageNo, size) => ({ body: ok({ list: recordRows(pageNo * size, size), total: 10_000_000 }) });
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

describe('every output item is paired with its input item', () => {
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

describe('Limit must be a whole number of at least 1', () => {
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
		expect(listServer.received).toHaveLength(0);
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

describe('readPages (the paging walk, with a mocked page reader)', () => {
	const reader = (pages: Array<{ list: IDataObject[]; total?: number } | 'fail'>) => {
		const asked: number[] = [];
		let at = 0;
		const paging: IDataObject = { pageSize: 2 };
		const read = async () => {
			asked.push(Number(paging.pageNo));
			const page = pages[at++];
			if (page === 'fail') return { ok: false as const, kind: 'unknown' as const, failure: { message: 'X failed: boom', description: 'It broke.' } };
			return { ok: true as const, body: { code: '200', data: page } as IDataObject };
		};
		return { paging, read, asked };
	};

	it('reads until the total is reached, setting pageNo on the request', async () => {
		const { paging, read, asked } = reader([{ list: [{ n: 1 }, { n: 2 }], total: 3 }, { list: [{ n: 3 }], total: 3 }]);
		const result = await readPages(paging, read, 'X', { limit: Infinity, firstPage: 1, returnAll: true });
		expect(result).toEqual({ rows: [{ n: 1 }, { n: 2 }, { n: 3 }] });
		expect(asked).toEqual([1, 2]);
	});

	it('stops at Limit, from the page it starts at', async () => {
		const { paging, read, asked } = reader([{ list: [{ n: 5 }, { n: 6 }] }, { list: [{ n: 7 }, { n: 8 }] }]);
		const result = await readPages(paging, read, 'X', { limit: 3, firstPage: 3, returnAll: false });
		expect(result).toEqual({ rows: [{ n: 5 }, { n: 6 }, { n: 7 }] });
		expect(asked).toEqual([3, 4]);
	});

	it('a failing page ends the list with its number and the rows read before it, none output', async () => {
		const { paging, read } = reader([{ list: [{ n: 1 }, { n: 2 }], total: 10 }, 'fail']);
		const result = await readPages(paging, read, 'X', { limit: Infinity, firstPage: 1, returnAll: true });
		expect(result).toMatchObject({ failed: { kind: 'unknown', failure: { message: 'X failed: boom', description: 'Page 2 of the list failed (2 rows read before it; none are output). It broke.' } } });
	});

	it('a page repeated by the server ends the list as an error naming both pages', async () => {
		const { paging, read } = reader([{ list: [{ n: 1 }, { n: 2 }] }, { list: [{ n: 1 }, { n: 2 }] }]);
		const result = await readPages(paging, read, 'X', { limit: Infinity, firstPage: 1, returnAll: true });
		expect(result).toMatchObject({ failed: { failure: { message: 'X (page 2) failed: SocialHub answered page 2 with the same rows as page 1 (it seems to ignore the page number); reading on would only repeat them' } } });
	});
});
