import type { ICredentialDataDecryptedObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { attemptAsync } from '../shared/attempt';
import { keysOf } from './baseUrl';
import { foreignOrigin, type AuthenticatedRequest } from './origin';
import { HeldBack, handedRecently, holdBackToStore, markAuthenticated, markHanded, noteAuthenticatedAgain } from './tokenHandover';
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

/** Credentials objects whose request `authenticate` held back so that n8n stores the token. */
const toStore = new WeakSet<object>();
/** Request options whose base URL `authenticate` set (from the credential's Base URL). */
const baseSetHere = new WeakSet<object>();
/** Credentials objects of another node's failed request the credential did not renew. */
const notRenewed = new WeakSet<object>();

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

/** Thrown by `authenticate` when n8n would send again a request answered 401 whose token is good. */
export class SocialHubResendRefused extends Error {
	constructor() {
		super('SocialHub answered HTTP 401 although the credential\'s access token is valid; the request was not sent again (it may have been applied)');
		this.name = 'SocialHubResendRefused';
	}
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
	noteAuthenticatedAgain(requestOptions);
	const { baseUrl, fingerprint } = keysOf(credentials);
	// A request sent again goes to the Base URL the credential holds now (it may have been edited).
	if (baseSetHere.has(requestOptions)) delete requestOptions.baseURL;
	const refusal = foreignOrigin(requestOptions, baseUrl);
	if (refusal) {
		refusedFor.add(credentials);
		throw new SocialHubOriginError(refusal);
	}
	if (notRenewed.delete(credentials)) {
		// n8n's request helper sends a request again after any 401; the token was good, so the 401
		// was SocialHub's answer to the request itself, which may have been applied.
		throw new SocialHubResendRefused();
	}
	requestOptions.disableFollowRedirect = true;
	requestOptions.maxRedirects = 0;
	const headers = { ...requestOptions.headers };
	delete headers.Authorization;
	delete headers.authorization;
	if (!requestOptions.baseURL && !/^https?:/i.test(requestOptions.url ?? '')) {
		requestOptions.baseURL = baseUrl;
		baseSetHere.add(requestOptions);
	}
	const token = tokenFor(credentials, fingerprint);
	if (token === '' && (requestOptions as AuthenticatedRequest).uri !== undefined) {
		// n8n's legacy request (the HTTP Request node) asks for a token after a failure and tries
		// again: a request held back here gets one without ever going out tokenless.
		needsToken.add(credentials);
		throw new HeldBack('No access token yet for the SocialHub API credential: it is obtained before the request is sent');
	}
	if (holdBackToStore(token, credentials.accessToken, requestOptions)) {
		toStore.add(credentials);
		throw new HeldBack('The SocialHub access token is stored in the credential before this request is sent');
	}
	if (token !== '') headers.Authorization = token;
	requestOptions.headers = headers;
	sentWith.set(credentials, token);
	markAuthenticated(requestOptions);
	return requestOptions;
}

/**
 * The credential's `preAuthentication`. n8n calls it before a request when the stored token is
 * empty, and again after a failed request (an HTTP 401; for the legacy request any failure).
 * - After `authenticate` refused the request (another origin): nothing (no exchange, no write).
 * - Before a request `authenticate` has not seen, or one it held back for want of a token: for this
 *   package's own requests (see asOwnRequest) the current token, or none for n8n to store when it
 *   was handed to n8n a moment ago (tokenHandover.ts): the request then takes the current token
 *   without a second write. Any other caller's request is seen by `authenticate` first.
 * - After `authenticate` held a request back (tokenHandover.ts) so that n8n stores this process's
 *   token: that token; for want of a token: a token.
 * - After another node's request failed carrying a token: a new one only if SocialHub rejects that
 *   token (tokenCheck.ts), else nothing, so n8n shows the failure (n8n's request helper, which
 *   sends again after any 401, is stopped by `authenticate`: SocialHubResendRefused).
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
		markHanded(accessToken);
		return { accessToken, tokenFingerprint: fingerprint };
	};
	const sent = sentWith.get(credentials);
	if (ownRequests.has(fingerprint)) {
		if (!needsToken.delete(credentials)) markRejected(sent);
		const accessToken = await getAccessToken(helpers, credentials);
		// Handed to n8n a moment ago (or its write failed): this request goes with it, not stored again.
		if (handedRecently(accessToken)) return {};
		markHanded(accessToken);
		return { accessToken, tokenFingerprint: fingerprint };
	}
	if (needsToken.delete(credentials) || sent === '') return await renewed();
	if (sent === undefined) return {};
	if ((await tokenRejected(helpers, baseUrl, sent)) !== true) {
		notRenewed.add(credentials);
		return {};
	}
	markRejected(sent);
	// When no token can be had either, the request's own error is what the user must see.
	const fresh = await attemptAsync(renewed);
	return 'failed' in fresh ? {} : fresh.value;
}
