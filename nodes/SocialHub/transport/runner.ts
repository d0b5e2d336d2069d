import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError, type NodeApiError } from 'n8n-workflow';

import { InvalidFieldError, MAX_JSON_DEPTH, convertField, hasLoneSurrogate } from '../shared/values';
import { CREDENTIAL_TYPE } from './constants';
import { envelopeCode, envelopeMessage, isSuccessCode } from './envelope';
import { apiError, describeFailure, type RequestData } from './errors';
import { claimOperationId } from './operationIds';
import { MAX_PAGES, PageWalk, pageOf } from './paging';
import { asOwnRequest, renewRejectedToken, transportOf, useTransport } from './token';
import { attempt, attemptAsync } from '../shared/attempt';

/** An error about this item's input: nothing was sent. */
function inputError(context: IExecutePaginationFunctions, message: string, description?: string) {
	return new NodeOperationError(context.getNode(), message, {
		itemIndex: context.getItemIndex(),
		description: description ?? 'Nothing was sent to SocialHub. Correct the input and run the node again.',
	});
}

/**
 * What no request may carry, whatever built it (fields, JSON, expressions): characters that
 * cannot be encoded (a raw "URI malformed" otherwise) and nesting that overflows the stack.
 * Walks the query and body once, iteratively.
 */
function checkOutgoing(context: IExecutePaginationFunctions, requestData: RequestData, label: string) {
	const { options } = requestData;
	if (hasLoneSurrogate(options.url ?? '')) {
		throw inputError(context, `${label}: the request path contains a broken character (a lone UTF-16 surrogate)`);
	}
	for (const [where, root] of [['query parameter', options.qs], ['body field', options.body]] as const) {
		if (!root || typeof root !== 'object') continue;
		for (const [key, value] of Object.entries(root as IDataObject)) {
			const stack: Array<[unknown, number]> = [[value, 1]];
			while (stack.length > 0) {
				const [current, depth] = stack.pop()!;
				if (typeof current === 'string') {
					if (hasLoneSurrogate(current)) {
						throw inputError(context, `${label}: the ${where} "${key}" contains a broken character (a lone UTF-16 surrogate); remove it or fix the text's encoding`);
					}
				} else if (current && typeof current === 'object') {
					if (depth > MAX_JSON_DEPTH) {
						throw inputError(context, `${label}: the ${where} "${key}" is nested more than ${MAX_JSON_DEPTH} levels deep`);
					}
					for (const child of Object.values(current as IDataObject)) stack.push([child, depth + 1]);
				}
			}
		}
	}
}

/** One request, with its envelope checked: returns SocialHub's response body. */
async function sendOnce(
	context: IExecutePaginationFunctions,
	requestData: RequestData,
	label: string,
): Promise<IDataObject> {
	let body: unknown;
	for (let round = 0; ; round++) {
		try {
			const transport = transportOf(requestData.options as IHttpRequestOptions);
			const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
			// A token exchange this request triggers goes through the same proxy, SSL and timeout.
			if (transport) useTransport(credentials, transport);
			const items = await asOwnRequest(credentials, async () => await context.makeRoutingRequest(requestData));
			body = items.length === 1 ? items[0].json : items.map((item) => item.json);
		} catch (error) {
			throw await apiError(context, requestData, describeFailure(error, label, requestData.options.timeout));
		}
		if (envelopeCode(body) !== '401' || round > 0) break;
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
			response: body,
		});
	}
	return body as IDataObject;
}

/** SocialHub pages GET lists through the query and POST lists through the body. */
function pagingTarget(requestData: RequestData): IDataObject {
	const { options } = requestData;
	if ((options.method ?? 'GET') === 'GET') return (options.qs ??= {});
	if (!options.body || typeof options.body !== 'object') options.body = {};
	return options.body as IDataObject;
}

/** Reads pages until `limit` rows or the last page; every failing page is an error naming it. */
async function readPages(
	context: IExecutePaginationFunctions,
	requestData: RequestData,
	label: string,
	limit: number,
	firstPage: number,
	returnAll: boolean,
): Promise<INodeExecutionData[]> {
	const paging = pagingTarget(requestData);
	const pageSize = Number(paging.pageSize);
	const pairedItem = { item: context.getItemIndex() };
	const walk = new PageWalk(firstPage, pageSize, returnAll);
	const returned: INodeExecutionData[] = [];
	for (let pageNo = firstPage; returned.length < limit; pageNo++) {
		paging.pageNo = pageNo;
		const pageLabel = `${label} (page ${pageNo})`;
		const sent = await attemptAsync(() => sendOnce(context, requestData, label));
		if ('failed' in sent) {
			// The message stays SocialHub's; the description says which page failed.
			const described = sent.failed as { description?: string | null };
			described.description = `Page ${pageNo} of the list failed (${returned.length} rows read before it; none are output). ${described.description ?? ''}`.trim();
			throw sent.failed;
		}
		const body = sent.value;
		const page = pageOf(body);
		const verdict = walk.judge(pageNo, page);
		if ('problem' in verdict) {
			throw await apiError(context, requestData, {
				message: `${pageLabel} failed: ${verdict.problem}`,
				description: `${returned.length} rows were read before page ${pageNo}; none are output, so the list is never silently short.`,
			});
		}
		for (const row of page.rows.slice(0, limit - returned.length)) returned.push({ json: row, pairedItem });
		if (verdict.done) break;
	}
	return returned;
}

/** Limit as a whole number of at least 1 (and at most what MAX_PAGES of rows can hold). */
function limitOf(context: IExecutePaginationFunctions): number {
	const value = context.getNodeParameter('limit', 50) as unknown;
	const limit = attempt(() => convertField(value, { label: 'Limit', kind: 'integer', min: 1, max: MAX_PAGES * 100 }, 'UTC'));
	if ('failed' in limit) {
		if (limit.failed instanceof InvalidFieldError) throw inputError(context, limit.failed.message);
		throw limit.failed;
	}
	return limit.value as number;
}

/**
 * Every request of the node runs through here: n8n's declarative engine hands the whole request
 * to `requestOperations.pagination` when `paginate` is set (the node sets it for all operations).
 * One place thus checks what is about to be sent (broken characters, runaway nesting, an
 * Operation ID used twice in one run), checks SocialHub's envelope, turns HTTP, network and
 * business failures into errors that name the operation and carry SocialHub's message (never a
 * secret), walks pages, and pairs every output item with the input item it came from.
 */
export function createOperationRunner(labels: Record<string, string>) {
	return async function runOperationPaired(
		this: IExecutePaginationFunctions,
		requestData: RequestData,
	): Promise<INodeExecutionData[]> {
		const outcome = await attemptAsync(() => runOperation.call(this, requestData));
		if (!('failed' in outcome)) return outcome.value;
		// With Continue On Fail, n8n's own error item carries no pairedItem (and with Return All
		// the counts differ, so n8n cannot pair it either): the node returns it paired itself.
		const error = outcome.failed;
		if (!this.continueOnFail()) throw error;
		return [{ json: { error: (error as Error).message }, error: error as NodeApiError, pairedItem: { item: this.getItemIndex() } }];
	};

	async function runOperation(
		this: IExecutePaginationFunctions,
		requestData: RequestData,
	): Promise<INodeExecutionData[]> {
		// Resource and operation take no expressions, so the raw parameters are their values.
		const { resource, operation } = this.getNode().parameters;
		const label = labels[`${String(resource)}.${String(operation)}`] ?? String(operation);

		checkOutgoing(this, requestData, label);
		const conflict = claimOperationId(this, requestData.options as IHttpRequestOptions);
		if (conflict) throw inputError(this, `${label}: ${conflict.message}`, conflict.description);

		const listOperation = pagingTarget(requestData).pageSize !== undefined;
		const returnAll = listOperation && (this.getNodeParameter('returnAll', false) as boolean);
		// Version 2 lists always output rows; version 1 only with Return All or Split Into Items.
		const splitRows =
			returnAll ||
			(listOperation &&
				(this.getNode().typeVersion >= 2 || (this.getNodeParameter('splitIntoItems', false) as boolean)));
		if (!splitRows) {
			const body = await sendOnce(this, requestData, label);
			const pairedItem = { item: this.getItemIndex() };
			// Version 2 also outputs a list SocialHub answers in one piece (programs, bound accounts) as rows.
			if (this.getNode().typeVersion >= 2 && Array.isArray(body.data)) {
				return (body.data as unknown[]).map((row) => ({
					json: (row && typeof row === 'object' && !Array.isArray(row) ? row : { value: row }) as IDataObject,
					pairedItem,
				}));
			}
			return [{ json: body, pairedItem }];
		}

		const limit = returnAll ? Infinity : limitOf(this);
		const firstPage = returnAll ? 1 : Number(pagingTarget(requestData).pageNo) || 1;
		return await readPages(this, requestData, label, limit, firstPage, returnAll);
	}
}
