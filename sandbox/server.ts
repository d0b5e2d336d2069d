/**
 * A local stand-in for SocialHub's OpenAPI: the same paths, envelope, token rules and business
 * errors, with in-memory state. The tests, the demo, the benchmark and `npm run dev` all use it.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { SandboxState, type Json } from './state';

export interface SandboxOptions {
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

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	authorization?: string;
	contentType?: string;
	body?: unknown;
	rawBody: string;
	at: number;
}

export interface Fault {
	/** Matches requests whose path starts with this. */
	path: string;
	method?: string;
	/** Let this many matching requests through first. */
	skip?: number;
	/** How many matching requests fail (default 1; Infinity for all). */
	times?: number;
	status?: number;
	body?: unknown;
	/** Accept the connection and never answer. */
	hang?: boolean;
	/** Answer HTTP 200 with a body that is not JSON. */
	malformed?: boolean;
	/** Close the connection without answering. */
	drop?: boolean;
	/** Echo the request (headers and body) back in the error message, as some gateways do. */
	echo?: boolean;
	/** Carry the request out, then answer with the fault anyway (a lost response). */
	applyFirst?: boolean;
}

export const SANDBOX_APP_ID = 'sandbox-app';
export const SANDBOX_APP_SECRET = 'sandbox-secret-0123456789';

const ok = (data: unknown) => ({ code: '200', msg: 'success', data });
const fail = (code: number | string, msg: string) => ({ code: String(code), msg, data: null });

export class SocialHubSandbox {
	readonly options: Required<SandboxOptions>;
	readonly requests: RecordedRequest[] = [];
	state: SandboxState;
	tokenCalls = 0;
	/** Every access token handed out, so tests can prove none leaks. */
	readonly issuedTokens: string[] = [];
	/** Which App ID each issued token belongs to. */
	readonly tokenApps = new Map<string, string>();
	private tokens = new Map<string, number>();
	private faults: Array<Fault & { seen: number; used: number }> = [];
	private server?: http.Server;
	private hanging = new Set<http.ServerResponse>();
	url = '';

	constructor(options: SandboxOptions = {}) {
		this.options = {
			appId: options.appId ?? SANDBOX_APP_ID,
			appSecret: options.appSecret ?? SANDBOX_APP_SECRET,
			tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
			rejectTokensInBody: options.rejectTokensInBody ?? false,
			seed: options.seed ?? true,
			extraApps: options.extraApps ?? [],
			latencyMs: options.latencyMs ?? 0,
		};
		this.state = new SandboxState(this.options.seed);
	}

	async start(port = 0, host = '127.0.0.1'): Promise<string> {
		this.server = http.createServer((req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 5000;
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, host, () => resolve());
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

	/** Forget requests, faults and tokens; restore the seed data. */
	reset(): void {
		this.requests.length = 0;
		this.faults = [];
		this.tokens.clear();
		this.tokenCalls = 0;
		this.issuedTokens.length = 0;
		this.tokenApps.clear();
		this.state = new SandboxState(this.options.seed);
	}

	addFault(fault: Fault): void {
		this.faults.push({ ...fault, seen: 0, used: 0 });
	}

	clearFaults(): void {
		this.faults = [];
	}

	/** Every issued token stops working (as if it expired). */
	expireTokens(): void {
		this.tokens.clear();
	}

	setRejectTokensInBody(value: boolean): void {
		this.options.rejectTokensInBody = value;
	}

	/** The recorded calls to SocialHub's API (token exchanges included, admin calls excluded). */
	apiRequests(path?: string): RecordedRequest[] {
		return this.requests.filter((r) => (path ? r.path.startsWith(path) : true));
	}

	private matchFault(method: string, path: string) {
		for (const fault of this.faults) {
			if (!path.startsWith(fault.path)) continue;
			if (fault.method && fault.method !== method) continue;
			fault.seen++;
			if (fault.seen <= (fault.skip ?? 0)) continue;
			if (fault.used >= (fault.times ?? 1)) continue;
			fault.used++;
			return fault;
		}
		return undefined;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const method = req.method ?? 'GET';
		const send = (status: number, body: unknown) => {
			const text = JSON.stringify(body);
			res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8' });
			res.end(text);
		};

		if (url.pathname.startsWith('/__sandbox/')) {
			return this.admin(method, url.pathname, rawBody, send);
		}

		let body: unknown;
		let parseError = false;
		if (rawBody) {
			try {
				body = JSON.parse(rawBody);
			} catch {
				parseError = true;
			}
		}
		const record: RecordedRequest = {
			method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			authorization: req.headers.authorization,
			contentType: req.headers['content-type'],
			body,
			rawBody,
			at: Date.now(),
		};
		this.requests.push(record);
		if (this.options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));

		const fault = this.matchFault(method, url.pathname);
		if (fault?.applyFirst && !parseError && this.tokens.has(req.headers.authorization ?? '')) {
			this.state.route(method, url.pathname, record.query, body);
		}
		if (fault) {
			if (fault.hang) {
				this.hanging.add(res);
				res.on('close', () => this.hanging.delete(res));
				return;
			}
			if (fault.drop) return req.socket.destroy();
			if (fault.malformed) {
				res.writeHead(200, { 'Content-Type': 'application/json' });
				return res.end('{"code": "200", "data": {oops');
			}
			if (fault.echo) {
				return send(fault.status ?? 200, {
					code: '500',
					msg: `Gateway error for request ${JSON.stringify({ headers: req.headers, body: rawBody })}`,
				});
			}
			return send(fault.status ?? 500, fault.body ?? fail(fault.status ?? 500, `Injected HTTP ${fault.status ?? 500}`));
		}

		if (parseError) return send(400, fail(400, 'Request body is not valid JSON'));

		if (url.pathname === '/v1/auth/token' && method === 'POST') {
			this.tokenCalls++;
			const { appId, appSecret } = (body ?? {}) as Json;
			const apps = [{ appId: this.options.appId, appSecret: this.options.appSecret }, ...this.options.extraApps];
			if (!apps.some((app) => app.appId === appId && app.appSecret === appSecret)) {
				return send(200, fail(40001, 'Invalid appId or appSecret'));
			}
			const accessToken = `tok-${randomUUID()}`;
			this.issuedTokens.push(accessToken);
			this.tokenApps.set(accessToken, String(appId));
			this.tokens.set(accessToken, Date.now() + this.options.tokenTtlSeconds * 1000);
			return send(200, ok({ accessToken, refreshToken: `ref-${randomUUID()}`, expiresIn: this.options.tokenTtlSeconds }));
		}

		const token = req.headers.authorization ?? '';
		const expiresAt = this.tokens.get(token);
		if (expiresAt === undefined || expiresAt < Date.now()) {
			const answer = fail(401, token.startsWith('Bearer ') ? 'Token must be sent without "Bearer "' : 'Access token is invalid or expired');
			return send(this.options.rejectTokensInBody ? 200 : 401, answer);
		}
		if (method !== 'GET' && !String(req.headers['content-type'] ?? '').includes('application/json')) {
			return send(200, fail(415, 'Content-Type must be application/json'));
		}

		const result = this.state.route(method, url.pathname, record.query, body);
		if (!result) return send(404, fail(404, `No such endpoint: ${method} ${url.pathname}`));
		return send(200, 'error' in result ? fail(result.error[0], result.error[1]) : ok(result.data));
	}

	private admin(method: string, path: string, rawBody: string, send: (status: number, body: unknown) => void) {
		const body = rawBody ? (JSON.parse(rawBody) as Json) : {};
		switch (`${method} ${path}`) {
			case 'GET /__sandbox/requests':
				return send(200, this.requests);
			case 'GET /__sandbox/state':
				return send(200, this.state.snapshot());
			case 'POST /__sandbox/reset':
				this.reset();
				return send(200, { ok: true });
			case 'POST /__sandbox/faults':
				this.addFault(body as unknown as Fault);
				return send(200, { ok: true });
			case 'POST /__sandbox/expire-tokens':
				this.expireTokens();
				return send(200, { ok: true });
			case 'POST /__sandbox/seed-records': {
				const accountCode = String(body.accountCode ?? 'PA0001');
				if (!this.state.accounts.has(accountCode)) {
					this.state.accounts.set(accountCode, { accountCode, cardNo: `card-${accountCode}`, pointsGroupCode: 'PG01', balance: 0 });
				}
				this.state.seedRecords(accountCode, Number(body.count ?? 0));
				return send(200, { ok: true });
			}
			case 'POST /__sandbox/clear-requests':
				this.requests.length = 0;
				this.tokenCalls = 0;
				return send(200, { ok: true });
			case 'GET /__sandbox/stats':
				return send(200, { tokenCalls: this.tokenCalls, requests: this.requests.length });
			default:
				return send(404, { error: 'unknown admin call' });
		}
	}
}
