/**
 * Another origin for the credential's origin checks: a plain HTTP server on 127.0.0.1 that records
 * every connection and every request it receives (headers and body), and answers 200. A request
 * the credential refused must never show up here.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CollectedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

export class Collector {
	readonly requests: CollectedRequest[] = [];
	/** Counted apart from requests: a connection that sends nothing is still a leak's first step. */
	connections = 0;
	private server: Server | undefined;
	url = '';

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const body = Buffer.concat(chunks).toString('utf8');
				this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end('{"collected":true}');
			});
		});
		this.server.on('connection', () => this.connections++);
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.url;
	}

	/** What it received, for a check's detail; empty when nothing came. */
	summary(): string {
		if (this.connections === 0) return 'nothing received';
		const seen = this.requests.map((request) => `${request.method} ${request.url}`).join(', ');
		return `${this.connections} connection(s), ${this.requests.length} request(s): ${seen}`;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}
