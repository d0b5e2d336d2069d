/**
 * Request Options and the Base URL: the token exchange honours the node's Request Options (Proxy,
 * Ignore SSL Issues, Timeout), and a Base URL with a query, fragment or user info is refused
 * without ever being printed with its password.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { resetProcessState } from '../../nodes/SocialHub/shared/processState';
import { SocialHubSandbox } from '../../sandbox/server';
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters } from '../support/fixture';
import { HostileServer, newEngine, ok } from '../support/hostile';

const sandbox = new SocialHubSandbox();

/** A plain forward proxy: records each request line and relays it to its absolute URL. */
const proxied: string[] = [];
const proxy = http.createServer((req, res) => {
	proxied.push(`${req.method} ${req.url}`);
	const upstream = http.request(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
		res.writeHead(answer.statusCode ?? 502, answer.headers);
		answer.pipe(res);
	});
	upstream.on('error', () => {
		res.writeHead(502);
		res.end();
	});
	req.pipe(upstream);
});
let proxyUrl = '';

/** An https SocialHub stand-in with a self-signed certificate. */
let tlsServer: https.Server | undefined;
let tlsUrl = '';
const tlsSeen: string[] = [];

beforeAll(async () => {
	await sandbox.start();
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
	proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
	const dir = mkdtempSync(join(tmpdir(), 'socialhub-tls-'));
	execFileSync('openssl', [
		'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
		'-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
	], { stdio: 'ignore' });
	tlsServer = https.createServer(
		{ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
		(req, res) => {
			tlsSeen.push(`${req.method} ${req.url}`);
			req.resume();
			const body = req.url === '/v1/auth/token' ? ok({ accessToken: 'tok-tls', expiresIn: 7200 }) : ok({ cardNo: 'M0001' });
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
		},
	);
	await new Promise<void>((resolve) => tlsServer!.listen(0, '127.0.0.1', () => resolve()));
	tlsUrl = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await sandbox.stop();
	proxy.closeAllConnections();
	await new Promise((resolve) => proxy.close(resolve));
	tlsServer?.closeAllConnections();
	await new Promise((resolve) => tlsServer?.close(resolve));
});
beforeEach(() => {
	sandbox.reset();
	proxied.length = 0;
	tlsSeen.length = 0;
	resetProcessState();
});

const keys = () => ({ baseUrl: sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });

describe('the token exchange honours Request Options', () => {
	it('Proxy: the exchange (App Secret included) goes through the proxy like the API call', async () => {
		const engine = newEngine();
		engine.setCredential(keys());
		const { error } = await engine.run(adjustParameters({ requestOptions: { proxy: proxyUrl } }));
		expect(error).toBeUndefined();
		expect(proxied).toEqual([`POST ${sandbox.url}/v1/auth/token`, `POST ${sandbox.url}/v1/points/adjustment`]);
	});

	it('Proxy: a renewal after a revoked token goes through the proxy too', async () => {
		const engine = newEngine();
		engine.setCredential(keys());
		await engine.run(adjustParameters({ operationId: 'p1' }));
		sandbox.expireTokens();
		resetProcessState();
		proxied.length = 0;
		sandbox.requests.length = 0;
		const { error } = await engine.run(adjustParameters({ operationId: 'p2', requestOptions: { proxy: proxyUrl } }));
		expect(error).toBeUndefined();
		expect(proxied.filter((line) => line.endsWith('/v1/auth/token'))).toHaveLength(1);
		expect(sandbox.requests.filter((r) => r.path === '/v1/auth/token')).toHaveLength(1);
	});

	it('Ignore SSL Issues: on, a self-signed SocialHub works for the exchange and the call', async () => {
		const engine = newEngine();
		engine.setCredential({ baseUrl: tlsUrl, appId: 'app', appSecret: 'secret-tls-1' });
		const { error, items } = await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001', requestOptions: { allowUnauthorizedCerts: true } });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ cardNo: 'M0001' });
		expect(tlsSeen).toEqual(['POST /v1/auth/token', 'GET /v1/member/M0001']);
	});

	it('Ignore SSL Issues: off, the exchange refuses the certificate and nothing is sent', async () => {
		const engine = newEngine();
		engine.setCredential({ baseUrl: tlsUrl, appId: 'app', appSecret: 'secret-tls-1' });
		const { error } = await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		expect(error?.message).toContain('Could not reach SocialHub');
		expect(tlsSeen).toEqual([]);
	});

	it.each([500, 1500])('Timeout %d ms: a silent token endpoint fails after about that long', async (timeout) => {
		const silent = await new HostileServer(() => ({ hang: true })).start();
		const engine = newEngine();
		engine.setCredential({ baseUrl: silent.url, appId: 'app', appSecret: 'secret-123456' });
		const started = Date.now();
		const { error } = await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001', requestOptions: { timeout } });
		const waited = Date.now() - started;
		await silent.stop();
		expect(error?.message).toContain(`no answer within ${Math.round(timeout / 1000)} s`);
		expect(waited).toBeGreaterThanOrEqual(timeout - 50);
		expect(waited).toBeLessThan(timeout + 3000);
	});
});

describe('Base URL hygiene', () => {
	it.each([
		['a query string', (url: string) => `${url}?x=1`, 'contains a query string'],
		['an empty query string', (url: string) => `${url}?`, 'contains a query string'],
		['a fragment', (url: string) => `${url}#top`, 'contains a fragment'],
		['user and password', (url: string) => url.replace('http://', 'http://admin:hunter2pass@'), 'contains a user name or password'],
		['a user name only', (url: string) => url.replace('http://', 'http://admin@'), 'contains a user name or password'],
		['not http(s)', () => 'ftp://files.example.com', 'is not an http(s) URL'],
		['javascript:', () => 'javascript:alert(1)', 'is not an http(s) URL'],
	])('%s → refused before any request, naming the field, never printing a password', async (_what, make, expected) => {
		const engine = newEngine();
		engine.setCredential({ ...keys(), baseUrl: make(sandbox.url) });
		const { error } = await engine.run(adjustParameters());
		expect(error?.message).toContain("The credential's Base URL");
		expect(error?.message).toContain(expected);
		expect(JSON.stringify(error)).not.toContain('hunter2pass');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('the credential test refuses them too, before sending anything', async () => {
		const result = await newEngine().testCredential({ ...keys(), baseUrl: `${sandbox.url.replace('http://', 'http://u:hunter2pass@')}?x=1` });
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('hunter2pass');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a path (e.g. /openapi-prod) is kept; requests go below it', async () => {
		const server = await new HostileServer((request) =>
			request.path.endsWith('/v1/auth/token') ? { body: ok({ accessToken: 'tok-p', expiresIn: 60 }) } : { body: ok({}) },
		).start();
		const engine = newEngine();
		engine.setCredential({ baseUrl: `${server.url}/openapi-prod/`, appId: 'a', appSecret: 'secret-123456' });
		await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		await server.stop();
		expect(server.received.map((r) => r.url)).toEqual(['/openapi-prod/v1/auth/token', '/openapi-prod/v1/member/M0001']);
	});
});
