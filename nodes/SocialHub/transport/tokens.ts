import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { attemptAsync } from '../shared/attempt';
import { ProcessCache } from '../shared/processState';
import { keysOf } from './baseUrl';
import { SocialHubAuthError } from './errors';
import { TOKEN_SHAPE, TokenRejectedError, exchangeToken, sendWith, type CachedToken } from './exchange';
import { transportFor } from './requestOptions';

/**
 * The access tokens of this process, per fingerprint of the keys (baseUrl.ts):
 * - a stored token is sent only with the keys its fingerprint names (after an edit, only the
 *   token this process obtained for the new keys, or none);
 * - a token SocialHub rejected is never handed out again;
 * - the items of a run share one exchange, and one failed exchange for a while.
 */

/** How long a token just obtained is handed to other items that ask for one. */
const REUSE_WINDOW_MS = 10_000;
/** How long a failed exchange answers for the same keys without asking SocialHub again. */
const REJECTION_MEMORY_MS = 10_000;
const FAILURE_MEMORY_MS = 1_000;

interface KeyState {
	live?: CachedToken;
	inFlight?: Promise<CachedToken>;
	failure?: { error: SocialHubAuthError; until: number };
}

/** Per fingerprint: the newest token, the exchange under way, the last failure. */
const states = new ProcessCache<string, KeyState>('token states', 100);
/** Tokens SocialHub rejected. */
const rejected = new ProcessCache<string, true>('rejected tokens', 1000);

function stateOf(fingerprint: string): KeyState {
	let state = states.touch(fingerprint);
	if (!state) {
		state = {};
		states.set(fingerprint, state);
	}
	return state;
}

/** Remembers that SocialHub rejected `token`: this process never sends or hands it out again. */
export function markRejected(token: unknown): void {
	if (typeof token !== 'string' || token === '') return;
	rejected.set(token, true);
}

function isUsable(token: CachedToken | undefined, now: number): token is CachedToken {
	if (!token || rejected.has(token.accessToken)) return false;
	return token.expiresAt === undefined || now < token.expiresAt;
}

/** The token to send for these credentials, or '' when none may be sent. */
export function tokenFor(credentials: ICredentialDataDecryptedObject, fingerprint = keysOf(credentials).fingerprint): string {
	const stored = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	if (
		stored !== '' &&
		credentials.tokenFingerprint === fingerprint &&
		TOKEN_SHAPE.test(stored) &&
		!rejected.has(stored)
	) {
		return stored;
	}
	const live = states.get(fingerprint)?.live;
	return isUsable(live, Date.now()) ? live.accessToken : '';
}

/** A token for the credential's current keys: shared with concurrent items, fresh if needed. */
export async function getAccessToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const { baseUrl, fingerprint } = keysOf(credentials);
	const state = stateOf(fingerprint);
	const now = Date.now();
	if (state.failure && now < state.failure.until) throw state.failure.error;
	if (state.inFlight) return (await state.inFlight).accessToken;
	if (isUsable(state.live, now) && now - state.live.obtainedAt < REUSE_WINDOW_MS) {
		return state.live.accessToken;
	}

	const exchange = exchangeToken(sendWith(helpers), baseUrl, credentials, transportFor(fingerprint));
	state.inFlight = exchange;
	const outcome = await attemptAsync(() => exchange);
	state.inFlight = undefined;
	if ('failed' in outcome) {
		const failed = outcome.failed;
		const error = failed instanceof SocialHubAuthError ? failed : new SocialHubAuthError(failed instanceof Error ? failed.message : String(failed));
		// A rate limit answers for as long as SocialHub asked; refused keys for a while; the rest briefly.
		const memory = error.kind === 'throttled' ? error.retryAfterMs ?? FAILURE_MEMORY_MS : error instanceof TokenRejectedError ? REJECTION_MEMORY_MS : FAILURE_MEMORY_MS;
		state.failure = { error, until: Date.now() + memory };
		throw error;
	}
	state.live = outcome.value;
	state.failure = undefined;
	return state.live.accessToken;
}

/**
 * HTTP 200 with code 401 in the body: n8n will not renew the token for us, so the runner does.
 * `rejected` is the token the refused request carried.
 */
export async function renewRejectedToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	rejectedToken: string,
): Promise<void> {
	markRejected(rejectedToken);
	await getAccessToken(helpers, credentials);
}
