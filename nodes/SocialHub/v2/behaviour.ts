import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Field } from '../shared/fields';
import { limit, returnAll } from '../shared/listFields';
import type { VersionBehaviour } from '../shared/operation';

/** Version 2's list fields, as n8n's own Get Many operations: Return All or a Limit. */
const listFields: Field[] = [returnAll, limit({ show: { returnAll: [false] } })];

/** SocialHub's largest page: version 2 reads as few pages as it can. */
const MAX_PAGE_SIZE = 100;

/** Reads as few pages as it can: one page of Limit rows (at most 100), all pages of 100 with Return All. */
function listRequest(this: IExecuteSingleFunctions, options: IHttpRequestOptions, location: 'query' | 'body') {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = Number(this.getNodeParameter('limit', 50));
	const pageSize = returnAll || !(limit > 0) ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, Math.ceil(limit));
	const target = location === 'query' ? (options.qs ??= {}) : ((options.body ??= {}) as Record<string, unknown>);
	target.pageNo = 1;
	target.pageSize = pageSize;
}

/**
 * The resource itself, as n8n's own nodes output it: an object in `data` as the item, a list as one
 * item per row, nothing as `{ success: true }`, a bare value as `{ success: true, value }`.
 */
function output(body: IDataObject): IDataObject[] {
	const { data } = body;
	if (Array.isArray(data)) {
		return (data as unknown[]).map((row) => (row && typeof row === 'object' && !Array.isArray(row) ? row : { value: row }) as IDataObject);
	}
	if (data && typeof data === 'object') return [data as IDataObject];
	if (data === undefined || data === null) return [{ success: true }];
	return [{ success: true, value: data as IDataObject[string] }];
}

/** Version 2: n8n's UX. Lists are Get Many with Return All or a Limit, always rows; the output is the resource. */
export const v2Behaviour: VersionBehaviour = {
	version: 2,
	listFields: () => listFields,
	listRequest,
	rowsFromLists: () => true,
	output,
};
