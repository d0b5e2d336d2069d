import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './constants';
import { apiError, describeFailure, type RequestData } from './errors';
import { renewRejectedToken } from './token';
import { envelopeCode, envelopeMessage, isSuccessCode } from './envelope';

/** One request, with its envelope checked: returns SocialHub's response body. */
async function sendOnce(
	context: IExecutePaginationFunctions,
	requestData: RequestData,
	label: string,
): Promise<IDataObject> {
	let body: unknown;
	for (let attempt = 0; ; attempt++) {
		try {
			const items = await context.makeRoutingRequest(requestData);
			body = items.length === 1 ? items[0].json : items.map((item) => item.json);
		} catch (error) {
			throw await apiError(context, requestData, describeFailure(error, label, requestData.options.timeout));
		}
		if (envelopeCode(body) !== '401' || attempt > 0) break;
		// HTTP 200 with code 401: n8n will not renew the token for us, so the node does, once.
		try {
			const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
			const rejected = String(requestData.options.headers?.Authorization ?? '');
			await renewRejectedToken(context.helpers, credentials, rejected);
		} catch (error) {
			throw await apiError(context, requestData, describeFailure(error, label, undefined));
		}
	}

	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		throw await apiError(context, requestData, {
			message: `${label} failed: SocialHub's answer is not the JSON envelope it should be`,
			description: `SocialHub answered: ${JSON.stringify(body)?.slice(0, 200)}`,
		});
	}
	if (!isSuccessCode(body)) {
		const code = envelopeCode(body);
		const said = envelopeMessage(body) ?? `code ${code ?? 'missing'}`;
		const description =
			code === '401'
				? 'SocialHub rejected the access token (HTTP 200 with code 401), and again after the node renewed it. Check the App ID and App Secret in the credential.'
				: `SocialHub refused the request with code ${code ?? '(none)'}. Nothing was changed for this item.`;
		throw await apiError(context, requestData, {
			message: `${label} failed: ${said}`,
			description,
			httpCode: code,
		});
	}
	return body as IDataObject;
}

function rowsOf(body: IDataObject): { rows: IDataObject[]; total?: number } {
	const data = (body.data ?? {}) as IDataObject;
	const list = Array.isArray(data) ? data : Array.isArray(data.list) ? data.list : [];
	const total = Number(data.total);
	return {
		rows: list.map((row) => (row && typeof row === 'object' ? row : { value: row }) as IDataObject),
		total: Number.isFinite(total) ? total : undefined,
	};
}

/** SocialHub pages GET lists through the query and POST lists through the body. */
function pagingTarget(requestData: RequestData): IDataObject {
	const { options } = requestData;
	if ((options.method ?? 'GET') === 'GET') return (options.qs ??= {});
	if (!options.body || typeof options.body !== 'object') options.body = {};
	return options.body as IDataObject;
}

/** Reads pages until `limit` rows or the last page; every failing page is an error. */
async function readPages(
	context: IExecutePaginationFunctions,
	requestData: RequestData,
	label: string,
	limit: number,
	firstPage: number,
): Promise<INodeExecutionData[]> {
	const paging = pagingTarget(requestData);
	const pageSize = Number(paging.pageSize);
	const returned: INodeExecutionData[] = [];
	for (let pageNo = firstPage; returned.length < limit; pageNo++) {
		paging.pageNo = pageNo;
		const { rows, total } = rowsOf(await sendOnce(context, requestData, label));
		for (const row of rows.slice(0, limit - returned.length)) returned.push({ json: row });
		const readAll = total !== undefined ? pageNo * pageSize >= total : rows.length < pageSize;
		if (rows.length === 0 || readAll) break;
	}
	return returned;
}

/**
 * Every request of the node runs through here: n8n's declarative engine hands the whole request
 * to `requestOperations.pagination` when `paginate` is set (the node sets it for all operations).
 * One place thus checks SocialHub's envelope, turns HTTP, network and business failures into
 * errors that name the operation and carry SocialHub's message (never a secret), and walks pages.
 */
export function createOperationRunner(labels: Record<string, string>) {
	return async function runOperation(
		this: IExecutePaginationFunctions,
		requestData: RequestData,
	): Promise<INodeExecutionData[]> {
		// Resource and operation take no expressions, so the raw parameters are their values.
		const { resource, operation } = this.getNode().parameters;
		const label = labels[`${String(resource)}.${String(operation)}`] ?? String(operation);

		const listOperation = pagingTarget(requestData).pageSize !== undefined;
		const returnAll = listOperation && (this.getNodeParameter('returnAll', false) as boolean);
		// Version 2 lists always output rows; version 1 only with Return All or Split Into Items.
		const splitRows =
			returnAll ||
			(listOperation &&
				(this.getNode().typeVersion >= 2 || (this.getNodeParameter('splitIntoItems', false) as boolean)));
		if (!splitRows) return [{ json: await sendOnce(this, requestData, label) }];

		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
		const firstPage = returnAll ? 1 : Number(pagingTarget(requestData).pageNo) || 1;
		return await readPages(this, requestData, label, limit, firstPage);
	};
}
