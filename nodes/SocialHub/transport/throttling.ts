import { envelopeCode, envelopeMessage } from './envelope';

/**
 * How SocialHub (or the gateway in front of it) says "too many requests": HTTP 429, HTTP 503 on
 * overload, or HTTP 200 with a rate-limit code (429, 10029) and a message such as "请求过于频繁，
 * 请稍后再试" (../shared/socialhub-api.md, "What a real deployment may also answer"). A throttled
 * request was not applied.
 */

/** Business codes gateways of this kind use for a rate limit. */
const RATE_LIMIT_CODES = new Set(['429', '10029']);
const RATE_LIMIT_WORDS = /请求过于频繁|请求太频繁|访问过于频繁|限流|too many requests|rate limit/i;

/** Whether an HTTP 200 envelope is a rate-limit refusal rather than a business refusal. */
export function isRateLimitAnswer(body: unknown): boolean {
	if (!body || typeof body !== 'object') return false;
	const code = envelopeCode(body);
	if (code !== undefined && RATE_LIMIT_CODES.has(code)) return true;
	return code !== '200' && RATE_LIMIT_WORDS.test(envelopeMessage(body) ?? '');
}

/** The longest single wait a Retry-After may ask for; longer asks are cut to this. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * A Retry-After header (delay-seconds or an HTTP-date) in ms, at most MAX_RETRY_AFTER_MS;
 * undefined when absent or unreadable.
 */
export function retryAfterOf(value: unknown, now = Date.now()): number | undefined {
	const text = Array.isArray(value) ? String(value[0]) : typeof value === 'string' || typeof value === 'number' ? String(value) : '';
	if (text.trim() === '') return undefined;
	let ms: number;
	if (/^\s*\d+(\.\d+)?\s*$/.test(text)) ms = Number(text) * 1000;
	else {
		const at = Date.parse(text);
		if (!Number.isFinite(at)) return undefined;
		ms = at - now;
	}
	return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/**
 * The wait before the `attempt`-th retry of a throttled request (from 1) when SocialHub named
 * none: 0.5 s doubling to at most 30 s, with ±20 % jitter so refused requests do not return together.
 */
export function backoffMs(attempt: number): number {
	const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1));
	return Math.round(base * (0.8 + Math.random() * 0.4));
}
