/**
 * Throttling as a gateway does it: a request beyond the limits is answered at once and never
 * reaches the API behind it, so it is never applied.
 */
import type { SandboxLimits } from './limits';

/** An admitted request (call `release` once its answer is written) or a throttled one. */
export type Admission = { release: () => void } | { retryAfterSeconds: number };

/** SocialHub's message for "too many requests, try again later". */
export const THROTTLE_MESSAGE = '请求过于频繁，请稍后再试';

/** Counts the API requests in flight and per second and decides which are throttled. */
export class Limiter {
	/** API requests being handled now. */
	inFlight = 0;
	/** The most API requests handled at once since the last clear. */
	maxInFlight = 0;
	/** Requests answered as throttled since the last clear. */
	throttled = 0;
	// When each request in flight started (ms epoch), for the Retry-After estimate.
	private starts = new Set<{ at: number }>();
	private window = 0;
	private admittedInWindow = 0;

	/** `limits` and `latencyMs` are read at each request, so a change applies to the next one. */
	constructor(
		private readonly limits: () => SandboxLimits,
		private readonly latencyMs: () => number,
	) {}

	/** Admits a request or throttles it; a token exchange is exempt when `limitTokenEndpoint` is false. */
	admit(tokenExchange: boolean): Admission {
		const limits = this.limits();
		if (tokenExchange && limits.limitTokenEndpoint === false) return { release: () => undefined };
		const now = Date.now();
		const window = Math.floor(now / 1000);
		if (window !== this.window) {
			this.window = window;
			this.admittedInWindow = 0;
		}
		if (limits.maxConcurrent !== undefined && this.inFlight >= limits.maxConcurrent) {
			const oldest = Math.min(...[...this.starts].map((start) => start.at));
			return this.throttle(oldest + this.latencyMs() - now);
		}
		if (limits.rateLimit !== undefined && this.admittedInWindow >= limits.rateLimit) {
			return this.throttle((window + 1) * 1000 - now);
		}
		this.admittedInWindow++;
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		const start = { at: now };
		this.starts.add(start);
		let released = false;
		return {
			release: () => {
				if (released) return;
				released = true;
				this.inFlight--;
				this.starts.delete(start);
			},
		};
	}

	/** Forgets the counts (not the requests in flight). */
	clear(): void {
		this.throttled = 0;
		this.maxInFlight = this.inFlight;
	}

	private throttle(msUntilFree: number): Admission {
		this.throttled++;
		return { retryAfterSeconds: Math.max(1, Math.ceil(msUntilFree / 1000)) };
	}
}

/** The Retry-After header for `seconds` from now as `setting` asks, or none. */
export function retryAfterHeader(setting: SandboxLimits['retryAfter'], seconds: number): Record<string, string> {
	if (setting === 'none') return {};
	if (setting === 'date') {
		// An HTTP-date has whole seconds: round up so it is never earlier than promised.
		return { 'Retry-After': new Date(Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000).toUTCString() };
	}
	return { 'Retry-After': String(setting ?? seconds) };
}

/** How a throttled request is answered under `limits`: status, headers and SocialHub's envelope. */
export function throttledAnswer(limits: SandboxLimits, retryAfterSeconds: number) {
	const status = limits.throttleInBody ? 200 : (limits.throttleStatus ?? 429);
	const code = limits.throttleCode ?? (limits.throttleInBody ? '429' : String(status));
	return {
		status,
		headers: retryAfterHeader(limits.retryAfter, retryAfterSeconds),
		body: { code, msg: THROTTLE_MESSAGE, data: null },
	};
}
