/**
 * The credential's renewal for other nodes' requests (transport/authenticate.ts renewToken,
 * transport/tokenCheck.ts). n8n's HTTP Request node (legacy helper) asks for a new token after
 * any failure and sends the request again when it gets one; httpRequestWithAuthentication sends
 * again after any HTTP 401. A write is sent again only when SocialHub rejected its token: a POST
 * sent twice by a user's HTTP Request node is a doubled order (no Operation ID outside this
 * node's adjustments).
 */
import { SandboxState } from '../../sandbox/state';
import { useSandbox } from '../support/fixture';
import { registerHttpRequest, runHttpRequest, type RequestHelper } from '../support/httpRequestNode';

const ctx = useSandbox();

beforeEach(() => registerHttpRequest(ctx.engine));

const ADJUSTMENT = { accountType: 2, accountCode: 'M0001', operationId: 'http-0', operationType: 6, pointValue: 5, effectiveEndTime: 1830297599000, upgradeTierFlag: 0 };

async function post(helper: RequestHelper) {
	const [json] = await runHttpRequest(ctx.engine, { url: `${ctx.sandbox.url}/v1/points/adjustment`, helper, method: 'POST', body: ADJUSTMENT });
	return json;
}

/** A stored token, as after an earlier run; then SocialHub's records are fresh again. */
async function withStoredToken() {
	expect(await post('http')).toMatchObject({ code: '200' });
	expect(ctx.engine.storedCredential()?.accessToken).toBe(ctx.sandbox.issuedTokens[0]);
	ctx.sandbox.state = new SandboxState(true, false);
	ctx.sandbox.clearRequests();
}

const sent = () => ctx.sandbox.apiRequests('/v1/points/adjustment').length;

describe.each(['legacy', 'http'] as const)('%s helper', (helper) => {
	it('a write answered HTTP 500 after it was applied (token good) is sent once', async () => {
		await withStoredToken();
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', status: 500, applyFirst: true });
		const json = await post(helper);
		expect(json.error).toBeDefined();
		expect(sent()).toBe(1);
		expect(ctx.sandbox.tokenCalls).toBe(0);
	});

	it('a write answered HTTP 401 after it was applied (token good: a gateway quirk) is sent once', async () => {
		await withStoredToken();
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', status: 401, applyFirst: true });
		await post(helper);
		expect(sent()).toBe(1);
	});

	// Known limit, legacy helper only: n8n's legacy request asks the credential for a token after
	// any failure and sends the request again when it gets one. The credential renews only when
	// SocialHub rejects the request's token, asked right after the failure; a token that dies in
	// the milliseconds between a write's HTTP 500 and that question looks like the 401 case. (An
	// adjustment carries its Operation ID, so SocialHub applies it once even then.)
	(helper === 'legacy' ? it.failing : it)('a write answered HTTP 500 after it was applied, the token expiring right then, is not sent again', async () => {
		await withStoredToken();
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', status: 500, applyFirst: true });
		// The token's two hours end between the write and the credential's check of the token.
		const faults = (ctx.sandbox as unknown as { faults: { match: (m: string, p: string) => unknown } }).faults;
		const match = faults.match;
		faults.match = (method: string, path: string) => {
			const fault = match.call(faults, method, path);
			if (fault && path === '/v1/points/adjustment') setImmediate(() => ctx.sandbox.expireTokens());
			return fault;
		};
		try {
			await post(helper);
		} finally {
			faults.match = match;
		}
		expect(sent()).toBe(1);
	});
});
