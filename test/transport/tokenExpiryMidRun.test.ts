/**
 * A nightly batch of 1,000 adjustments whose stored token dies mid-run (HTTP 401, or HTTP 200 with
 * code 401): every item applied exactly once, the newest token stored in the credential
 * (queue-mode workers read it, transport/tokenHandover.ts), and few credential writes (each is a
 * database write and a re-encryption in n8n).
 */
import { adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();
const ITEMS = 1000;

describe.each([
	['HTTP 401', false],
	['HTTP 200 with code 401', true],
])('1,000 items, the stored token expires mid-run (%s)', (_what, inBody) => {
	beforeEach(() => ctx.sandbox.setRejectTokensInBody(inBody));
	afterEach(() => {
		ctx.sandbox.setRejectTokensInBody(false);
		ctx.sandbox.options.latencyMs = 0;
	});

	it('every item applied exactly once, the newest token stored, few credential writes', async () => {
		// A first run stores a token, as the day before.
		expect((await ctx.engine.run(adjustParameters({ operationId: 'warm' }))).error).toBeUndefined();
		const writesBefore = ctx.engine.credentials.writes;
		ctx.sandbox.setLimits({ maxConcurrent: 40 });
		ctx.sandbox.options.latencyMs = 5;
		const items = Array.from({ length: ITEMS }, (_, i) => ({ i }));
		const running = ctx.engine.run(adjustParameters({ operationId: '={{ "mid-" + $json.i }}', pointValue: 1 }), items);
		// Expire every token twice while the run is under way.
		const expirer = (async () => {
			for (const at of [150, 600]) {
				await new Promise((resolve) => setTimeout(resolve, at));
				ctx.sandbox.expireTokens();
			}
		})();
		const { error, items: out } = await running;
		await expirer;
		const stats = ctx.sandbox.stats();
		expect(error).toBeUndefined();
		expect(out).toHaveLength(ITEMS);
		expect(stats.applied).toBe(ITEMS + 1);
		expect(stats.appliedMoreThanOnce).toBe(0);
		const stored = ctx.engine.storedCredential()?.accessToken;
		// The token the last request carried is the stored one (else every worker renews again).
		const lastCarried = ctx.sandbox.apiRequests('/v1/points/adjustment').filter((r) => !r.throttled).at(-1)?.authorization;
		expect(stored).toBe(lastCarried);
		expect(stored).toBe(ctx.sandbox.issuedTokens.at(-1));
		// One write per token actually renewed (at most one per expiry; a few spare for races).
		const writes = ctx.engine.credentials.writes - writesBefore;
		expect(writes).toBeLessThanOrEqual(ctx.sandbox.issuedTokens.length);
		expect(stats.tokenCalls).toBeLessThanOrEqual(4);
	}, 120_000);
});
