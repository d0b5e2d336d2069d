/**
 * The SocialHub credential authenticates only requests to its Base URL's origin, whoever makes
 * them: a stand-in for n8n's HTTP Request node (Custom API Call) calls n8n's own request helpers
 * with the credential, through the real engine. A refused request is not sent, carries no token
 * or secret, and causes no token exchange and no credential write.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, IExecuteFunctions, INode, INodeType } from 'n8n-workflow';

import { CREDENTIAL_REF, CREDENTIAL_TYPE } from '../../harness/engine';
import { SANDBOX_APP_SECRET, useSandbox } from '../support/fixture';

const ctx = useSandbox();

/** What n8n's HTTP Request node does with a predefined credential: one request per item. */
class HttpProbe implements INodeType {
	description = {
		displayName: 'HTTP Probe',
		name: 'httpProbe',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'HTTP Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Helper', name: 'helper', type: 'string', default: 'legacy' },
		],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions) {
		const out = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const url = this.getNodeParameter('url', i) as string;
			try {
				const body =
					this.getNodeParameter('helper', i) === 'legacy'
						? await this.helpers.requestWithAuthentication.call(this, CREDENTIAL_TYPE, { uri: url, method: 'GET', json: true }, undefined, i)
						: await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, { url, method: 'GET', json: true });
				out.push({ json: body as IDataObject, pairedItem: { item: i } });
			} catch (error) {
				out.push({ json: { error: (error as Error).message, description: (error as { description?: string }).description ?? null }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}

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
	ctx.engine.registerNodeType('test.httpProbe', new HttpProbe());
});

const sandboxPort = () => new URL(ctx.sandbox.url).port;

async function probe(url: string, helper: 'legacy' | 'http', items: IDataObject[] = [{}]) {
	const nodes: INode[] = [
		{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'p', name: 'Probe', type: 'test.httpProbe', typeVersion: 1, position: [200, 0],
			parameters: { url, helper }, credentials: { [CREDENTIAL_TYPE]: CREDENTIAL_REF },
		},
	];
	const connections = { Start: { main: [[{ node: 'Probe', type: 'main' as const, index: 0 }]] } };
	const run = await ctx.engine.runWorkflow({ nodes, connections }, { Start: items });
	expect(run.data.resultData.error).toBeUndefined();
	return run.data.resultData.runData.Probe[0].data!.main[0]!.map((item) => item.json);
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
