import type { IDataObject } from 'n8n-workflow';

import { decodeText, parseExactJson } from '../shared/exactJson';
import { envelopeCode, envelopeMessage, isSuccessCode } from './envelope';
import { SocialHubAuthError, networkFailure, type Failure, type FailureKind } from './errors';
import { originOf } from './redact';
import { retryAfterOf, isRateLimitAnswer } from './throttling';

/**
 * What one attempt of a request came to: SocialHub's envelope, a token to renew, or a failure of
 * a kind (see FailureKind) with the words the user reads. Every HTTP status comes back as an
 * answer (the runner sets `ignoreHttpStatusErrors`); network failures come back as errors.
 */
export type Verdict =
	| { ok: true; body: IDataObject }
	| { ok: false; tokenRejected: true; failure: Failure }
	| { ok: false; tokenRejected?: false; kind: FailureKind; failure: Failure; retryAfterMs?: number; congestion?: boolean };

/** SocialHub's full answer, as n8n's request helper hands it to a postReceive function. */
export interface Answer {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/** What may be said after a request whose outcome is unknown, depending on what it is. */
export interface RequestNature {
	/** The request's Operation ID (adjustments): SocialHub applies it at most once. */
	operationId?: string;
	/** Nothing changes when it is sent twice (reads). */
	readOnly: boolean;
}

export function unknownAdvice(nature: RequestNature): string {
	if (nature.readOnly) return 'It changes nothing in SocialHub; run it again.';
	if (nature.operationId !== undefined) {
		return `Run it again with the same Operation ID ("${nature.operationId}"): SocialHub applies it at most once. A new Operation ID could apply it twice.`;
	}
	return 'Check in SocialHub whether it was applied before sending it again: this request has no Operation ID, so SocialHub would apply a second one too.';
}

const header = (headers: Record<string, unknown>, name: string) =>
	headers[name] ?? headers[name.toLowerCase()] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];

/** Judges one HTTP answer (any status): its bytes are read in the charset they declare, integers exactly. */
export function judgeAnswer(answer: Answer, label: string, nature: RequestNature, baseUrl: string): Verdict {
	const status = answer.statusCode;
	const text = decodeText(answer.body, header(answer.headers, 'content-type'));
	let body: unknown;
	try {
		body = text.trim() === '' ? undefined : parseExactJson(text);
	} catch {
		body = undefined;
	}
	const said = envelopeMessage(body);
	const retryAfterMs = retryAfterOf(header(answer.headers, 'retry-after'));
	if (status === 401 || (status < 300 && envelopeCode(body) === '401')) {
		return { ok: false, tokenRejected: true, failure: { message: `${label} failed: ${said ?? 'SocialHub refused the access token'}`, description: `SocialHub refused the access token (${status === 401 ? 'HTTP 401' : 'HTTP 200 with code 401'}), and again after the node renewed it. Check the App ID and App Secret in the credential.`, httpCode: '401', response: body } };
	}
	if (status === 429 || status === 503 || (status < 300 && isRateLimitAnswer(body))) {
		const code = status < 300 ? envelopeCode(body) : String(status);
		return {
			ok: false,
			kind: 'throttled',
			retryAfterMs,
			failure: { message: `${label} failed: ${said ?? `SocialHub answered HTTP ${status}`}`, description: `SocialHub is limiting the request rate (${status < 300 ? `code ${code}` : `HTTP ${status}`}): the request was not applied.`, httpCode: code, response: body },
		};
	}
	if (status >= 300 && status < 400) {
		const target = originOf(header(answer.headers, 'location'), `${baseUrl}/`) ?? 'another address';
		if (status === 303 && !nature.readOnly) {
			// 303 See Other is how a server answers a write it carried out.
			return { ok: false, kind: 'unknown', failure: { message: `${label} failed: SocialHub answered with a redirect (HTTP 303) to ${target}`, description: `The redirect was not followed (nothing was sent to ${target}), but HTTP 303 says the request was processed: SocialHub may have applied it. ${unknownAdvice(nature)}`, httpCode: '303' } };
		}
		return { ok: false, kind: 'refused', failure: { message: `${label} failed: SocialHub answered with a redirect (HTTP ${status}) to ${target}`, description: `The redirect was not followed: neither the access token nor the request body was sent to ${target}, and nothing was applied. If SocialHub moved, change the credential's Base URL.`, httpCode: String(status) } };
	}
	if (status >= 500) {
		return {
			ok: false,
			kind: 'unknown',
			failure: { message: `${label} failed: ${said ?? `SocialHub answered HTTP ${status}`}`, description: `SocialHub answered HTTP ${status}: it failed on its side, and may have applied the request before it did. ${unknownAdvice(nature)}`, httpCode: String(status), response: body },
		};
	}
	if (status >= 400) {
		return { ok: false, kind: 'refused', failure: { message: `${label} failed: ${said ?? `SocialHub answered HTTP ${status}`}`, description: `SocialHub answered HTTP ${status}: the request was not applied. Check the fields of this item.`, httpCode: String(status), response: body } };
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		const shown = text.replace(/\s+/g, ' ').trim();
		return {
			ok: false,
			kind: 'unknown',
			failure: { message: `${label} failed: SocialHub's answer is not the JSON envelope it should be (it may have been cut off)`, description: `SocialHub answered HTTP ${status} with ${shown === '' ? 'no body' : `"${Array.from(shown).slice(0, 120).join('')}"`}. The request reached SocialHub and may have been applied. ${unknownAdvice(nature)}`, httpCode: String(status) },
		};
	}
	if (!isSuccessCode(body)) {
		const code = envelopeCode(body);
		return { ok: false, kind: 'refused', failure: { message: `${label} failed: ${said ?? `code ${code ?? 'missing'}`}`, description: `SocialHub refused the request with code ${code ?? '(none)'}. Nothing was changed for this item.`, httpCode: code, response: body } };
	}
	return { ok: true, body: body as IDataObject };
}

interface ErrorLike {
	name?: string;
	message?: string;
	code?: string;
	cause?: unknown;
	errorResponse?: unknown;
	messages?: string[];
}

/** The original failure under n8n's wrappers (2.x keeps it as `cause`; 1.x keeps its messages). */
function originalFailure(error: unknown): ErrorLike {
	const top = (error ?? {}) as ErrorLike;
	let current: ErrorLike | undefined = top;
	let deepest = top;
	for (let depth = 0; current && depth < 6; depth++) {
		if (current instanceof SocialHubAuthError) return current;
		deepest = current;
		current = (current.cause ?? current.errorResponse) as ErrorLike | undefined;
	}
	const auth = SocialHubAuthError.byMessage(top.message) ?? SocialHubAuthError.byMessage(deepest.message);
	if (auth) return auth;
	return { ...deepest, code: deepest.code ?? top.code, message: [deepest.message, ...(top.messages ?? [])].join(' ') };
}

/** Judges a request that ended without an answer: never reached SocialHub, or its answer was lost. */
export function judgeError(error: unknown, label: string, nature: RequestNature, timeout: unknown): Verdict {
	const cause = originalFailure(error);
	if (cause instanceof SocialHubAuthError) {
		const why = cause.kind === 'throttled' ? 'SocialHub is limiting the request rate for access tokens' : 'No access token could be obtained';
		return { ok: false, kind: cause.kind === 'throttled' ? 'throttled' : cause.kind === 'refused' ? 'refused' : 'notSent', retryAfterMs: cause.retryAfterMs, failure: { message: `${label} failed: ${cause.message}`, description: `${why}, so nothing was sent for this item.` } };
	}
	const text = `${cause.code ?? ''} ${cause.message ?? String(error)}`;
	const origin = /The SocialHub API credential only authenticates requests to [^;]+; this request goes to \S+/.exec(text);
	if (origin) {
		return { ok: false, kind: 'refused', failure: { message: `${label} failed: ${origin[0]}`, description: "Nothing was sent: the credential's Base URL is not where this request goes (was the credential edited while the run was under way?)." } };
	}
	const reason = networkFailure(cause);
	if (/EMFILE|ENFILE/i.test(text)) {
		return { ok: false, kind: 'throttled', failure: { message: `${label} failed: could not open a connection to SocialHub (${reason})`, description: 'This machine ran out of file handles, so nothing was sent for this item. Lower the node\'s Options > Max Concurrent Requests, or raise the n8n process\'s open-file limit.' } };
	}
	if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL/i.test(text)) {
		return { ok: false, kind: 'notSent', failure: { message: `${label} failed: could not connect to SocialHub (${reason})`, description: `Nothing was sent for this item. Check the credential's Base URL and that SocialHub is reachable from n8n.` } };
	}
	if (/domain.*not allowed|not allowed.*domain/i.test(text)) {
		return { ok: false, kind: 'refused', failure: { message: `${label} failed: ${cause.message ?? 'the domain is not allowed'}`, description: "n8n's Allowed HTTP Request Domains setting of the credential stopped the request; nothing was sent." } };
	}
	if (/timeout|ETIMEDOUT|ECONNABORTED/i.test(text)) {
		return { ok: false, kind: 'unknown', failure: { message: `${label} failed: SocialHub did not answer within ${Number(timeout) || 300000} ms`, description: `The request was sent and timed out waiting for the answer (Request Options > Timeout): SocialHub may have applied it. ${unknownAdvice(nature)}` } };
	}
	// A reset may be a gateway refusing connections beyond its limit: the gate slows down for it too.
	const congestion = /ECONNRESET|socket hang up|EPIPE/i.test(text);
	return { ok: false, kind: 'unknown', congestion, failure: { message: `${label} failed: no complete answer from SocialHub (${reason})`, description: `The request was sent, but its answer was lost: SocialHub may have applied it. ${unknownAdvice(nature)}` } };
}
