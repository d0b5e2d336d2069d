import type { IDataObject } from 'n8n-workflow';

/**
 * The items one SocialHub answer becomes. Version 1 outputs SocialHub's envelope (`code`, `msg`,
 * `data`), as the vendor's node did. Version 2 outputs the resource itself, as n8n's own nodes do:
 * an object in `data` as the item, a list as one item per row, nothing as `{ success: true }`, a
 * bare value as `{ success: true, value }`.
 */
export function outputOf(body: IDataObject, version: number): IDataObject[] {
	if (version < 2) return [body];
	const { data } = body;
	if (Array.isArray(data)) {
		return (data as unknown[]).map((row) => (row && typeof row === 'object' && !Array.isArray(row) ? row : { value: row }) as IDataObject);
	}
	if (data && typeof data === 'object') return [data as IDataObject];
	if (data === undefined || data === null) return [{ success: true }];
	return [{ success: true, value: data as IDataObject[string] }];
}
