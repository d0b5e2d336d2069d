import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { SocialHubAuthError, networkFailure, renewRejectedToken } from '../../../credentials/socialHubToken';
import { envelopeCode, envelopeMessage, isSuccessCode, redact } from './errors';

export const CREDENTIAL_TYPE = 'socialHubApi';

type RequestData = DeclarativeRestApiSettings.ResultOptions;

interface Failure {
	message: string;
	description: string;
	httpCode?: string;
}

interface ErrorLike {
	name?: string;
	message?: string;
	code?: string;
	cause?: unknown;
	errorResponse?: unknown;
	messages?: string[];
	httpCode?: string | null;
	description?: string | null;
	context?: { data?: unknown };
	response?: { status?: number; data?: unknown };
}

/**
 * n8n wraps the original failure (an HTTP response, a network error, our token error) in errors
 * of its own, differently across versions (2.x keeps it as `cause`; 1.x keeps only its status,
 * body and messages). This digs out what happened.
 */
function originalFailure(error: unknown): ErrorLike {
	const top = (error ?? {}) as ErrorLike;
	let current: ErrorLike | undefined = top;
	let deepest = top;
	for (let depth = 0; current && depth < 6; depth++) {
		if (current.name === 'SocialHubAuthError' || current.response?.status) return current;
		deepest = current;
		current = (current.cause ?? current.errorResponse) as ErrorLike | undefined;
	}
	if (SocialHubAuthError.isAuthMessage(top.message)) return { name: 'SocialHubAuthError', message: top.message };
	if (top.httpCode && /^\d{3}$/.test(top.httpCode)) {
		const fromBody = top.description && !/^Request failed with status code/.test(top.description);
		const data = top.context?.data ?? (fromBody ? { msg: top.description } : undefined);
		return { response: { status: Number(top.httpCode), data } };
	}
	return { ...deepest, message: [deepest.message, ...(top.messages ?? [])].join(' ') };
}

/** What the failing request tells about itself, with no secret in it. */
function describeFailure(error: unknown, label: string, timeout: unknown): Failure {
	const cause = originalFailure(error);
	if (cause.name === 'SocialHubAuthError') {
		return {
			message: `${label} failed: ${cause.message}`,
			description: 'No access token could be obtained, so nothing was sent for this item.',
		};
	}
	const status = cause.response?.status;
	if (status) {
		const said = envelopeMessage(cause.response?.data);
		const hints: Record<string, string> = {
			'401': 'SocialHub refused the access token even after n8n renewed it. Check the App ID and App Secret.',
			'429': 'SocialHub is limiting the request rate. Space requests out with Request Options > Batching, or turn on Retry On Fail.',
			'5': 'SocialHub failed on its side. Try again later or turn on Retry On Fail; a retried adjustment keeps its Operation ID, so SocialHub applies it only once.',
		};
		return {
			message: `${label} failed: ${said ?? `SocialHub answered HTTP ${status}`}`,
			description: `SocialHub answered HTTP ${status}. ${hints[String(status)] ?? hints[String(status)[0]] ?? 'Check the fields of this item.'}`,
			httpCode: String(status),
		};
	}
	const code = cause.code ?? '';
	const text = cause.message ?? String(error);
	if (/timeout|ETIMEDOUT|ECONNABORTED/i.test(`${code} ${text}`)) {
		return {
			message: `${label} failed: SocialHub did not answer within ${Number(timeout) || 300000} ms`,
			description:
				'The request timed out. Raise Request Options > Timeout, or try again later. For an adjustment, retry with the same Operation ID: SocialHub applies it only once.',
		};
	}
	return {
		message: `${label} failed: could not connect to SocialHub (${networkFailure(cause)})`,
		description: `The connection failed (${code || text}). Check the credential's Base URL and that SocialHub is reachable from n8n.`,
	};
}

async function secretsOf(context: IExecutePaginationFunctions, requestData: RequestData) {
	const secrets: unknown[] = [requestData.options.headers?.Authorization];
	try {
		const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
		secrets.push(credentials.appSecret, credentials.accessToken);
	} catch {
		// Without the credential there is nothing more to hide.
	}
	return secrets;
}

async function apiError(
	context: IExecutePaginationFunctions,
	requestData: RequestData,
	failure: Failure,
): Promise<NodeApiError> {
	const secrets = await secretsOf(context, requestData);
	const message = redact(failure.message, secrets);
	const description = redact(failure.description, secrets);
	return new NodeApiError(context.getNode(), { message, description } as JsonObject, {
		message,
		description,
		httpCode: failure.httpCode,
		itemIndex: context.getItemIndex(),
	});
}

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
		const splitRows = returnAll || (listOperation && (this.getNodeParameter('splitIntoItems', false) as boolean));
		if (!splitRows) return [{ json: await sendOnce(this, requestData, label) }];

		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
		const firstPage = returnAll ? 1 : Number(pagingTarget(requestData).pageNo) || 1;
		return await readPages(this, requestData, label, limit, firstPage);
	};
}
