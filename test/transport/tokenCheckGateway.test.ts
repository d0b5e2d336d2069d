/**
 * n8n's HTTP Request node (Custom API Call) with the SocialHub
 * credential (authenticate.ts, tokenCheck.ts), through the stand-in of test/support/httpRequestNode.ts.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SandboxState } from '../../sandbox/state';
import { useSandbox } from '../support/fixture';
import { registerHttpRequest, runHttpRequest, type RequestHelper } from '../support/httpRequestNode';

const ctx = useSandbox();

beforeEach(() => registerHttpRequest(ctx.engine));
afterEach(() => jest.restoreAllMocks());

const ADJUSTMENT = { accountType: 2, accountCode: 'M0001', operationId: 'http-b3', operationType: 6, pointValue: 5, effectiveEndTime: 1830297599000, upgradeTierFlag: 0 };

async function post(helper: RequestHelper) {
	const [json] = await runHttpRequest(ctx.engine, { url: `${ctx.sandbox.url}/v1/points/adjustment`, helper, method: 'POST', body: ADJUSTMENT });
	return json;
}

async function withStoredToken() {
	expect(await post('http')).toMatchObject({ code: '200' });
	ctx.sandbox.state = new SandboxState(true, false);
	ctx.sandbox.clearRequests();
}

const sent = () => ctx.sandbox.apiRequests('/v1/points/adjustment').length;

describe.each(['legacy', 'http'] as const)('%s helper', (helper) => {
	/**
	 * Known limit: the token check (tokenCheck.ts) asks SocialHub whether the token is rejected; a
	 * gateway that answers that check 401 too cannot be told from a rejected token, so n8n's helper
	 * sends the write again. An adjustment's Operation ID keeps SocialHub from applying it twice.
	 */
	it.failing('a write answered 401 after it was applied while the gateway also answers the token check 401 once (token good): sent once', async () => {
		await withStoredToken();
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', status: 401, applyFirst: true });
		ctx.sandbox.addFault({ path: '/v1/member/loyaltyprograms', status: 401 });
		await post(helper);
		expect(sent()).toBe(1);
		expect(ctx.sandbox.stats().duplicates).toBe(0);
	});

	it('a GET to an unrelated path answered 401 (token good): sent once, no token call, the 401 shown', async () => {
		await withStoredToken();
		ctx.sandbox.addFault({ path: '/v1/member/M0001', status: 401, body: { code: '401', msg: 'no permission for this member' } });
		const [json] = await runHttpRequest(ctx.engine, { url: `${ctx.sandbox.url}/v1/member/M0001`, helper });
		expect(json.error).toBeDefined();
		expect(ctx.sandbox.apiRequests('/v1/member/M0001')).toHaveLength(1);
		expect(ctx.sandbox.tokenCalls).toBe(0);
	});

	it('the token check itself throttled (429) while a write is answered 401 (token good): sent once', async () => {
		await withStoredToken();
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', status: 401, applyFirst: true });
		ctx.sandbox.addFault({ path: '/v1/member/loyaltyprograms', status: 429, times: Infinity, retryAfter: 1 });
		await post(helper);
		expect(sent()).toBe(1);
	});
});

it('legacy helper, new credential, the first token write fails: a later run (DB healthy) stores the token it sends', async () => {
	const store = ctx.engine.credentials.store;
	const set = store.set.bind(store);
	let failed = 0;
	store.set = (key: string, value: ICredentialDataDecryptedObject) => {
		if (failed === 0 && typeof value.accessToken === 'string' && value.accessToken !== '') {
			failed++;
			throw new Error('SQLITE_BUSY: database is locked');
		}
		return set(key, value);
	};
	const first = await post('legacy');
	expect(failed).toBe(1);
	expect(first.error).toBeDefined();
	// A later run: more than the 10 s in which a token handed to n8n is not handed again.
	const realNow = Date.now.bind(Date);
	jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 11_000);
	const second = await runHttpRequest(ctx.engine, { url: `${ctx.sandbox.url}/v1/member/M0001`, helper: 'legacy' });
	expect(second[0].error).toBeUndefined();
	const carried = ctx.sandbox.apiRequests('/v1/member/M0001').at(-1)?.authorization;
	expect(ctx.engine.storedCredential()?.accessToken).toBe(carried);
});
