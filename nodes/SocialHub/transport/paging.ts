import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { Delivered } from './delivery';

/**
 * Reading a list page by page must end whatever the server does: a `total` that is null,
 * missing or wrong, full pages forever, `pageNo` ignored (the same page again). Every way it can
 * end short of what was asked is an error, never a silently short list.
 */

/** The most pages one list read makes (100,000 rows at the largest page size). */
export const MAX_PAGES = 1000;

export interface Page {
	rows: IDataObject[];
	/** SocialHub's count of all rows, when it gave a usable one. */
	total?: number;
	/** The page size SocialHub says it used, when it gave one (it may cap what was asked). */
	pageSize?: number;
}

/** The rows and total of one list answer; a `total` that is null, blank or not a count is ignored. */
export function pageOf(body: IDataObject): Page {
	const data = (body.data ?? {}) as IDataObject;
	const list = Array.isArray(data) ? data : Array.isArray(data.list) ? data.list : [];
	const rawTotal = Array.isArray(data) ? undefined : data.total;
	const total =
		typeof rawTotal === 'number' || (typeof rawTotal === 'string' && /^\d+$/.test(rawTotal.trim()))
			? Number(rawTotal)
			: Number.NaN;
	const pageSize = Array.isArray(data) ? Number.NaN : Number(data.pageSize);
	return {
		rows: list.map((row) => (row && typeof row === 'object' ? row : { value: row }) as IDataObject),
		total: Number.isSafeInteger(total) && total >= 0 ? total : undefined,
		pageSize: Number.isSafeInteger(pageSize) && pageSize > 0 ? pageSize : undefined,
	};
}

/** Why reading stops after a page: done, or an error message (without the operation's name). */
export type PageVerdict = { done: boolean } | { problem: string };

/** Follows the pages of one read and decides after each whether it is complete. */
export class PageWalk {
	/** A digest of every page read, and the page it was first seen on. */
	private readonly seen = new Map<string, number>();
	private rowsSeen = 0;
	private pagesRead = 0;

	constructor(
		private readonly firstPage: number,
		private readonly pageSize: number,
		private readonly returnAll: boolean,
	) {}

	get pages(): number {
		return this.pagesRead;
	}

	/** Judges page `pageNo` after it was read. */
	judge(pageNo: number, page: Page): PageVerdict {
		this.pagesRead++;
		const { rows, total } = page;
		const before = (this.firstPage - 1) * this.pageSize + this.rowsSeen;
		if (rows.length > 0) {
			const signature = createHash('sha256').update(JSON.stringify(rows)).digest('base64');
			const earlier = this.seen.get(signature);
			if (earlier !== undefined) {
				return {
					problem: `SocialHub answered page ${pageNo} with the same rows as page ${earlier} (it seems to ignore the page number); reading on would only repeat them`,
				};
			}
			this.seen.set(signature, pageNo);
		}
		this.rowsSeen += rows.length;
		if (this.returnAll && pageNo === this.firstPage && total !== undefined) {
			const pagesNeeded = Math.ceil(total / this.pageSize);
			if (pagesNeeded > MAX_PAGES) {
				return {
					problem: `SocialHub reports ${total} rows, which at ${this.pageSize} per page is more than the ${MAX_PAGES} pages Return All reads. Narrow the query, or use Split Into Items with a Page Number and Limit`,
				};
			}
		}
		if (rows.length === 0) {
			if (this.returnAll && total !== undefined && before < total) {
				return {
					problem: `SocialHub answered page ${pageNo} with no rows although it reports ${total} rows and only ${before} were read; the list may have changed while it was read. Run the node again`,
				};
			}
			return { done: true };
		}
		if (total !== undefined) {
			if (before + rows.length >= total) return { done: true };
		} else if (rows.length < Math.min(this.pageSize, page.pageSize ?? this.pageSize)) {
			// Without a total, a short page is the last one; a server that caps the page size says so.
			return { done: true };
		}
		if (this.pagesRead >= MAX_PAGES) {
			return {
				problem: `stopped after ${MAX_PAGES} pages (${this.rowsSeen} rows): SocialHub kept answering with full pages${total === undefined ? ' and no total' : ''}. Narrow the query, or use Split Into Items with a Limit`,
			};
		}
		return { done: false };
	}
}

/** SocialHub pages GET lists through the query and POST lists through the body. */
export function pagingTarget(options: { method?: string; qs?: IDataObject; body?: unknown }): IDataObject {
	if ((options.method ?? 'GET') === 'GET') return (options.qs ??= {});
	if (!options.body || typeof options.body !== 'object') options.body = {};
	return options.body as IDataObject;
}

type Failed = Extract<Delivered, { ok: false }>;

/**
 * Reads pages from `firstPage` until `limit` rows or the last page, `read` delivering the page
 * set in `paging`. Returns the rows, or the failure that ended the list, naming its page: rows
 * read before it are not output, so a list is never silently short.
 */
export async function readPages(
	paging: IDataObject,
	read: () => Promise<Delivered>,
	label: string,
	{ limit, firstPage, returnAll }: { limit: number; firstPage: number; returnAll: boolean },
): Promise<{ rows: IDataObject[] } | { failed: Failed }> {
	const walk = new PageWalk(firstPage, Number(paging.pageSize), returnAll);
	const rows: IDataObject[] = [];
	for (let pageNo = firstPage; rows.length < limit; pageNo++) {
		paging.pageNo = pageNo;
		const page = await read();
		if (!page.ok) {
			const description = `Page ${pageNo} of the list failed (${rows.length} rows read before it; none are output). ${page.failure.description}`;
			return { failed: { ...page, failure: { ...page.failure, description } } };
		}
		const content = pageOf(page.body);
		const verdict = walk.judge(pageNo, content);
		if ('problem' in verdict) {
			const failure = {
				message: `${label} (page ${pageNo}) failed: ${verdict.problem}`,
				description: `${rows.length} rows were read before page ${pageNo}; none are output, so the list is never silently short.`,
			};
			return { failed: { ok: false, kind: 'refused', failure } };
		}
		rows.push(...content.rows.slice(0, limit - rows.length));
		if (verdict.done) break;
	}
	return { rows };
}
