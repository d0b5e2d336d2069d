/**
 * The SocialHub credential authenticates only requests to its Base URL's origin, whoever makes
 * them: a stand-in for n8n's HTTP Request node (Custom API Call) calls n8n's own request helpers
 * with the credential, through the real engine. A refused request is not sent, carries no token
 * or secret, and causes no token exchange and no credential write.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_APP_SECRET, useSandbox } from '../support/fixture';
import { registerHttpRequest, runHttpRequest, type RequestHelper } from '../support/httpRequestNode';

const ctx = useSandbox();

/** Another origin on this machine: records whatever reaches it. */
const collector = { received: [] as Array<{ url?: string; authorization?: string }>, url: '', server: undefined as http.Server | undefined };
beforeAll(async () => {
	collector.server = http.createServer((req, res) => {
		collector.received.push({ url: req.url, authorization: req.headers.authorization });
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{"code":"200","data":{}}');
	});
	await new Promise<void>((resolve) => collector.server!.listen(0, '127.0.0.1', resolve));
	collector.url = `http://127.0.0.1:${(collector.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	collector.server?.closeAllConnections();
	await new Promise((resolve) => collector.server?.close(resolve));
});
beforeEach(() => {
	collector.received.length = 0;
	registerHttpRequest(ctx.engine);
});

const sandboxPort = () => new URL(ctx.sandbox.url).port;

async function probe(url: string, helper: RequestHelper, items: IDataObject[] = [{}]) {
	return await runHttpRequest(ctx.engine, { url, helper }, items);
}

/** Runs once against the Base URL, so the credential holds a token (as after a first real run). */
async function withStoredToken() {
	const [json] = await probe(`${ctx.sandbox.url}/v1/member/M0001`, 'http');
	expect(json).toMatchObject({ code: '200' });
	const token = ctx.engine.storedCredential()?.accessToken;
	expect(token).toMatch(/^tok-/);
	ctx.sandbox.requests.length = 0;
	ctx.sandbox.tokenCalls = 0;
	return token as string;
}

const everywhere = () => JSON.stringify({ collector: collector.received, sandbox: ctx.sandbox.requests });

describe.each(['legacy', 'http'] as const)('%s request helper: another origin is refused before sending', (helper) => {
	const foreign: Array<[string, () => string]> = [
		['another host name for the same address (localhost is not 127.0.0.1)', () => `http://localhost:${sandboxPort()}/v1/member/M0001`],
		['another port', () => `${collector.url}/collect`],
		['another scheme', () => `https://127.0.0.1:${sandboxPort()}/v1/member/M0001`],
		['a user-info trick', () => `http://127.0.0.1:${sandboxPort()}@localhost:${new URL(collector.url).port}/collect`],
		['an upper-case other host', () => `http://LOCALHOST:${sandboxPort()}/v1/member/M0001`],
		['a trailing-dot host name', () => `http://localhost.:${sandboxPort()}/v1/member/M0001`],
		['an IPv6 form of the address', () => `http://[::ffff:127.0.0.1]:${sandboxPort()}/v1/member/M0001`],
		['a protocol-relative URL', () => `//localhost:${new URL(collector.url).port}/collect`],
	];

	it.each(foreign)('%s: refused with both origins named; nothing sent, no token exchange, no credential write', async (_what, target) => {
		const token = await withStoredToken();
		const writes = ctx.engine.credentials.writes;
		const [json] = await probe(target(), helper);
		expect(String(json.error)).toContain(`The SocialHub API credential only authenticates requests to ${ctx.sandbox.url}; this request goes to `);
		expect(collector.received).toHaveLength(0);
		expect(ctx.sandbox.requests).toHaveLength(0);
		expect(ctx.engine.credentials.writes).toBe(writes);
		expect(JSON.stringify(json)).not.toContain(token);
		expect(JSON.stringify(json)).not.toContain(SANDBOX_APP_SECRET);
	});

	it('with no token stored yet: a refused request makes no token exchange and no credential write', async () => {
		const writes = ctx.engine.credentials.writes;
		const [json] = await probe(`${collector.url}/collect`, helper);
		expect(String(json.error)).toContain(`this request goes to ${collector.url}`);
		expect(ctx.sandbox.tokenCalls).toBe(0);
		expect(ctx.engine.credentials.writes).toBe(writes);
		expect(everywhere()).not.toContain('tok-');
	});

	it('a URL given by an expression from the item is judged per item', async () => {
		await withStoredToken();
		const items = [{ callback: `${collector.url}/hook` }, { callback: `${ctx.sandbox.url}/v1/member/M0001` }];
		const [first, second] = await probe('={{ $json.callback }}', helper, items);
		expect(String(first.error)).toContain(`this request goes to ${collector.url}`);
		expect(second).toMatchObject({ code: '200', data: { cardNo: 'M0001' } });
		expect(collector.received).toHaveLength(0);
		expect(ctx.sandbox.apiRequests('/v1/member')).toHaveLength(1);
	});

	it.each([
		['a path with a query string', () => `${ctx.sandbox.url}/v1/member/M0001?x=1&y=2`],
		['an upper-case scheme and the default form of the host', () => ctx.sandbox.url.replace('http://', 'HTTP://') + '/v1/member/M0001'],
		['a decimal IPv4 form of the same address (the same WHATWG origin)', () => `http://2130706433:${sandboxPort()}/v1/member/M0001`],
	])('the Base URL’s origin is authenticated: %s', async (_what, target) => {
		const token = await withStoredToken();
		const [json] = await probe(target(), helper);
		expect(json).toMatchObject({ code: '200', data: { cardNo: 'M0001' } });
		expect(ctx.sandbox.apiRequests('/v1/member')[0].authorization).toBe(token);
	});

	it('a token SocialHub rejects (HTTP 401) is renewed once and the request retried', async () => {
		await withStoredToken();
		ctx.sandbox.expireTokens();
		const [json] = await probe(`${ctx.sandbox.url}/v1/member/M0001`, helper);
		expect(json).toMatchObject({ code: '200' });
		expect(ctx.sandbox.tokenCalls).toBe(1);
		expect(ctx.engine.storedCredential()?.accessToken).toBe(ctx.sandbox.issuedTokens.at(-1));
	});

	it('a new credential (no token yet) gets one for the Base URL before its request goes out', async () => {
		const [json] = await probe(`${ctx.sandbox.url}/v1/member/M0001`, helper);
		expect(json).toMatchObject({ code: '200' });
		expect(ctx.sandbox.tokenCalls).toBe(1);
		const tries = ctx.sandbox.apiRequests('/v1/member');
		// The legacy helper asks the credential for a token when authenticate holds the request back
		// (it is never sent without one); the other helper asks after the tokenless try's 401.
		const expected = helper === 'legacy' ? [ctx.sandbox.issuedTokens[0]] : [undefined, ctx.sandbox.issuedTokens[0]];
		expect(tries.map((r) => r.authorization)).toEqual(expected);
	});
});
