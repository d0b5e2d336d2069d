/**
 * A local stand-in for SocialHub's OpenAPI: the same paths, envelope, token rules and business
 * errors, with in-memory state, and a gateway's limits in front of it when asked. The tests, the
 * demo, the benchmark and `npm run dev` all use it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { adminAnswer } from './admin';
import { TOKEN_PATH, apiAnswer } from './api';
import { fail, readBody, writeJson } from './answer';
import { ConnectionGate } from './connections';
import { FaultBook, answerFault, faultStyle, passesThrough, type Fault } from './faults';
import { LIMIT_FIELDS, mergeLimits, pickLimits, type LimitsPatch, type SandboxLimits } from './limits';
import type { RecordedRequest, ResolvedOptions, SandboxOptions, SandboxStats } from './options';
import { SandboxState } from './state';
import { Limiter, throttledAnswer } from './throttle';

export type { Fault, LimitsPatch, RecordedRequest, ResolvedOptions, SandboxLimits, SandboxOptions, SandboxStats };

export const SANDBOX_APP_ID = 'sandbox-app';
export const SANDBOX_APP_SECRET = 'sandbox-secret-0123456789';

export class SocialHubSandbox {
	readonly options: ResolvedOptions;
	readonly requests: RecordedRequest[] = [];
	state: SandboxState;
	tokenCalls = 0;
	/** Every access token handed out, so tests can prove none leaks. */
	readonly issuedTokens: string[] = [];
	/** Which App ID each issued token belongs to. */
	readonly tokenApps = new Map<string, string>();
	private tokens = new Map<string, number>();
	private faults = new FaultBook();
	private readonly initialLimits: SandboxLimits;
	private readonly limiter = new Limiter(() => this.options, () => this.options.latencyMs);
	private readonly connections = new ConnectionGate(() => this.options.resetBeyond);
	private server?: http.Server;
	private hanging = new Set<http.ServerResponse>();
	url = '';

	/** Throws on a limit the sandbox does not take (see SandboxLimits). */
	constructor(options: SandboxOptions = {}) {
		this.initialLimits = mergeLimits({}, pickLimits(options));
		this.options = {
			appId: options.appId ?? SANDBOX_APP_ID,
			appSecret: options.appSecret ?? SANDBOX_APP_SECRET,
			tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
			rejectTokensInBody: options.rejectTokensInBody ?? false,
			seed: options.seed ?? true,
			extraApps: options.extraApps ?? [],
			latencyMs: options.latencyMs ?? 0,
			...this.initialLimits,
		};
		this.state = new SandboxState(this.options.seed, Boolean(this.options.bigIds));
	}

	async start(port = 0, host = '127.0.0.1'): Promise<string> {
		this.server = http.createServer((req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 5000;
		this.server.on('connection', (socket) => this.connections.arrive(socket));
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			// A burst of thousands of connections from one client waits in the backlog, not refused.
			this.server!.listen({ port, host, backlog: 8192 }, () => resolve());
		});
		const address = this.server.address() as AddressInfo;
		this.url = `http://${host}:${address.port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		for (const res of this.hanging) res.destroy();
		this.hanging.clear();
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	/** Forget requests, faults, tokens, counts and limits changed since construction; restore the seed data. */
	reset(): void {
		this.faults.clear();
		this.tokens.clear();
		this.issuedTokens.length = 0;
		this.tokenApps.clear();
		this.clearRequests();
		this.useLimits(this.initialLimits);
		this.state = new SandboxState(this.options.seed, Boolean(this.options.bigIds));
	}

	/** Forget the recorded requests and the request counts (token calls, throttled, resets, most in flight). */
	clearRequests(): void {
		this.requests.length = 0;
		this.tokenCalls = 0;
		this.limiter.clear();
		this.connections.resets = 0;
	}

	/** Throws on a fault without a path or with an unknown charset. */
	addFault(fault: Fault): void {
		this.faults.add(fault);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	/** Every issued token stops working (as if it expired). */
	expireTokens(): void {
		this.tokens.clear();
	}

	setRejectTokensInBody(value: boolean): void {
		this.options.rejectTokensInBody = value;
	}

	/** The limits in force. */
	limits(): SandboxLimits {
		return pickLimits(this.options);
	}

	/** Merges `patch` into the limits (null fields cleared; null or `{}` clears all) and returns them. Throws on a bad value. */
	setLimits(patch: LimitsPatch | null): SandboxLimits {
		return this.useLimits(mergeLimits(this.limits(), patch));
	}

	/** Counts since the last reset: requests, throttling, connections, Operation IDs. */
	stats(): SandboxStats {
		const { limiter } = this;
		return {
			tokenCalls: this.tokenCalls, requests: this.requests.length, throttled: limiter.throttled,
			resetConnections: this.connections.resets, inFlight: limiter.inFlight, maxInFlight: limiter.maxInFlight,
			...this.state.applications(),
		};
	}

	/** The recorded calls to SocialHub's API (token exchanges included, admin calls excluded). */
	apiRequests(path?: string): RecordedRequest[] {
		return this.requests.filter((r) => (path ? r.path.startsWith(path) : true));
	}

	private useLimits(limits: SandboxLimits): SandboxLimits {
		for (const name of LIMIT_FIELDS) delete this.options[name];
		Object.assign(this.options, limits);
		this.state.bigIds = Boolean(limits.bigIds);
		return limits;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const method = req.method ?? 'GET';
		if (url.pathname.startsWith('/__sandbox/')) {
			const answer = adminAnswer(this, method, url.pathname, await readBody(req));
			return writeJson(res, answer.status, answer.body);
		}
		if (this.connections.resetIfRefused(req.socket)) return;
		const admission = this.limiter.admit(url.pathname === TOKEN_PATH);
		if ('release' in admission) res.once('close', admission.release);
		const rawBody = await readBody(req);
		let body: unknown;
		let parsed = true;
		try {
			body = rawBody ? JSON.parse(rawBody) : undefined;
		} catch {
			parsed = false;
		}
		const { authorization, 'content-type': contentType } = req.headers;
		const query = Object.fromEntries(url.searchParams);
		const record: RecordedRequest = { method, path: url.pathname, query, authorization, contentType, body, rawBody, at: Date.now() };
		this.requests.push(record);
		res.once('finish', () => (record.answeredAt = Date.now()));
		if ('retryAfterSeconds' in admission) {
			record.throttled = true;
			const answer = throttledAnswer(this.options, admission.retryAfterSeconds);
			return writeJson(res, answer.status, answer.body, { headers: answer.headers });
		}
		if (this.options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));

		const fault = this.faults.match(method, url.pathname);
		if (fault && !passesThrough(fault)) {
			if (fault.applyFirst && parsed && this.tokens.has(authorization ?? '')) this.state.route(method, url.pathname, query, body);
			return answerFault(fault, req, res, rawBody, this.hanging);
		}
		const answer = parsed ? apiAnswer(this, this.tokens, record) : { status: 400, body: fail(400, 'Request body is not valid JSON') };
		writeJson(res, fault?.status ?? answer.status, fault?.body ?? answer.body, fault ? faultStyle(fault) : {});
	}
}
