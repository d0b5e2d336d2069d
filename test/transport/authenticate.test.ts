/**
 * The credential under n8n's HTTP Request node (Custom API Call), on the Base URL's own paths.
 * HTTP Request 4.x calls n8n's legacy `requestWithAuthentication`: after ANY failed request n8n
 * asks the credential's preAuthentication for a token, and when it gets one it stores it and
 * sends the request again. Only a rejected token may lead there; a write SocialHub answered with
 * an error after applying it (HTTP 500/502, a timeout) must not be sent a second time.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeType } from 'n8n-workflow';

import { CREDENTIAL_REF, CREDENTIAL_TYPE } from '../../harness/engine';
import { useSandbox } from '../support/fixture';

const ctx = useSandbox();

/** What n8n's HTTP Request node 4.x does with a predefined credential (HttpRequestV3.node.ts: requestWithAuthentication). */
class HttpRequestStandIn implements INodeType {
	description = {
		displayName: 'HTTP Request',
		name: 'httpRequestStandIn',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'HTTP Request' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
		],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions) {
		const out = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const raw = this.getNodeParameter('body', i) as string;
			const options = {
				uri: this.getNodeParameter('url', i) as string,
				method: this.getNodeParameter('method', i) as 'GET' | 'POST',
				json: true,
				...(raw ? { body: JSON.parse(raw) as IDataObject } : {}),
			};
			try {
				const body = await this.helpers.requestWithAuthentication.call(this, CREDENTIAL_TYPE, options, undefined, i);
				out.push({ json: body as IDataObject, pairedItem: { item: i } });
			} catch (error) {
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}

beforeEach(() => ctx.engine.registerNodeType('test.httpRequest', new HttpRequestStandIn()));

async function httpRequest(path: string, method = 'GET', body?: IDataObject): Promise<IDataObject> {
	const nodes: INode[] = [
		{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'h', name: 'HTTP Request', type: 'test.httpRequest', typeVersion: 1, position: [200, 0],
			parameters: { url: `${ctx.sandbox.url}${path}`, method, body: body ? JSON.stringify(body) : '' },
			credentials: { [CREDENTIAL_TYPE]: CREDENTIAL_REF },
		},
	];
	const connections = { Start: { main: [[{ node: 'HTTP Request', type: 'main' as const, index: 0 }]] } };
	const run = await ctx.engine.runWorkflow({ nodes, connections });
	return run.data.resultData.runData['HTTP Request'][0].data!.main[0]![0].json;
}

/** A first request, so that the credential holds an accepted token (as after any earlier run). */
async function withStoredToken(): Promise<string> {
	expect(await httpRequest('/v1/member/M0001')).toMatchObject({ code: '200' });
	const token = ctx.engine.storedCredential()?.accessToken as string;
	ctx.sandbox.requests.length = 0;
	ctx.sandbox.tokenCalls = 0;
	return token;
}

describe('HTTP Request node with the SocialHub credential, on the Base URL', () => {
	it('a write SocialHub applied and answered HTTP 500 is not sent again (no second store)', async () => {
		await withStoredToken();
		ctx.sandbox.addFault({ path: '/v1/masterdata/store', method: 'POST', status: 500, applyFirst: true, times: 1 });
		const json = await httpRequest('/v1/masterdata/store', 'POST', { organizationCode: 'S-77', organizationName: 'Store 77', type: 99 });
		expect(ctx.sandbox.apiRequests('/v1/masterdata/store')).toHaveLength(1);
		// The user must see the failure, not the second attempt's success.
		expect(json).toHaveProperty('error');
	});

	it('a Sync Transaction answered HTTP 502 after SocialHub applied it is not synced a second time', async () => {
		await withStoredToken();
		ctx.sandbox.addFault({ path: '/v1/transactions/sync', method: 'POST', status: 502, applyFirst: true, times: 1 });
		await httpRequest('/v1/transactions/sync', 'POST', {
			type: 1, params: '13800000001', phonePrefCode: '+86', source: '10140001', transactionCode: 'T-DOUBLE-1', storeCode: 'S001',
			orderDate: '2026-05-01 10:00:00', direction: 0, orderStatus: 0, scorePointStatus: 0, totalPrice: 100, totalAmount: 100,
			couponAmount: 0, discountAmount: 0, totalDisAmount: 0, costAmount: 0, grossAmount: 100, freight: 0,
			details: [{ direction: 0, detailCode: 'D1', productCode: 'P1', title: 'Mug', qty: 1, price: 100, totalAmount: 100, couponAmount: 0, discountAmount: 0, totalDisAmount: 0, costAmount: 0, grossAmount: 100 }],
		});
		expect(ctx.sandbox.apiRequests('/v1/transactions/sync')).toHaveLength(1);
	});

	it('a 404 (a mistyped path) keeps the accepted token: no token exchange, no credential write', async () => {
		const token = await withStoredToken();
		const writes = ctx.engine.credentials.writes;
		const json = await httpRequest('/v1/no-such-endpoint');
		expect(json).toHaveProperty('error');
		expect(ctx.sandbox.tokenCalls).toBe(0);
		expect(ctx.engine.credentials.writes).toBe(writes);
		expect(ctx.engine.storedCredential()?.accessToken).toBe(token);
	});
});

describe('Custom API Call where SocialHub refuses a bad token as HTTP 200 with code 401', () => {
	it('a new credential still gets a token for the Base URL (README: it authenticates requests to the Base URL)', async () => {
		ctx.sandbox.setRejectTokensInBody(true);
		try {
			const json = await httpRequest('/v1/member/M0001');
			expect(json).toMatchObject({ code: '200', data: { cardNo: 'M0001' } });
		} finally {
			ctx.sandbox.setRejectTokensInBody(false);
		}
	});
});
