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

/** Tokens handed to n8n to store (or being handed): one request per token takes that way. */
const handedToStore = new ProcessCache<string, true>('tokens handed to n8n to store', 1000);
/** Request options held back to store a token, with the token: authenticated again = stored. */
const storing = new WeakMap<object, string>();
/** Request options whose token n8n failed to store: they go with the token as it is. */
const storeSkipped = new WeakSet<object>();

/** Remembers that `token` went to n8n to be stored (preAuthentication returned it). */
export function markHanded(token: string): void {
	handedToStore.set(token, true);
}

/**
 * Called as `authenticate` starts: a request held back to store a token that comes back was
 * authenticated again by n8n, after the store succeeded.
 */
export function noteAuthenticatedAgain(requestOptions: object): void {
	storing.delete(requestOptions);
}

/**
 * Whether this request must be held back so that n8n stores `token` (one this process obtained
 * that is not the `stored` one); if so, it is marked as the request that stores it.
 */
export function holdBackToStore(token: string, stored: unknown, requestOptions: object): boolean {
	if (token === '' || token === stored || handedToStore.has(token) || storeSkipped.has(requestOptions)) return false;
	handedToStore.set(token, true);
	storing.set(requestOptions, token);
	return true;
}

/**
 * After a request failed: whether it failed because n8n could not store the token it was held
 * back for (n8n never sent it). Then the token is offered to the next request again, and this
 * request goes with the token without storing it.
 */
export function storeFailed(requestOptions: object): boolean {
	const token = storing.get(requestOptions);
	if (token === undefined) return false;
	storing.delete(requestOptions);
	handedToStore.delete(token);
	storeSkipped.add(requestOptions);
	return true;
}
