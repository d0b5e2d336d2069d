import type { ICredentialDataDecryptedObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { attemptAsync } from '../shared/attempt';
import { keysOf } from './baseUrl';
import { foreignOrigin } from './origin';
import { getAccessToken, markRejected, tokenFor } from './tokens';

/**
 * The credential's two hooks into n8n: `authenticate` (every request made with the credential,
 * by this node or any other) and `preAuthentication` (n8n asking for a token). A token goes only
 * to the Base URL's origin (issue 21), and only this package's own requests start an exchange
 * before `authenticate` has seen where they go.
 */

/** The token `authenticate` put on the request made with this credentials object. */
const sentWith = new WeakMap<object, string>();

/** Credentials objects whose request `authenticate` refused: their renewal must not run. */
const refusedFor = new WeakSet<object>();

/** Our own requests under way per fingerprint: only they may start a token exchange unasked. */
const ownRequests = new Map<string, number>();

/**
 * Runs `send` (a request of this package's node) while marking it as ours: when n8n asks the
 * credential for a token before it (the stored token is empty), the exchange may run. A request
 * of any other node never starts an exchange before `authenticate` has seen where it goes.
 */
export async function asOwnRequest<T>(credentials: ICredentialDataDecryptedObject, send: () => Promise<T>): Promise<T> {
	const { fingerprint } = keysOf(credentials);
	ownRequests.set(fingerprint, (ownRequests.get(fingerprint) ?? 0) + 1);
	const outcome = await attemptAsync(send);
	const left = (ownRequests.get(fingerprint) ?? 1) - 1;
	if (left > 0) ownRequests.set(fingerprint, left);
	else ownRequests.delete(fingerprint);
	if ('failed' in outcome) throw outcome.failed;
	return outcome.value;
}

/** Thrown by `authenticate` for a request to another origin: it is never sent with the token. */
export class SocialHubOriginError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SocialHubOriginError';
	}
}

/**
 * The credential's `authenticate`: base URL, token and redirect policy for every request.
 * Only a request to the Base URL's origin is authenticated; any other is refused before it is
 * sent (issue 21). No request of this credential follows a redirect (a 3xx is reported).
 */
export function authenticateRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const { baseUrl, fingerprint } = keysOf(credentials);
	const refusal = foreignOrigin(requestOptions, baseUrl);
	if (refusal) {
		refusedFor.add(credentials);
		throw new SocialHubOriginError(refusal);
	}
	requestOptions.disableFollowRedirect = true;
	requestOptions.maxRedirects = 0;
	const headers = { ...requestOptions.headers };
	delete headers.Authorization;
	delete headers.authorization;
	if (!requestOptions.baseURL && !/^https?:/i.test(requestOptions.url ?? '')) {
		requestOptions.baseURL = baseUrl;
	}
	const token = tokenFor(credentials, fingerprint);
	if (token !== '') headers.Authorization = token;
	requestOptions.headers = headers;
	sentWith.set(credentials, token);
	return requestOptions;
}

/**
 * The credential's `preAuthentication`. n8n calls it before a request when the stored token is
 * empty, and again after a failed request (an HTTP 401; for the legacy request any failure).
 * - After `authenticate` refused the request (another origin): nothing (no exchange, no write).
 * - Before a request `authenticate` has not seen: a token only for this package's own requests
 *   (see asOwnRequest); any other caller's request goes without one, and its 401 brings it back here.
 * - After a failed request: the token it carried is marked rejected and a token for the current
 *   keys is returned with their fingerprint, for n8n to store.
 */
export async function renewToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<{ accessToken?: string; tokenFingerprint?: string }> {
	if (refusedFor.delete(credentials)) return {};
	const { fingerprint } = keysOf(credentials);
	const own = ownRequests.has(fingerprint);
	if (sentWith.has(credentials)) markRejected(sentWith.get(credentials));
	else if (!own) return {};
	if (own) return { accessToken: await getAccessToken(helpers, credentials), tokenFingerprint: fingerprint };
	// Another node's request failed (n8n's legacy request comes back here after any failure, not
	// only a 401): when no token can be had either, its own error is what the user must see.
	const renewed = await attemptAsync(async () => await getAccessToken(helpers, credentials));
	return 'failed' in renewed ? {} : { accessToken: renewed.value, tokenFingerprint: fingerprint };
}
