/**
 * The credential under n8n's HTTP Request node (Custom API Call), on the Base URL's own paths.
 * HTTP Request 4.x calls n8n's legacy `requestWithAuthentication`: after ANY failed request n8n
 * asks the credential's preAuthentication for a token, and when it gets one it stores it and
 * sends the request again. Only a rejected token may lead there; a write SocialHub answered with
 * an error after applying it (HTTP 500/502, a timeout) must not be sent a second time.
 */
import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../support/fixture';
import { registerHttpRequest, runHttpRequest } from '../support/httpRequestNode';

const ctx = useSandbox();

beforeEach(() => registerHttpRequest(ctx.engine));

async function httpRequest(path: string, method: 'GET' | 'POST' = 'GET', body?: IDataObject): Promise<IDataObject> {
	const [json] = await runHttpRequest(ctx.engine, { url: `${ctx.sandbox.url}${path}`, method, body });
	return json;
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
