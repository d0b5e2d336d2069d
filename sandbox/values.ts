/** Value checks and paging the sandbox's endpoints share. */
export type Json = Record<string, unknown>;
/** An endpoint's outcome: its data, or SocialHub's business error as [code, message]. */
export type Result = { data: unknown } | { error: [number, string] };

export const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const blank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';
export const isInt = (value: unknown, allowed?: number[]) =>
	typeof value === 'number' && Number.isInteger(value) && (!allowed || allowed.includes(value));

export function page<T>(rows: T[], query: Json): Result {
	const pageNo = Number(query.pageNo ?? 1);
	const pageSize = Number(query.pageSize ?? 10);
	if (!Number.isInteger(pageNo) || pageNo < 1) return { error: [400, 'pageNo must be a positive integer'] };
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
		return { error: [400, 'pageSize must be between 1 and 100'] };
	}
	return { data: { list: rows.slice((pageNo - 1) * pageSize, pageNo * pageSize), total: rows.length, pageNo, pageSize } };
}
