import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { DEFAULT_BASE_URL } from './constants';
import { envelopeMessage, isSuccessCode, redact } from './envelope';
import { SocialHubAuthError, networkFailure } from './errors';

/** How long a token just obtained is handed to other items that ask for one. */
const REUSE_WINDOW_MS = 10_000;
const TOKEN_TIMEOUT_MS = 30_000;

/** The credential's Base URL without a trailing slash; refuses anything but http(s). */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const raw = String(credentials.baseUrl ?? '').trim();
	let url: URL | undefined;
	try {
		url = new URL(raw);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new SocialHubAuthError(
			`The credential's Base URL "${raw}" is not an http(s) URL. Set it to e.g. ${DEFAULT_BASE_URL}`,
		);
	}
	return raw.replace(/\/+$/, '');
}

interface CachedToken {
	accessToken: string;
	obtainedAt: number;
	expiresAt?: number;
}

interface CacheEntry {
	inFlight?: Promise<CachedToken>;
	settled?: CachedToken;
}

/**
 * n8n starts every item's request at once, and with an empty token each item asks for one.
 * Items of one credential share a single exchange, and a token obtained moments ago is reused,
 * unless it is the very token SocialHub just rejected.
 */
const cache = new Map<string, CacheEntry>();

function cacheKey(baseUrl: string, credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update(`${baseUrl}\n${String(credentials.appId)}\n${String(credentials.appSecret)}`)
		.digest('hex');
}

function isFresh(token: CachedToken, rejected: unknown, now: number): boolean {
	if (token.accessToken === rejected) return false;
	if (token.expiresAt !== undefined && now >= token.expiresAt) return false;
	return now - token.obtainedAt < REUSE_WINDOW_MS;
}

export async function getAccessToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const baseUrl = baseUrlOf(credentials);
	const key = cacheKey(baseUrl, credentials);
	const entry = cache.get(key) ?? {};
	cache.set(key, entry);

	if (entry.inFlight) return (await entry.inFlight).accessToken;
	if (entry.settled && isFresh(entry.settled, credentials.accessToken, Date.now())) {
		return entry.settled.accessToken;
	}

	const exchange = exchangeToken(helpers, baseUrl, credentials);
	entry.inFlight = exchange;
	try {
		entry.settled = await exchange;
		return entry.settled.accessToken;
	} finally {
		entry.inFlight = undefined;
	}
}

/**
 * Tokens SocialHub rejected with HTTP 200 and code 401 in the body, and what replaced them.
 * n8n renews a credential's token only after an HTTP 401 status, so for such deployments the
 * node renews it itself; `authenticate` then sends the replacement instead of the stored token.
 */
const replacements = new Map<string, string>();

export function tokenToSend(stored: unknown): string {
	const token = String(stored ?? '');
	return replacements.get(token) ?? token;
}

export async function renewRejectedToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
	rejected: string,
): Promise<void> {
	const fresh = await getAccessToken(helpers, { ...credentials, accessToken: rejected });
	if (replacements.size >= 100) replacements.clear();
	replacements.set(rejected, fresh);
	replacements.set(String(credentials.accessToken ?? ''), fresh);
}

/** Forgets every cached token (tests and benchmarks start cold). */
export function clearTokenCache(): void {
	cache.clear();
	replacements.clear();
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

async function exchangeToken(
	helpers: IHttpRequestHelper['helpers'],
	baseUrl: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<CachedToken> {
	const secrets = [credentials.appSecret];
	if (!String(credentials.appId ?? '').trim() || !String(credentials.appSecret ?? '').trim()) {
		throw new SocialHubAuthError(
			'The SocialHub credential has no App ID or App Secret. Fill both in the credential.',
		);
	}
	let response: { statusCode?: number; body?: unknown };
	try {
		response = (await helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/v1/auth/token`,
			headers: { 'Content-Type': 'application/json;charset=utf-8' },
			body: { appId: credentials.appId, appSecret: credentials.appSecret },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: TOKEN_TIMEOUT_MS,
		})) as { statusCode?: number; body?: unknown };
	} catch (error) {
		throw new SocialHubAuthError(
			redact(
				`Could not reach SocialHub at ${baseUrl} to get an access token (${networkFailure(error)})`,
				secrets,
			),
		);
	}

	const body = response.body as Record<string, unknown> | undefined;
	const data = (body?.data ?? {}) as Record<string, unknown>;
	const status = response.statusCode ?? 200;
	if (status >= 200 && status < 300 && isSuccessCode(body) && typeof data.accessToken === 'string') {
		const now = Date.now();
		return { accessToken: data.accessToken, obtainedAt: now, expiresAt: lifetimeOf(data, now) };
	}
	const said = envelopeMessage(body) ?? (status >= 300 ? `HTTP ${status}` : 'no access token');
	throw new SocialHubAuthError(
		redact(`SocialHub rejected the App ID and App Secret: ${said}`, secrets),
	);
}
