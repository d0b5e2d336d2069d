/**
 * Tokens (tokens.ts, authenticate.ts): a token is only ever sent with the keys it was issued
 * for, an empty token is no token, a rejected token is never handed out again, a failed exchange
 * is shared, the stored token is a secret, and the credential test never hangs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters } from '../support/fixture';
import { SocialHubSandbox } from '../../sandbox/server';
import { resetProcessState } from '../../nodes/SocialHub/shared/processState';
import { HostileServer, newEngine, ok, tokenThen } from '../support/hostile';

const sandboxA = new SocialHubSandbox();
const sandboxB = new SocialHubSandbox();
beforeAll(async () => {
	await sandboxA.start();
	await sandboxB.start();
});
afterAll(async () => {
	await sandboxA.stop();
	await sandboxB.stop();
});
beforeEach(() => {
	sandboxA.reset();
	sandboxB.reset();
	sandboxA.setRejectTokensInBody(false);
	resetProcessState();
});

const keysA = () => ({ baseUrl: sandboxA.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
const balance = (sandbox: SocialHubSandbox) => sandbox.state.accounts.get('PA0001')?.balance;

/** Runs once with keys A, so the credential stores A's token and fingerprint. */
async function engineWithTokenOfA() {
	const engine = newEngine();
	engine.setCredential(keysA());
	const first = await engine.run(adjustParameters({ operationId: 'first' }));
	expect(first.error).toBeUndefined();
	const stored = engine.storedCredential()!;
	expect(stored.accessToken).toMatch(/^tok-/);
	expect(stored.tokenFingerprint).toMatch(/^v1:/);
	sandboxA.requests.length = 0;
	sandboxA.tokenCalls = 0;
	return { engine, tokenA: stored.accessToken as string, stored };
}

/** An edit in n8n's UI keeps the hidden stored token (and its fingerprint). */
function edit(engine: ReturnType<typeof newEngine>, changes: ICredentialDataDecryptedObject) {
	engine.setCredential({ ...engine.storedCredential(), ...changes });
}

describe('a stored token is used only with the Base URL, App ID and App Secret it was issued for', () => {
	it('Base URL changed to another host: A’s token never reaches it; the new host issues its own', async () => {
		const { engine, tokenA, stored } = await engineWithTokenOfA();
		edit(engine, { baseUrl: sandboxB.url });
		const { error, items } = await engine.run(adjustParameters({ operationId: 'after-edit' }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sandboxB.requests.map((r) => r.authorization)).not.toContain(tokenA);
		expect(sandboxB.tokenCalls).toBe(1);
		const applied = sandboxB.apiRequests('/v1/points/adjustment').filter((r) => sandboxB.issuedTokens.includes(r.authorization ?? ''));
		expect(applied).toHaveLength(1);
		expect(balance(sandboxB)).toBe(1100);
		expect(sandboxA.requests).toHaveLength(0);
		// B's token is stored with the fingerprint of B's keys, replacing A's.
		expect(applied[0].authorization).toBe(sandboxB.issuedTokens[0]);
		expect(engine.storedCredential()).toMatchObject({ accessToken: sandboxB.issuedTokens[0], tokenFingerprint: expect.not.stringMatching(stored.tokenFingerprint as string) });
	});

	it.each([
		['App Secret', { appSecret: 'another-secret-999' }],
		['App ID', { appId: 'app-b' }],
		['App ID and App Secret', { appId: 'app-b', appSecret: 'another-secret-999' }],
	])('%s changed to keys SocialHub refuses: the old token is not sent and nothing is applied', async (_what, changes) => {
		const { engine, tokenA } = await engineWithTokenOfA();
		edit(engine, changes);
		const { error } = await engine.run(adjustParameters({ operationId: 'after-edit' }));
		expect(error?.message).toContain('SocialHub rejected the App ID and App Secret');
		expect(sandboxA.requests.filter((r) => r.authorization === tokenA)).toHaveLength(0);
		expect(balance(sandboxA)).toBe(1100);
		expect(sandboxA.apiRequests('/v1/auth/token').at(-1)?.body).toMatchObject(changes);
	});

	it('the same after a restart (no token in memory), as on another queue-mode worker', async () => {
		const { engine, tokenA } = await engineWithTokenOfA();
		edit(engine, { appSecret: 'another-secret-999' });
		resetProcessState();
		const { error } = await engine.run(adjustParameters({ operationId: 'after-edit' }));
		expect(error?.message).toContain('SocialHub rejected the App ID and App Secret');
		expect(sandboxA.requests.filter((r) => r.authorization === tokenA)).toHaveLength(0);
	});

	it('a token stored without a fingerprint (an older version, or copied) is not sent; a new one is obtained once', async () => {
		const { engine, tokenA } = await engineWithTokenOfA();
		edit(engine, { tokenFingerprint: '' });
		resetProcessState();
		const { error } = await engine.run(adjustParameters({ operationId: '={{ "nf-" + $json.i }}' }), [{}, {}].map((_, i) => ({ i })));
		expect(error).toBeUndefined();
		expect(sandboxA.requests.filter((r) => r.authorization === tokenA)).toHaveLength(0);
		expect(sandboxA.tokenCalls).toBe(1);
		const sent = sandboxA.apiRequests('/v1/points/adjustment').map((r) => r.authorization);
		expect(sent).toEqual([sandboxA.issuedTokens.at(-1), sandboxA.issuedTokens.at(-1)]);
	});

	it('a fingerprint copied from another credential does not make its token usable', async () => {
		const { engine, stored } = await engineWithTokenOfA();
		const other = newEngine();
		other.setCredential({ baseUrl: sandboxB.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET, accessToken: stored.accessToken, tokenFingerprint: stored.tokenFingerprint });
		resetProcessState();
		await other.run(adjustParameters({ operationId: 'copied' }));
		expect(sandboxB.requests.map((r) => r.authorization)).not.toContain(stored.accessToken);
		expect(engine).toBeDefined();
	});

	it('editing back to the original keys makes the stored token usable again without an exchange', async () => {
		const { engine, tokenA } = await engineWithTokenOfA();
		edit(engine, { baseUrl: `${sandboxA.url}/` });
		const { error } = await engine.run(adjustParameters({ operationId: 'same-keys' }));
		expect(error).toBeUndefined();
		expect(sandboxA.tokenCalls).toBe(0);
		expect(sandboxA.apiRequests('/v1/points')[0].authorization).toBe(tokenA);
	});

	it('the fingerprint reveals neither the App Secret nor the App ID', async () => {
		const { stored } = await engineWithTokenOfA();
		const fingerprint = String(stored.tokenFingerprint);
		for (const secret of [SANDBOX_APP_SECRET, SANDBOX_APP_ID, Buffer.from(SANDBOX_APP_SECRET).toString('base64')]) {
			expect(fingerprint).not.toContain(secret);
		}
	});

	it('in body-401 mode (HTTP 200, code 401) an edited Base URL also gets its own token', async () => {
		const { engine, tokenA } = await engineWithTokenOfA();
		sandboxB.setRejectTokensInBody(true);
		edit(engine, { baseUrl: sandboxB.url });
		const { error } = await engine.run(adjustParameters({ operationId: 'body-mode' }));
		sandboxB.setRejectTokensInBody(false);
		expect(error).toBeUndefined();
		expect(sandboxB.requests.map((r) => r.authorization)).not.toContain(tokenA);
		expect(balance(sandboxB)).toBe(1100);
	});

	it('the credential test of edited keys judges the new keys, with the old token stored', async () => {
		const { engine, stored } = await engineWithTokenOfA();
		const result = await engine.testCredential({ ...stored, appId: 'app-b' });
		expect(result.status).toBe('Error');
		expect(sandboxA.requests.filter((r) => r.authorization === stored.accessToken)).toHaveLength(0);
	});
});

describe('an empty or unusable token is a failed exchange', () => {
	const issued: { value: unknown } = { value: '' };
	const server = new HostileServer((request) => {
		if (request.path === '/v1/auth/token') return { body: ok({ accessToken: issued.value, expiresIn: 7200 }) };
		return { body: ok({ seen: request.authorization ?? null }) };
	});
	beforeAll(async () => {
		await server.start();
	});
	afterAll(async () => {
		await server.stop();
	});
	beforeEach(() => {
		server.received.length = 0;
	});

	it.each([
		['empty', ''],
		['whitespace', '   '],
		['a tab', '\t'],
		['null', null],
		['a number', 12345],
		['an object', { token: 'x' }],
		['a list', ['tok']],
		['with a space inside', 'tok en'],
		['with a line break (header injection)', 'tok\r\nX-Evil: 1'],
		['missing', undefined],
	])('accessToken %s → an error naming the token endpoint, nothing sent to the API', async (_what, value) => {
		issued.value = value;
		const engine = newEngine();
		engine.setCredential({ baseUrl: server.url, appId: 'app', appSecret: 'secret-123456' });
		const { error, items } = await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		expect(error?.message).toContain('issued no usable access token');
		expect(items).toHaveLength(0);
		expect(server.requests('/v1/member')).toHaveLength(0);
		expect(engine.storedCredential()?.accessToken).toBe('');
	});

	it('renewal state is per credential: a token renewed for one host never reaches another credential’s host', async () => {
		sandboxA.setRejectTokensInBody(true);
		const engineA = newEngine();
		engineA.setCredential({ ...keysA(), accessToken: 'tok-stale', tokenFingerprint: 'v1:whatever' });
		expect((await engineA.run(adjustParameters({ operationId: 'renew' }))).error).toBeUndefined();
		issued.value = 'tok-of-hostile';
		const engineB = newEngine();
		engineB.setCredential({ baseUrl: server.url, appId: 'app', appSecret: 'secret-123456', accessToken: 'tok-stale', tokenFingerprint: 'v1:whatever' });
		await engineB.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		const seen = server.received.map((r) => r.authorization).filter(Boolean);
		for (const token of sandboxA.issuedTokens) expect(seen).not.toContain(token);
		expect(seen).not.toContain('tok-stale');
	});
});

describe('a token SocialHub rejected is never handed out again by this process', () => {
	it('revoked mid-use within the reuse window: every item succeeds, retries carry the new token', async () => {
		const { engine, tokenA } = await engineWithTokenOfA();
		sandboxA.expireTokens();
		const inputs = Array.from({ length: 10 }, (_, i) => ({ i }));
		const { error, items } = await engine.run(adjustParameters({ operationId: '={{ "rev-" + $json.i }}' }), inputs);
		expect(error).toBeUndefined();
		expect(items.every((item) => item.json.operationId !== undefined && item.json.error === undefined)).toBe(true);
		const withOld = sandboxA.apiRequests('/v1/points').filter((r) => r.authorization === tokenA);
		expect(withOld.length).toBeLessThanOrEqual(10);
		const fresh = sandboxA.issuedTokens.filter((token) => token !== tokenA);
		const accepted = sandboxA.apiRequests('/v1/points').filter((r) => fresh.includes(r.authorization ?? ''));
		expect(accepted).toHaveLength(10);
		expect(sandboxA.tokenCalls).toBeLessThanOrEqual(2);
	});

	it('revoked twice in a row, within the reuse window: the second renewal does not hand back the first', async () => {
		const { engine } = await engineWithTokenOfA();
		sandboxA.expireTokens();
		expect((await engine.run(adjustParameters({ operationId: 'r1' }))).error).toBeUndefined();
		const renewed = sandboxA.issuedTokens.at(-1);
		sandboxA.expireTokens();
		expect((await engine.run(adjustParameters({ operationId: 'r2' }))).error).toBeUndefined();
		const last = sandboxA.apiRequests('/v1/points/adjustment').at(-1);
		expect(last?.authorization).not.toBe(renewed);
		expect(sandboxA.issuedTokens.includes(last?.authorization ?? '')).toBe(true);
	});

	it('whatever the credential stores: a stored token this process saw rejected is not sent again', async () => {
		const { engine, tokenA, stored } = await engineWithTokenOfA();
		sandboxA.expireTokens();
		expect((await engine.run(adjustParameters({ operationId: 's1' }))).error).toBeUndefined();
		// Another worker writes the old token back (with its fingerprint).
		engine.setCredential({ ...stored, accessToken: tokenA });
		sandboxA.requests.length = 0;
		expect((await engine.run(adjustParameters({ operationId: 's2' }))).error).toBeUndefined();
		expect(sandboxA.requests.filter((r) => r.authorization === tokenA)).toHaveLength(0);
	});

	it('body-401 mode: a rejected token is replaced for every item, and never re-sent after its rejection', async () => {
		const { engine, tokenA } = await engineWithTokenOfA();
		sandboxA.setRejectTokensInBody(true);
		sandboxA.expireTokens();
		const inputs = Array.from({ length: 6 }, (_, i) => ({ i }));
		const { error } = await engine.run(adjustParameters({ operationId: '={{ "b-" + $json.i }}' }), inputs);
		expect(error).toBeUndefined();
		const requests = sandboxA.apiRequests('/v1/points');
		const firstRenewal = requests.findIndex((r) => r.authorization !== tokenA);
		expect(requests.slice(firstRenewal).filter((r) => r.authorization === tokenA)).toHaveLength(0);
		expect(balance(sandboxA)).toBe(1100 + 6 * 100);
		expect(sandboxA.tokenCalls).toBe(1);
	});
});

describe('many items at once', () => {
	it('50 items revoked at once (HTTP 401): one new token, every item succeeds, no retry carries the old one', async () => {
		const { engine, tokenA } = await engineWithTokenOfA();
		sandboxA.expireTokens();
		const inputs = Array.from({ length: 50 }, (_, i) => ({ i }));
		const { error, items } = await engine.run(adjustParameters({ operationId: '={{ "m-" + $json.i }}' }), inputs);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(50);
		expect(sandboxA.tokenCalls).toBe(1);
		const requests = sandboxA.apiRequests('/v1/points');
		expect(requests.filter((r) => r.authorization === tokenA).length).toBeLessThanOrEqual(50);
		expect(requests.filter((r) => r.authorization !== tokenA)).toHaveLength(50);
	});
});

describe('items of a run share one failed exchange', () => {
	it.each([1, 20, 100])('%d items with a wrong App Secret → one token call, every item fails with its message', async (count) => {
		const engine = newEngine();
		engine.setCredential({ ...keysA(), appSecret: 'wrong-secret-5' });
		const inputs = Array.from({ length: count }, (_, i) => ({ i }));
		const { items } = await engine.run(adjustParameters({ operationId: '={{ "w-" + $json.i }}' }), inputs, { continueOnFail: true });
		expect(sandboxA.tokenCalls).toBe(1);
		expect(items).toHaveLength(count);
		for (const item of items) expect(String(item.json.error ?? item.error?.message)).toContain('Invalid appId or appSecret');
		expect(sandboxA.apiRequests('/v1/points')).toHaveLength(0);
	});

	it('a second run right after still does not call the token endpoint again (no lock-out herd)', async () => {
		const engine = newEngine();
		engine.setCredential({ ...keysA(), appSecret: 'wrong-secret-5' });
		await engine.run(adjustParameters());
		await engine.run(adjustParameters());
		expect(sandboxA.tokenCalls).toBe(1);
	});

	it('corrected keys are not blocked by the remembered failure', async () => {
		const engine = newEngine();
		engine.setCredential({ ...keysA(), appSecret: 'wrong-secret-5' });
		await engine.run(adjustParameters());
		engine.setCredential(keysA());
		const { error } = await engine.run(adjustParameters());
		expect(error).toBeUndefined();
		expect(sandboxA.tokenCalls).toBe(2);
	});

	it('a token endpoint failing (HTTP 500) is shared by concurrent items, yet retried on the next run', async () => {
		sandboxA.addFault({ path: '/v1/auth/token', status: 500, times: 1 });
		const engine = newEngine();
		engine.setCredential(keysA());
		const inputs = Array.from({ length: 30 }, (_, i) => ({ i }));
		const first = await engine.run(adjustParameters({ operationId: '={{ "d-" + $json.i }}' }), inputs, { continueOnFail: true });
		expect(first.items.every((item) => String(item.json.error).includes('HTTP 500'))).toBe(true);
		expect(sandboxA.tokenCalls + sandboxA.apiRequests('/v1/auth/token').length).toBeLessThanOrEqual(2);
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const second = await engine.run(adjustParameters({ operationId: 'after-outage' }));
		expect(second.error).toBeUndefined();
	});
});

describe('the stored token is a secret', () => {
	it('Access Token and Token Fingerprint are hidden password fields; the token stays expirable', () => {
		const fields = Object.fromEntries(newEngine().credentialType.properties.map((p) => [p.name, p]));
		expect(fields.accessToken).toMatchObject({ type: 'hidden', typeOptions: { expirable: true, password: true } });
		expect(fields.tokenFingerprint).toMatchObject({ type: 'hidden', typeOptions: { password: true } });
		expect(fields.appSecret.typeOptions?.password).toBe(true);
	});

	it('it still works as n8n’s expirable token: obtained when empty, stored, reused, renewed after a 401', async () => {
		const { engine, tokenA } = await engineWithTokenOfA();
		await engine.run(adjustParameters({ operationId: 'reuse' }));
		expect(sandboxA.tokenCalls).toBe(0);
		sandboxA.expireTokens();
		const { error } = await engine.run(adjustParameters({ operationId: 'renew' }));
		expect(error).toBeUndefined();
		const [refused, applied] = sandboxA.apiRequests('/v1/points/adjustment').slice(-2);
		expect(refused.authorization).toBe(tokenA);
		expect(applied.authorization).toBe(sandboxA.issuedTokens.at(-1));
		expect(applied.authorization).not.toBe(tokenA);
		expect(sandboxA.tokenCalls).toBe(1);
	});
});

describe('the token never shows in what a run outputs', () => {
	it('not in output items, not in error items, not in the run data', async () => {
		const { engine } = await engineWithTokenOfA();
		const good = await engine.run(adjustParameters({ operationId: 'out-1' }));
		sandboxA.addFault({ path: '/v1/points/adjustment', echo: true, status: 500 });
		const bad = await engine.run(adjustParameters({ operationId: 'out-2' }), [{}], { continueOnFail: true });
		const everything = JSON.stringify([good.run, bad.run]);
		expect(String(bad.items[0].json.error)).toContain('Gateway error');
		for (const token of sandboxA.issuedTokens) expect(everything).not.toContain(token);
		expect(everything).not.toContain(SANDBOX_APP_SECRET);
	});
});

describe('the credential test and the exchange never hang', () => {
	const silent = new HostileServer(() => ({ hang: true }));
	beforeAll(async () => {
		await silent.start();
	});
	afterAll(async () => {
		await silent.stop();
	});

	it('credential test against a server that never answers: an error within 20 s, with or without a stored token', async () => {
		const started = Date.now();
		const [fresh, withToken] = await Promise.all([
			newEngine().testCredential({ baseUrl: silent.url, appId: 'app', appSecret: 'secret-123456' }),
			newEngine().testCredential({ baseUrl: silent.url, appId: 'app', appSecret: 'secret-123456', accessToken: 'tok-x', tokenFingerprint: 'v1:x' }),
		]);
		expect(fresh.status).toBe('Error');
		expect(fresh.message).toContain('no answer within 15 s');
		expect(withToken.status).toBe('Error');
		expect(Date.now() - started).toBeLessThan(20_000);
	}, 30_000);

	it('a token endpoint that sends headers and then never the body: bounded by Timeout', async () => {
		const trickle = http.createServer((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.write('{"code":"200","data":{"accessToken":"tok-');
		});
		await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', () => resolve()));
		const engine = newEngine();
		engine.setCredential({ baseUrl: `http://127.0.0.1:${(trickle.address() as AddressInfo).port}`, appId: 'app', appSecret: 'secret-123456' });
		const started = Date.now();
		const { error } = await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001', requestOptions: { timeout: 1000 } });
		trickle.closeAllConnections();
		await new Promise((resolve) => trickle.close(resolve));
		expect(error?.message).toContain('Could not reach SocialHub');
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it('a run against a silent token endpoint with Timeout 1000 ms fails within seconds, naming the wait', async () => {
		const engine = newEngine();
		engine.setCredential({ baseUrl: silent.url, appId: 'app', appSecret: 'secret-123456' });
		const started = Date.now();
		const { error } = await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001', requestOptions: { timeout: 1000 } });
		expect(error?.message).toContain('no answer within 1 s');
		expect(Date.now() - started).toBeLessThan(5_000);
	});
});

describe('a server that answers the token endpoint normally', () => {
	it('tokenThen issues distinct tokens (helper check)', async () => {
		const server = await new HostileServer(tokenThen(() => ({ body: ok({}) }))).start();
		const engine = newEngine();
		engine.setCredential({ baseUrl: server.url, appId: 'app', appSecret: 'secret-123456' });
		const { error } = await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		await server.stop();
		expect(error).toBeUndefined();
		expect(server.requests('/v1/member')[0].authorization).toBe('tok-h1');
	});
});
