import type { IDataObject } from 'n8n-workflow';

/**
 * The items one SocialHub answer becomes. Version 1 outputs SocialHub's envelope (`code`, `msg`,
 * `data`), as the vendor's node did; version 2 outputs a list SocialHub answers in one piece
 * (loyalty programs, bound accounts) as one item per row.
 */
export function outputOf(body: IDataObject, version: number): IDataObject[] {
	if (version >= 2 && Array.isArray(body.data)) {
		return (body.data as unknown[]).map((row) => (row && typeof row === 'object' && !Array.isArray(row) ? row : { value: row }) as IDataObject);
	}
	return [body];
}
