import { ProcessCache } from '../shared/processState';

/**
 * How `authenticate` hands n8n a token to store, and keeps a request from leaving without one.
 * n8n stores what the credential's `preAuthentication` returns only after a request failed with
 * HTTP 401, then authenticates the request again and sends it (request-helpers/authentication.ts
 * in n8n-core 1.x and 2.x; the legacy request after any failure, and again only when a token was
 * returned). So `authenticate` holds a request back with a 401 of its own when it has no token
 * for it, and once per token when the token is one this process obtained and n8n has not stored:
 * the request then leaves once, with the token, and every other n8n process (queue-mode workers,
 * a restart) reads that token from the credential.
 */

/** Thrown by `authenticate` for a request held back; n8n answers it by calling `preAuthentication`. */
export class HeldBack extends Error {
	readonly response = { status: 401 };
	constructor(why: string) {
		super(why);
		this.name = 'SocialHubHeldBack';
	}
}

/**
 * Tokens handed to n8n to store: when (ms epoch), and how many of n8n's writes of it failed. A
 * hand-over is not repeated within REOFFER_MS (requests that read the credential before n8n's
 * write would each store it again), except once at once after a first failed write (a passing
 * database hiccup); after that, a credential that still holds another token is offered this one
 * again: n8n's write may have failed, or the credential is a second one with the same keys.
 */
const handedToStore = new ProcessCache<string, { at: number; failures: number }>('tokens handed to n8n to store', 1000);
const REOFFER_MS = 10_000;
/** Request options held back to store a token, with the token: authenticated again = stored. */
const storing = new WeakMap<object, string>();
/** Request options whose token n8n failed to store: they go with the token as it is. */
const storeSkipped = new WeakSet<object>();
/** Request options `authenticate` let go (with a token) since their last sending began. */
const authenticated = new WeakSet<object>();

/** Remembers that `token` went to n8n to be stored (preAuthentication returned it). */
export function markHanded(token: string): void {
	handedToStore.set(token, { at: Date.now(), failures: handedToStore.get(token)?.failures ?? 0 });
}

/** n8n failed to store `token`: offered again at once the first time, else after REOFFER_MS. */
function storeOfFailed(token: string): void {
	const failures = (handedToStore.get(token)?.failures ?? 0) + 1;
	handedToStore.set(token, { at: failures === 1 ? 0 : Date.now(), failures });
}

/** Whether `token` was handed to n8n to store less than REOFFER_MS ago. */
export function handedRecently(token: string): boolean {
	const handed = handedToStore.get(token);
	return handed !== undefined && Date.now() - handed.at < REOFFER_MS;
}

/** Called before a request of this package is sent (again): `authenticate` has not let it go yet. */
export function beforeSending(requestOptions: object): void {
	authenticated.delete(requestOptions);
}

/** Called as `authenticate` lets a request go: only then can n8n send it. */
export function markAuthenticated(requestOptions: object): void {
	authenticated.add(requestOptions);
}

/**
 * Called as `authenticate` starts: a request held back to store a token that comes back was
 * authenticated again by n8n, after the store succeeded.
 */
export function noteAuthenticatedAgain(requestOptions: object): void {
	storing.delete(requestOptions);
}

/**
 * After a request of this package failed: whether it failed before `authenticate` let it go, so it
 * was never sent (n8n's preAuthentication or its credential write failed, also after a request
 * held back). A request held back to store a token goes next time with the token without storing
 * it; the token (that one, or the one it carried) counts as not stored (see handedToStore).
 */
export function failedBeforeAuthenticate(requestOptions: object, carried: string): boolean {
	if (authenticated.has(requestOptions)) return false;
	const held = storing.get(requestOptions);
	if (held !== undefined) {
		storing.delete(requestOptions);
		storeSkipped.add(requestOptions);
	}
	const token = held ?? carried;
	if (token !== '') storeOfFailed(token);
	return true;
}

/**
 * Whether this request must be held back so that n8n stores `token` (one this process obtained
 * that is not the `stored` one); if so, it is marked as the request that stores it.
 */
export function holdBackToStore(token: string, stored: unknown, requestOptions: object): boolean {
	if (token === '' || token === stored || handedRecently(token) || storeSkipped.has(requestOptions)) return false;
	markHanded(token);
	storing.set(requestOptions, token);
	return true;
}
