import { createHmac } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from './constants';
import { envelopeCode, envelopeMessage, isSuccessCode } from './envelope';
import { SocialHubAuthError, networkFailure, type FailureKind } from './errors';
import { attemptAsync } from '../shared/attempt';
import { clearGates } from './flowControl';
import { foreignOrigin } from './origin';
import { isRateLimitAnswer, retryAfterOf } from './throttling';
import { clearTokenTrials } from './tokenProbe';
import { displayUrl, originOf, redact } from './redact';

/**
 * The access token's life in this process. Rules (issue 10):
 * - A token is bound to the Base URL, App ID and App Secret it was issued for: the credential
 *   stores a fingerprint of them beside it (`tokenFingerprint`), and `authenticate` sends a stored
 *   token only when the fingerprint matches the credential's current keys. After an edit it sends
 *   the token this process obtained for the new keys, or none: SocialHub then answers 401 and n8n
 *   runs `preAuthentication` (a new exchange) and retries. This holds across queue-mode workers,
 *   since each reads the fingerprint stored with the token.
 * - A token SocialHub rejected is never handed out again by this process.
 * - Items of a run share one exchange, and one failed exchange (for a few seconds).
 * - The exchange never follows a redirect, honours the node's Request Options (proxy, Ignore SSL
 *   Issues, Timeout) and waits at most TOKEN_TIMEOUT_MS.
 */

export const TOKEN_PATH = '/v1/auth/token';
/** How long a token just obtained is handed to other items that ask for one. */
const REUSE_WINDOW_MS = 10_000;
/** The longest wait for the token endpoint (the credential test included): seconds, not minutes. */
export const TOKEN_TIMEOUT_MS = 15_000;
/** How long a failed exchange answers for the same keys without asking SocialHub again. */
const REJECTION_MEMORY_MS = 10_000;
const FAILURE_MEMORY_MS = 1_000;
/** A token must be one header-safe word. */
const TOKEN_SHAPE = /^[\x21-\x7e]+$/;

/** The node's Request Options the token exchange honours (set by the runner for each request). */
export interface TransportOptions {
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
	timeout?: number;
}

/** How long Request Options a run set for a credential's token exchange stay in force. */
const TRANSPORT_MEMORY_MS = 60_000;

/**
 * The Request Options that matter to a token exchange (proxy, Ignore SSL Issues, a Timeout below
 * the exchange's own), or undefined when none is set: a plain run costs nothing here.
 */
export function transportOf(options: IHttpRequestOptions): TransportOptions | undefined {
	const timeout = Number(options.timeout);
	const plain = !options.proxy && options.skipSslCertificateValidation !== true && !(timeout > 0 && timeout < TOKEN_TIMEOUT_MS);
	if (plain) return undefined;
	return {
		proxy: options.proxy,
		skipSslCertificateValidation: options.skipSslCertificateValidation === true,
		timeout: options.timeout,
	};
}

/**
 * n8n's `preAuthentication` receives no node options, so the runner hands them over here, per
 * credential, before a request that may need a token. They stay in force for a minute: a plain
 * run of the same credential right after one through a proxy also exchanges through that proxy
 * (never the reverse: a proxied run never sends the App Secret around its proxy).
 */
export function useTransport(credentials: ICredentialDataDecryptedObject, transport: TransportOptions): void {
	stateOf(keysOf(credentials).fingerprint).transport = { ...transport, until: Date.now() + TRANSPORT_MEMORY_MS };
}

function refuseBaseUrl(raw: string, why: string): never {
	throw new SocialHubAuthError(`The credential's Base URL "${displayUrl(raw)}" ${why}`, 'refused');
}

/** The credential's Base URL without a trailing slash; refuses anything but a plain http(s) URL. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const raw = String(credentials.baseUrl ?? '').trim();
	let url: URL | undefined;
	try {
		url = new URL(raw);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		refuseBaseUrl(raw, `is not an http(s) URL. Set it to e.g. ${DEFAULT_BASE_URL}`);
	}
	if (url.username || url.password) {
		refuseBaseUrl(raw, 'contains a user name or password. Remove them: the App ID and App Secret are all SocialHub needs');
	}
	if (url.search || raw.includes('?')) {
		refuseBaseUrl(raw, `contains a query string ("?..."). Use only the address, e.g. ${DEFAULT_BASE_URL}`);
	}
	if (url.hash || raw.includes('#')) {
		refuseBaseUrl(raw, `contains a fragment ("#..."). Use only the address, e.g. ${DEFAULT_BASE_URL}`);
	}
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

interface Keys {
	baseUrl: string;
	fingerprint: string;
}

const keysMemo = new Map<string, Keys>();

/**
 * The Base URL and the fingerprint of (Base URL, App ID, App Secret). The fingerprint is an HMAC
 * keyed by the App Secret, so it never reveals the secret; n8n stores it as a password field.
 */
export function keysOf(credentials: ICredentialDataDecryptedObject): Keys {
	const memoKey = `${String(credentials.baseUrl)}\u0000${String(credentials.appId)}\u0000${String(credentials.appSecret)}`;
	let keys = keysMemo.get(memoKey);
	if (!keys) {
		const baseUrl = baseUrlOf(credentials);
		const fingerprint = `v1:${createHmac('sha256', String(credentials.appSecret ?? ''))
			.update(`socialhub-token\n${baseUrl}\n${String(credentials.appId ?? '')}`)
			.digest('base64url')}`;
		keys = { baseUrl, fingerprint };
		if (keysMemo.size >= 32) keysMemo.clear();
		keysMemo.set(memoKey, keys);
	}
	return keys;
}

interface CachedToken {
	accessToken: string;
	obtainedAt: number;
	expiresAt?: number;
}

interface KeyState {
	transport?: TransportOptions & { until: number };
	live?: CachedToken;
	inFlight?: Promise<CachedToken>;
	failure?: { error: SocialHubAuthError; until: number };
}

/** Per fingerprint: the newest token, the exchange under way, the last failure. */
const states = new Map<string, KeyState>();
/** Tokens SocialHub rejected (bounded; oldest forgotten first). */
const rejected = new Set<string>();
const MAX_REJECTED = 1000;
/** The token `authenticate` put on the request made with this credentials object. */
const sentWith = new WeakMap<object, string>();

function stateOf(fingerprint: string): KeyState {
	let state = states.get(fingerprint);
	if (!state) {
		if (states.size >= 100) states.delete(states.keys().next().value as string);
		state = {};
		states.set(fingerprint, state);
	}
	return state;
}

/** Remembers that SocialHub rejected `token`: this process never sends or hands it out again. */
export function markRejected(token: unknown): void {
	if (typeof token !== 'string' || token === '') return;
	if (rejected.size >= MAX_REJECTED) rejected.delete(rejected.values().next().value as string);
	rejected.add(token);
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

	const transport = state.transport && now < state.transport.until ? state.transport : undefined;
	const exchange = exchangeToken(sendWith(helpers), baseUrl, credentials, transport);
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

/** Forgets every cached token, rejection and failure (tests and benchmarks start cold). */
export function clearTokenCache(): void {
	states.clear();
	rejected.clear();
	keysMemo.clear();
	clearTokenTrials();
	clearGates();
}

/** SocialHub refused these keys: remembered longer than a transport failure. */
export class TokenRejectedError extends SocialHubAuthError {
	constructor(message: string) {
		super(message, 'refused');
	}
}

function lifetimeOf(data: Record<string, unknown>, now: number): number | undefined {
	const seconds = Number(data.expiresIn ?? data.expireIn);
	if (Number.isFinite(seconds) && seconds > 0) return now + seconds * 1000;
	const absolute = data.expireTime ?? data.expiresAt;
	if (absolute !== undefined) {
		const at = typeof absolute === 'number' ? absolute : Date.parse(String(absolute));
		if (Number.isFinite(at)) return at;
	}
	return undefined;
}

/** SocialHub's answer to a token request: status, headers and the parsed JSON body. */
export interface TokenResponse {
	statusCode?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

/** Sends the token request (n8n's `httpRequest`, or the credential test's legacy `request`). */
export type TokenSender = (options: IHttpRequestOptions) => Promise<TokenResponse>;

/** A TokenSender over n8n's `httpRequest` helper. */
export const sendWith =
	(helpers: IHttpRequestHelper['helpers']): TokenSender =>
	async (options) =>
		(await helpers.httpRequest(options)) as TokenResponse;

/**
 * Asks SocialHub for a token with the credential's App ID and App Secret. Returns the token and
 * its expiry (ms epoch, when SocialHub gave a lifetime); throws a SocialHubAuthError whose
 * message says why none was issued (TokenRejectedError for refused keys), never with a secret.
 */
export async function exchangeToken(
	send: TokenSender,
	baseUrl: string,
	credentials: ICredentialDataDecryptedObject,
	transport: TransportOptions | undefined,
): Promise<CachedToken> {
	const secrets = [credentials.appSecret];
	const at = displayUrl(baseUrl);
	if (!String(credentials.appId ?? '').trim() || !String(credentials.appSecret ?? '').trim()) {
		throw new TokenRejectedError(
			'The SocialHub credential has no App ID or App Secret. Fill both in the credential.',
		);
	}
	const timeout = Math.min(Number(transport?.timeout) || TOKEN_TIMEOUT_MS, TOKEN_TIMEOUT_MS);
	const sent = await attemptAsync(
		async () =>
			await send({
			method: 'POST',
			url: `${baseUrl}${TOKEN_PATH}`,
			headers: { 'Content-Type': 'application/json;charset=utf-8' },
			body: { appId: credentials.appId, appSecret: credentials.appSecret },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			maxRedirects: 0,
			timeout,
			...(transport?.proxy ? { proxy: transport.proxy } : {}),
			...(transport?.skipSslCertificateValidation ? { skipSslCertificateValidation: true } : {}),
		}),
	);
	if ('failed' in sent) {
		const why = networkFailure(sent.failed);
		throw new SocialHubAuthError(
			redact(
				`Could not reach SocialHub at ${at} to get an access token (${why === 'no answer in time' ? `no answer within ${Math.round(timeout / 1000)} s` : why})`,
				secrets,
			),
		);
	}
	const response = sent.value;

	const status = Number(response.statusCode ?? 200);
	const body = response.body;
	const said = envelopeMessage(body);
	const fail = (message: string, kind: FailureKind = 'refused'): never => {
		throw kind === 'refused' ? new TokenRejectedError(redact(message, secrets)) : new SocialHubAuthError(redact(message, secrets), kind);
	};
	const retryAfterMs = retryAfterOf(response.headers?.['retry-after'] ?? response.headers?.['Retry-After']);
	if (status === 429 || status === 503 || (status < 300 && isRateLimitAnswer(body))) {
		throw new SocialHubAuthError(
			redact(`SocialHub is limiting the request rate for access tokens (${status < 300 ? `code ${envelopeCode(body) ?? '(none)'}` : `HTTP ${status}`})${said ? `: ${said}` : ''}`, secrets),
			'throttled',
			retryAfterMs,
		);
	}
	if (status >= 300 && status < 400) {
		const location = response.headers?.location ?? response.headers?.Location;
		const target = originOf(location, `${baseUrl}/`) ?? 'another address';
		fail(
			`SocialHub's token endpoint at ${at} redirected the request (HTTP ${status}) to ${target}; the App ID and App Secret were not sent there. Set the Base URL to the address SocialHub answers at.`,
		);
	}
	if (status === 401 || status === 403) {
		fail(`SocialHub rejected the App ID and App Secret (HTTP ${status})${said ? `: ${said}` : ''}`);
	}
	if (status >= 500) {
		fail(
			`SocialHub's token service failed (HTTP ${status})${said ? `: ${said}` : ''}. No access token was issued; this is not a sign of a wrong App ID or App Secret. Try again later.`,
			'notSent',
		);
	}
	if (status >= 400) {
		fail(`SocialHub refused the token request (HTTP ${status})${said ? `: ${said}` : ''}. Check the Base URL.`);
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		const text = typeof body === 'string' ? body.replace(/\s+/g, ' ').trim().slice(0, 80) : JSON.stringify(body) ?? '';
		fail(
			`SocialHub's token endpoint at ${at} did not answer with SocialHub's JSON (HTTP ${status}: ${text || 'empty'}). Check the Base URL.`,
		);
	}
	const data = ((body as Record<string, unknown>).data ?? {}) as Record<string, unknown>;
	if (!isSuccessCode(body)) {
		fail(`SocialHub rejected the App ID and App Secret: ${said ?? 'no access token was issued'}`);
	}
	const token = data && typeof data === 'object' ? data.accessToken : undefined;
	if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) {
		fail(
			`SocialHub's token endpoint answered success but issued no usable access token (${typeof token === 'string' ? 'an empty or malformed one' : 'none'}). Check the Base URL.`,
		);
	}
	const now = Date.now();
	return { accessToken: token as string, obtainedAt: now, expiresAt: lifetimeOf(data, now) };
}
