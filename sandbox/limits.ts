/**
 * The limits a SocialHub gateway puts on a client, as settings: what they are, how a change is
 * merged in, how they read at the CLI's start. Throttling itself is in throttle.ts.
 */

/**
 * Limits on API calls (never on /__sandbox/* admin calls) and how a throttled call is answered.
 * Unset fields: no limit, default answer. `bigIds` rides along: it changes how record IDs are written.
 */
export interface SandboxLimits {
	/** At most this many API requests handled at once (a request holds its slot until its answer is written or its connection closes). */
	maxConcurrent?: number;
	/** At most this many API requests admitted per second: fixed one-second windows aligned to the clock, not a token bucket. */
	rateLimit?: number;
	/** Retry-After of a throttled answer: whole seconds, 'none' (no header) or 'date' (an HTTP-date); unset: the seconds until a slot is expected to free, at least 1. */
	retryAfter?: number | 'none' | 'date';
	/** HTTP status of a throttled answer; default 429. */
	throttleStatus?: number;
	/** Answer a throttled request with HTTP 200 and the rate-limit code in SocialHub's envelope. */
	throttleInBody?: boolean;
	/** The envelope's `code` in a throttled answer, sent as given; default '429' in the body, else the HTTP status as a string. */
	throttleCode?: string | number;
	/** Connections beyond this many open ones are reset (closed without an answer) at their first API request. */
	resetBeyond?: number;
	/** false: token exchanges (`/v1/auth/token`) are neither limited nor counted in flight; default true. */
	limitTokenEndpoint?: boolean;
	/** Write record IDs as JSON numbers beyond 2^53 (a Java Long), e.g. `"recordId": 7615917337495251231`. */
	bigIds?: boolean;
}

/** A change to the limits: a field set to null is cleared. */
export type LimitsPatch = { [Name in keyof SandboxLimits]?: SandboxLimits[Name] | null };

const whole = (min: number) => (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= min;
const flag = (value: unknown) => typeof value === 'boolean';

const RULES: Record<keyof SandboxLimits, [(value: unknown) => boolean, string]> = {
	maxConcurrent: [whole(1), 'a whole number ≥ 1'],
	rateLimit: [whole(1), 'a whole number ≥ 1 (requests per second)'],
	retryAfter: [(value) => whole(0)(value) || value === 'none' || value === 'date', 'whole seconds ≥ 0, "none" or "date"'],
	throttleStatus: [(value) => whole(100)(value) && (value as number) <= 599, 'an HTTP status (100-599)'],
	throttleInBody: [flag, 'true or false'],
	throttleCode: [(value) => typeof value === 'string' || whole(0)(value), 'a string or a whole number'],
	resetBeyond: [whole(0), 'a whole number ≥ 0 (open connections)'],
	limitTokenEndpoint: [flag, 'true or false'],
	bigIds: [flag, 'true or false'],
};

/** The names `SandboxLimits` knows. */
export const LIMIT_FIELDS = Object.keys(RULES) as Array<keyof SandboxLimits>;

/**
 * `current` with `patch` applied: a field set to null is cleared; a null patch or `{}` clears
 * them all. Throws on an unknown field or a value the field does not take.
 */
export function mergeLimits(current: SandboxLimits, patch: unknown): SandboxLimits {
	if (patch === null || patch === undefined) return {};
	if (typeof patch !== 'object' || Array.isArray(patch)) throw new Error('Limits must be a JSON object');
	const entries = Object.entries(patch);
	if (entries.length === 0) return {};
	const merged: Record<string, unknown> = { ...current };
	for (const [name, value] of entries) {
		const rule = RULES[name as keyof SandboxLimits];
		if (!rule) throw new Error(`Unknown limit "${name}"; known: ${LIMIT_FIELDS.join(', ')}`);
		if (value === null || value === undefined) delete merged[name];
		else if (!rule[0](value)) throw new Error(`${name} must be ${rule[1]}, not ${JSON.stringify(value)}`);
		else merged[name] = value;
	}
	return merged as SandboxLimits;
}

/** Only the limit fields of `options`, those that are set. */
export function pickLimits(options: SandboxLimits): SandboxLimits {
	const picked: Record<string, unknown> = {};
	for (const name of LIMIT_FIELDS) if (options[name] !== undefined) picked[name] = options[name];
	return picked as SandboxLimits;
}

/** One line saying which limits are active, for the CLI's start. */
export function describeLimits(limits: SandboxLimits): string {
	const parts: string[] = [];
	if (limits.maxConcurrent !== undefined) parts.push(`at most ${limits.maxConcurrent} requests at once`);
	if (limits.rateLimit !== undefined) parts.push(`${limits.rateLimit} requests per second (1-second windows)`);
	if (parts.length > 0) {
		const answer = limits.throttleInBody ? 'HTTP 200' : `HTTP ${limits.throttleStatus ?? 429}`;
		const code = limits.throttleCode ?? (limits.throttleInBody ? '429' : String(limits.throttleStatus ?? 429));
		const retry = limits.retryAfter ?? 'seconds until a slot frees';
		parts.push(`beyond: ${answer}, code ${code}, Retry-After ${retry}`);
		if (limits.limitTokenEndpoint === false) parts.push('token endpoint not limited');
	}
	if (limits.resetBeyond !== undefined) parts.push(`connections beyond ${limits.resetBeyond} reset`);
	if (limits.bigIds) parts.push('record IDs as 64-bit JSON numbers');
	return `Limits: ${parts.length > 0 ? parts.join('; ') : 'none'}.`;
}
