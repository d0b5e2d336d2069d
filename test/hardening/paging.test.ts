/** Unit tests of transport/paging.ts: when a page walk is done, goes on, or must fail. */
import { MAX_PAGES, PageWalk, pageOf } from '../../nodes/SocialHub/transport/paging';

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
