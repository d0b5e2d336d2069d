import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IExecutePaginationFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './constants';
import { envelopeMessage } from './envelope';
import { originOf, redact } from './redact';
import { attempt } from '../shared/attempt';

/**
 * Error mapping: every failure of a SocialHub call (HTTP status, network, timeout, token
 * exchange) becomes one NodeApiError naming the operation, with SocialHub's message and no secret.
 */
/** Messages of recent SocialHubAuthErrors: some n8n versions keep only the message of a wrapped error. */
const recentAuthMessages = new Set<string>();

/** Thrown when no access token could be obtained; the node shows its message unchanged. */
export class SocialHubAuthError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SocialHubAuthError';
		if (recentAuthMessages.size >= 50) recentAuthMessages.clear();
		recentAuthMessages.add(message);
	}

	static isAuthMessage(message: unknown): boolean {
		return typeof message === 'string' && recentAuthMessages.has(message);
	}
}

/**
 * Words for a failed connection. Raw codes such as ECONNREFUSED are left out of messages on
 * purpose: n8n replaces any error message containing one with a generic sentence.
 */
export function networkFailure(error: unknown): string {
	const { code, message } = error as { code?: string; message?: string };
	const text = `${code ?? ''} ${message ?? ''}`;
	if (/ECONNREFUSED/i.test(text)) return 'connection refused';
	if (/ENOTFOUND|EAI_AGAIN/i.test(text)) return 'host not found';
	if (/ECONNRESET|socket hang up/i.test(text)) return 'connection closed without an answer';
	if (/timeout|ETIMEDOUT|ECONNABORTED/i.test(text)) return 'no answer in time';
	if (/EHOSTUNREACH|ENETUNREACH/i.test(text)) return 'host unreachable';
	return 'network error';
}

export type RequestData = DeclarativeRestApiSettings.ResultOptions;

export interface Failure {
	message: string;
	description: string;
	httpCode?: string;
	/** SocialHub's answer, kept (redacted) on the error for the user to inspect. */
	response?: unknown;
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
	response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
	config?: { baseURL?: string; url?: string };
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
export function describeFailure(error: unknown, label: string, timeout: unknown): Failure {
	const cause = originalFailure(error);
	if (cause.name === 'SocialHubAuthError') {
		return {
			message: `${label} failed: ${cause.message}`,
			description: 'No access token could be obtained, so nothing was sent for this item.',
		};
	}
	const status = cause.response?.status;
	if (status && status >= 300 && status < 400) {
		const headers = cause.response?.headers ?? {};
		const base = cause.config?.baseURL ? `${cause.config.baseURL}/` : undefined;
		const target = originOf(headers.location ?? headers.Location, base) ?? 'another address';
		return {
			message: `${label} failed: SocialHub answered with a redirect (HTTP ${status}) to ${target}`,
			description: `The redirect was not followed: neither the access token nor the request body was sent to ${target}, and nothing was applied. If SocialHub moved, change the credential's Base URL.`,
			httpCode: String(status),
		};
	}
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
			response: cause.response?.data,
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

export async function apiError(
	context: IExecutePaginationFunctions,
	requestData: RequestData,
	failure: Failure,
): Promise<NodeApiError> {
	const secrets = await secretsOf(context, requestData);
	const message = redact(failure.message, secrets);
	const description = redact(failure.description, secrets);
	// n8n shows the error response in the node's error view: SocialHub's own answer, never a secret.
	const answer = redactedCopy(failure.response, secrets);
	const errorResponse = (answer && typeof answer === 'object' ? answer : { message, description }) as JsonObject;
	return new NodeApiError(context.getNode(), errorResponse, {
		message,
		description,
		httpCode: failure.httpCode,
		itemIndex: context.getItemIndex(),
	});
}

/** A JSON copy of `value` with every secret redacted (undefined when it has no JSON form). */
function redactedCopy(value: unknown, secrets: unknown[]): unknown {
	if (value === undefined) return undefined;
	const text = JSON.stringify(value);
	if (text === undefined) return undefined;
	const copy = attempt(() => JSON.parse(redact(text, secrets)) as unknown);
	return 'value' in copy ? copy.value : undefined;
}
