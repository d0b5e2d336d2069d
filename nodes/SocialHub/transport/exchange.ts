import type { ICredentialDataDecryptedObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { attempt, attemptAsync } from '../shared/attempt';
import { decodeText, parseExactJson } from '../shared/exactJson';
import { envelopeCode, envelopeMessage, isSuccessCode } from './envelope';
import { SocialHubAuthError, networkFailure, type FailureKind } from './errors';
import { displayUrl, originOf, redact } from './redact';
import type { TransportOptions } from './requestOptions';
import { isRateLimitAnswer, retryAfterOf } from './throttling';

/**
 * The token exchange: `POST {Base URL}/v1/auth/token` with the App ID and App Secret
 * (../shared/socialhub-api.md). It never follows a redirect, honours the node's Request Options
 * and waits at most TOKEN_TIMEOUT_MS; every way it can fail is a SocialHubAuthError of a kind
 * (refused keys, a rate limit, nothing reached), its message never holding the secret.
 */

export const TOKEN_PATH = '/v1/auth/token';
/** The longest wait for the token endpoint (the credential test included): seconds, not minutes. */
export const TOKEN_TIMEOUT_MS = 15_000;
/** A token must be one header-safe word. */
export const TOKEN_SHAPE = /^[\x21-\x7e]+$/;

/** A token as this process holds it: `obtainedAt`, `expiresAt` in ms epoch (when SocialHub gave a lifetime). */
export interface CachedToken {
	accessToken: string;
	obtainedAt: number;
	expiresAt?: number;
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
	if (absolute === undefined || absolute === null) return undefined;
	const digits = typeof absolute === 'number' || /^\s*\d+\s*$/.test(String(absolute));
	let at = digits ? Number(absolute) : Date.parse(String(absolute));
	// socialhub-api.md names no unit: ten digits are seconds since the epoch (a Java back end's habit).
	if (digits && at < 1e12) at *= 1000;
	// A token that would already be expired on arrival says more about the clock than the token.
	return Number.isFinite(at) && at > now ? at : undefined;
}

/** The answer's body as JSON (read in its declared charset), or as text when it is not JSON. */
function readBody(response: TokenResponse): unknown {
	const { body } = response;
	if (!(body instanceof Uint8Array) && !(body instanceof ArrayBuffer)) return body;
	const headers = response.headers ?? {};
	const text = decodeText(body, headers['content-type'] ?? headers['Content-Type']);
	const parsed = attempt(() => parseExactJson(text));
	return 'failed' in parsed ? text : parsed.value;
}

/** SocialHub's answer to a token request: status, headers and the body (bytes or parsed JSON). */
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
			// The raw bytes, read in the charset the answer declares (SocialHub may answer in GBK).
			encoding: 'arraybuffer',
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
		// n8n's Allowed HTTP Request Domains refused the exchange: its own words say why.
		const refusal = String((sent.failed as Error)?.message ?? '');
		const said = refusal.search(/Domain not allowed/i);
		if (said >= 0) throw new SocialHubAuthError(redact(refusal.slice(said), secrets), 'refused');
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
	const body = readBody(response);
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
		// Redacted before it is cut short: a cut-off secret no longer matches any of its forms.
		const text = typeof body === 'string' ? redact(body.replace(/\s+/g, ' ').trim(), secrets).slice(0, 80) : JSON.stringify(body) ?? '';
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
