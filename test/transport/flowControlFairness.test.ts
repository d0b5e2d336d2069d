/**
 * The tenant's flow control is shared by every run of the process (flowControl.ts: one gate per
 * Base URL + App ID, first come first served). A nightly batch against a rate-limited SocialHub
 * then queues its thousands of items in that gate, and any other workflow of the same tenant —
 * a support chat's balance lookup, an AI agent's tool call, a webhook — waits behind all of them.
 * A single request of another run must not wait for a whole batch it has nothing to do with.
 */
import { SocialHubApi } from '../../credentials/SocialHubApi.credentials';
import { SocialHubEngine } from '../../harness/engine';
import { SocialHub } from '../../nodes/SocialHub/SocialHub.node';
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

it('a one-item lookup started during a 1,000-item batch (SocialHub: 50 a second) is answered within seconds', async () => {
	ctx.sandbox.setLimits({ rateLimit: 50 });
	// Another workflow using the same credential in the same n8n process.
	const chat = new SocialHubEngine(SocialHub, SocialHubApi);
	chat.setCredential({ baseUrl: ctx.sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });

	const batch = ctx.engine.run(adjustParameters({ operationId: '={{ "night-" + $json.i }}', pointValue: 1 }), Array.from({ length: 1000 }, (_, i) => ({ i })));
	await new Promise((resolve) => setTimeout(resolve, 3000));
	const started = Date.now();
	const lookup = await chat.run({ resource: 'points', operation: 'getPointsAccount', cardNo: 'M0001' });
	const waited = Date.now() - started;
	const { error } = await batch;

	expect(lookup.error).toBeUndefined();
	expect(error).toBeUndefined();
	expect(ctx.sandbox.stats().appliedMoreThanOnce).toBe(0);
	// The batch alone needs ≥ 20 s at 50 a second; the lookup is one request.
	expect(waited).toBeLessThan(5000);
}, 120_000);
