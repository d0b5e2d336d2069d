import type { ICredentialDataDecryptedObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { attemptAsync } from '../shared/attempt';
import { ProcessCache } from '../shared/processState';
import { keysOf } from './baseUrl';
import { SocialHubAuthError } from './errors';
import { foreignOrigin, type AuthenticatedRequest } from './origin';
import { tokenRejected } from './tokenCheck';
import { getAccessToken, markRejected, tokenFor } from './tokens';

/**
 * The credential's two hooks into n8n: `authenticate` (every request made with the credential,
 * by this node or any other) and `preAuthentication` (n8n asking for a token). A token goes only
 * to the Base URL's origin (issue 21), and only this package's own requests start an exchange
 * before `authenticate` has seen where they go.
 */

/** The token `authenticate` put on the request made with this credentials object. */
const sentWith = new WeakMap<object, string>();
/** Credentials objects of a legacy request `authenticate` held back for want of a token. */
const needsToken = new WeakSet<object>();

/** Credentials objects whose request `authenticate` refused: their renewal must not run. */
const refusedFor = new WeakSet<object>();

/** Tokens handed to n8n to store: one request per token takes the way that stores it. */
const handedToStore = new ProcessCache<string, true>('tokens handed to n8n to store', 1000);
/** Credentials objects whose request `authenticate` held back so that n8n stores the token. */
const toStore = new WeakSet<object>();

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
 * Thrown by `authenticate` for the first request that would carry a token n8n has not stored.
 * n8n stores what `preAuthentication` returns only after a request failed with HTTP 401
 * (request-helpers/authentication.ts in n8n-core 1.x and 2.x), then authenticates the request
 * again and sends it: the request leaves once, with the token, and every other n8n process
 * (queue-mode workers, a restart) reads that token from the credential.
 */
class TokenToStore extends Error {
	readonly response = { status: 401 };
	constructor() {
		super('The SocialHub access token is stored in the credential before this request is sent');
		this.name = 'SocialHubTokenToStore';
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
	if (token === '' && (requestOptions as AuthenticatedRequest).uri !== undefined) {
		// n8n's legacy request (the HTTP Request node) asks for a token after a failure and tries
		// again: a request held back here gets one without ever going out tokenless.
		needsToken.add(credentials);
		throw new SocialHubAuthError('No access token yet for the SocialHub API credential');
	}
	if (token !== '' && token !== credentials.accessToken && !handedToStore.has(token)) {
		handedToStore.set(token, true);
		toStore.add(credentials);
		throw new TokenToStore();
	}
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
 *   (see asOwnRequest); any other caller's request is seen by `authenticate` first.
 * - After `authenticate` held a request back so that n8n stores this process's token: that token.
 * - After `authenticate` held a legacy request back for want of a token: a token.
 * - After another node's request failed carrying a token: a new one only if SocialHub rejects that
 *   token (tokenCheck.ts), else nothing, so n8n shows the failure and sends nothing again.
 * A token returned goes with its fingerprint, for n8n to store.
 */
export async function renewToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<{ accessToken?: string; tokenFingerprint?: string }> {
	if (refusedFor.delete(credentials)) return {};
	const { baseUrl, fingerprint } = keysOf(credentials);
	if (toStore.delete(credentials)) {
		const current = tokenFor(credentials, fingerprint);
		return current === '' ? {} : { accessToken: current, tokenFingerprint: fingerprint };
	}
	const renewed = async () => {
		const accessToken = await getAccessToken(helpers, credentials);
		handedToStore.set(accessToken, true);
		return { accessToken, tokenFingerprint: fingerprint };
	};
	const sent = sentWith.get(credentials);
	if (ownRequests.has(fingerprint)) {
		markRejected(sent);
		return await renewed();
	}
	if (needsToken.delete(credentials) || sent === '') return await renewed();
	if (sent === undefined || (await tokenRejected(helpers, baseUrl, sent)) !== true) return {};
	markRejected(sent);
	// When no token can be had either, the request's own error is what the user must see.
	const fresh = await attemptAsync(renewed);
	return 'failed' in fresh ? {} : fresh.value;
}
