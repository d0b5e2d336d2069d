/** What a sandbox is started with, what it records and what it counts. */
import type { SandboxLimits } from './limits';
import type { ApplicationCounts } from './state';

export interface SandboxOptions extends SandboxLimits {
	appId?: string;
	appSecret?: string;
	/** Lifetime of issued tokens, in seconds (reported as `expiresIn`). */
	tokenTtlSeconds?: number;
	/** Answer a bad token with HTTP 200 and code 401 instead of HTTP 401. */
	rejectTokensInBody?: boolean;
	seed?: boolean;
	/** Further valid App ID / App Secret pairs (a second app of the same tenant). */
	extraApps?: Array<{ appId: string; appSecret: string }>;
	/** Answer every API call (token exchange included) this many ms late, like a distant server. */
	latencyMs?: number;
}

/** The options in force: every other option resolved to its value, the limits as set now. */
export type ResolvedOptions = Required<Omit<SandboxOptions, keyof SandboxLimits>> & SandboxLimits;

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	authorization?: string;
	contentType?: string;
	body?: unknown;
	rawBody: string;
	/** When it arrived, ms epoch. */
	at: number;
	/** When its answer was handed to the connection, ms epoch; absent until then (or if it never was). */
	answeredAt?: number;
	/** Answered as throttled by a limit: never carried out. */
	throttled?: boolean;
}

/** What `GET /__sandbox/stats` answers: counts since the last reset (requests: since the last clear). */
export interface SandboxStats extends ApplicationCounts {
	/** Token exchanges carried out (throttled ones not counted). */
	tokenCalls: number;
	/** API requests recorded, throttled ones included. */
	requests: number;
	/** API requests answered as throttled. */
	throttled: number;
	/** Connections reset beyond `resetBeyond`. */
	resetConnections: number;
	/** API requests being handled now. */
	inFlight: number;
	/** The most API requests handled at once. */
	maxInFlight: number;
}
