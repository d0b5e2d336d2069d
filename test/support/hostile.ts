/**
 * Small misbehaving HTTP servers on 127.0.0.1 (port 0) for the hardening tests: each records
 * what it received and answers through a handler the test gives it (redirecting, echoing,
 * never answering, ignoring pageNo...).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { SocialHubApi } from '../../credentials/SocialHubApi.credentials';
import { SocialHubEngine } from '../../harness/engine';
import { SocialHub } from '../../nodes/SocialHub/SocialHub.node';

export interface Received {
	method: string;
	path: string;
	url: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	authorization?: string;
	body: unknown;
	rawBody: string;
}

export interface Reply {
	status?: number;
	headers?: Record<string, string>;
	/** JSON-encoded unless it is a string. */
	body?: unknown;
	/** Never answer (the connection stays open until the server stops). */
	hang?: boolean;
}

export type Handler = (request: Received) => Reply | Promise<Reply>;

export const ok = (data: unknown) => ({ code: '200', msg: 'success', data });

export class HostileServer {
	readonly received: Received[] = [];
	url = '';
	private server?: http.Server;
	private readonly open = new Set<http.ServerResponse>();

	constructor(public handler: Handler) {}

	async start(): Promise<this> {
		this.server = http.createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		for (const res of this.open) res.destroy();
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
	}

	requests(path?: string): Received[] {
		return this.received.filter((r) => (path ? r.path.startsWith(path) : true));
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://hostile');
		let body: unknown = rawBody;
		try {
			body = rawBody ? JSON.parse(rawBody) : undefined;
		} catch {
			// Kept as text.
		}
		const received: Received = {
			method: req.method ?? 'GET',
			path: url.pathname,
			url: req.url ?? '/',
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			authorization: req.headers.authorization,
			body,
			rawBody,
		};
		this.received.push(received);
		const reply = await this.handler(received);
		if (reply.hang) {
			this.open.add(res);
			res.on('close', () => this.open.delete(res));
			return;
		}
		const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? ok(null));
		res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json;charset=utf-8', ...reply.headers });
		res.end(text);
	}
}

/** A token endpoint that issues `tok-<n>` for any keys, then `api` for everything else. */
export function tokenThen(api: Handler): Handler {
	let issued = 0;
	return (request) => {
		if (request.path === '/v1/auth/token') return { body: ok({ accessToken: `tok-h${++issued}`, expiresIn: 7200 }) };
		return api(request);
	};
}

export function newEngine(): SocialHubEngine {
	return new SocialHubEngine(SocialHub, SocialHubApi);
}

/** Starts servers before all tests of the file and stops them after. */
export function useServers<T extends Record<string, Handler>>(handlers: T) {
	const servers = {} as { [K in keyof T]: HostileServer };
	beforeAll(async () => {
		for (const [name, handler] of Object.entries(handlers)) {
			servers[name as keyof T] = await new HostileServer(handler).start();
		}
	});
	beforeEach(() => {
		for (const server of Object.values(servers) as HostileServer[]) server.received.length = 0;
	});
	afterAll(async () => {
		for (const server of Object.values(servers) as HostileServer[]) await server.stop();
	});
	return servers;
}
