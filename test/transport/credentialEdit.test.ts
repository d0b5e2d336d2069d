/**
 * The credential edited to another tenant (Base URL + keys) while a 600-item run is under way, as
 * a user switching it from UAT to production while a job runs. Each request reads the credential
 * afresh (n8n's getCredentials per request); the runner read it once. A's token must never reach
 * B's Base URL, and the credential must never hold a token with the fingerprint of other keys (a
 * worker would send it to B).
 */
import { SocialHubSandbox } from '../../sandbox/server';
import { keysOf } from '../../nodes/SocialHub/transport/baseUrl';
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();
const other = new SocialHubSandbox({ appId: 'prod-app', appSecret: 'prod-secret-0123456789' });
beforeAll(async () => void (await other.start()));
afterAll(async () => await other.stop());
beforeEach(() => other.reset());

it('edited to tenant B mid-run: no token of A reaches B; the stored token is B’s or none, never A’s under B’s keys', async () => {
	expect((await ctx.engine.run(adjustParameters({ operationId: 'edit-warm' }))).error).toBeUndefined();
	ctx.sandbox.setLimits({ rateLimit: 100 });
	const items = Array.from({ length: 600 }, (_, i) => ({ i }));
	const running = ctx.engine.run(adjustParameters({ operationId: '={{ "edit-" + $json.i }}', pointValue: 1 }), items, { continueOnFail: true });
	await new Promise((resolve) => setTimeout(resolve, 1500));
	const kept = ctx.engine.storedCredential()!;
	// The editor saves the new keys and keeps the hidden token fields.
	ctx.engine.credentials.store.set('cred-1', { ...kept, baseUrl: other.url, appId: 'prod-app', appSecret: 'prod-secret-0123456789' });
	await running;
	const tokensOfA = new Set(ctx.sandbox.issuedTokens);
	const atB = other.apiRequests().filter((r) => r.authorization !== undefined);
	expect(atB.filter((r) => tokensOfA.has(r.authorization!))).toEqual([]);
	const stored = ctx.engine.storedCredential()!;
	if (tokensOfA.has(String(stored.accessToken))) {
		// A's token may stay only with A's fingerprint, so that no worker sends it to B.
		const fpB = keysOf({ baseUrl: other.url, appId: 'prod-app', appSecret: 'prod-secret-0123456789' }).fingerprint;
		expect(stored.tokenFingerprint).not.toBe(fpB);
	}
	expect(String(stored.baseUrl)).toBe(other.url);
	// Every item was applied at A or at B, none at both, none twice.
	expect(ctx.sandbox.stats().appliedMoreThanOnce + other.stats().appliedMoreThanOnce).toBe(0);
}, 120_000);

// Known limit: a run keeps the credential it started with for its own token handling, so after
// an edit to another tenant mid-run the items still to be sent fail with the token refusal (the
// security side above holds: no token of A reaches B).
it.failing('edited to tenant B mid-run: the items after the edit are applied at B (the run does not fail on 401)', async () => {
	expect((await ctx.engine.run(adjustParameters({ operationId: 'edit2-warm' }))).error).toBeUndefined();
	ctx.sandbox.setLimits({ rateLimit: 100 });
	const items = Array.from({ length: 400 }, (_, i) => ({ i }));
	const running = ctx.engine.run(adjustParameters({ operationId: '={{ "edit2-" + $json.i }}', pointValue: 1 }), items);
	await new Promise((resolve) => setTimeout(resolve, 1500));
	const kept = ctx.engine.storedCredential()!;
	ctx.engine.credentials.store.set('cred-1', { ...kept, baseUrl: other.url, appId: 'prod-app', appSecret: 'prod-secret-0123456789' });
	const { error } = await running;
	expect(error?.message).toBeUndefined();
	expect(ctx.sandbox.stats().applied - 1 + other.stats().applied).toBe(400);
}, 120_000);
void SANDBOX_APP_ID;
void SANDBOX_APP_SECRET;
