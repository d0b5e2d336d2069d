import type { DeclarativeRestApiSettings, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { attempt } from '../shared/attempt';
import { ProcessCache } from '../shared/processState';
import { redact } from './redact';

/**
 * The errors a SocialHub call ends in: what happened to the request (its kind), SocialHub's
 * message, and never a secret.
 */

/**
 * What a failed request did to SocialHub: `throttled` (refused by a rate limit: not applied),
 * `notSent` (it never reached SocialHub), `refused` (SocialHub's answer refused it: not applied),
 * `unknown` (it may have been applied: the answer was lost or cut off, or SocialHub failed).
 */
export type FailureKind = 'throttled' | 'notSent' | 'refused' | 'unknown';

/** Messages of recent SocialHubAuthErrors: some n8n versions keep only the message of a wrapped error. */
const recentAuthMessages = new ProcessCache<string, SocialHubAuthError>('token errors by message', 50);

/** Thrown when no access token could be obtained; the node shows its message unchanged. */
export class SocialHubAuthError extends Error {
	/** The request that needed the token was not sent; `throttled` when the exchange was rate-limited. */
	readonly kind: FailureKind;

	/** For `throttled`: how long SocialHub asked to wait (ms), when it said. */
	readonly retryAfterMs?: number;

	constructor(message: string, kind: FailureKind = 'notSent', retryAfterMs?: number) {
		super(message);
		this.name = 'SocialHubAuthError';
		this.kind = kind;
		this.retryAfterMs = retryAfterMs;
		recentAuthMessages.set(message, this);
	}

	/** The SocialHubAuthError n8n wrapped into an error with this message, if any. */
	static byMessage(message: unknown): SocialHubAuthError | undefined {
		return typeof message === 'string' ? recentAuthMessages.get(message) : undefined;
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
	if (/EMFILE|ENFILE/i.test(text)) return 'this machine has no file handle left for another connection';
	if (/timeout|ETIMEDOUT|ECONNABORTED/i.test(text)) return 'no answer in time';
	if (/ECONNRESET|socket hang up|EPIPE|\baborted\b/i.test(text)) return 'connection closed without an answer';
	if (/EHOSTUNREACH|ENETUNREACH/i.test(text)) return 'host unreachable';
	return 'network error';
}

export type RequestData = DeclarativeRestApiSettings.ResultOptions;

/** A failure as the user reads it: message (what happened) and description (what to do). */
export interface Failure {
	message: string;
	description: string;
	/** SocialHub's code (business or HTTP) for n8n's error view; none when nothing reached SocialHub. */
	httpCode?: string;
	/** SocialHub's answer, kept (redacted) on the error for the user to inspect. */
	response?: unknown;
}

/** n8n's error for a failed SocialHub call of item `itemIndex`, with every form of every secret redacted. */
export function apiError(node: INode, failure: Failure, itemIndex: number, secrets: unknown[]): NodeApiError {
	const message = redact(failure.message, secrets);
	const description = redact(failure.description, secrets);
	// n8n shows the error response in the node's error view: SocialHub's own answer, never a secret.
	const answer = redactedCopy(failure.response, secrets);
	const errorResponse = (answer && typeof answer === 'object' ? answer : { message, description }) as JsonObject;
	const error = new NodeApiError(node, errorResponse, { message, description, httpCode: failure.httpCode, itemIndex });
	// NodeApiError fills in a code of its own; where nothing reached SocialHub there is none to show.
	if (failure.httpCode === undefined) error.httpCode = null;
	return error;
}

/** A JSON copy of `value` with every secret redacted (undefined when it has no JSON form). */
function redactedCopy(value: unknown, secrets: unknown[]): unknown {
	if (value === undefined) return undefined;
	const text = JSON.stringify(value);
	if (text === undefined) return undefined;
	const copy = attempt(() => JSON.parse(redact(text, secrets)) as unknown);
	return 'value' in copy ? copy.value : undefined;
}
