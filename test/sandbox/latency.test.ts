/**
 * The sandbox's `latencyMs` option (the bench's "SocialHub 50 ms away"): every API call, the
 * token exchange included, is answered that much later; admin calls are not delayed.
 */
import axios from 'axios';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SocialHubSandbox } from '../../sandbox/server';

async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; result: T }> {
	const started = performance.now();
	const result = await call();
	return { ms: performance.now() - started, result };
}

describe('sandbox latency', () => {
	const slow = new SocialHubSandbox({ latencyMs: 120 });
	const fast = new SocialHubSandbox();
	beforeAll(async () => {
		await slow.start(0);
		await fast.start(0);
	});
	afterAll(async () => {
		await slow.stop();
		await fast.stop();
	});

	it('answers API calls after the configured delay and still answers them correctly', async () => {
		const token = await timed(() => axios.post(slow.url + '/v1/auth/token', { appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET }));
		expect(token.ms).toBeGreaterThanOrEqual(115);
		expect(token.result.data.code).toBe('200');
		expect(slow.tokenCalls).toBe(1);
		const account = await timed(() =>
			axios.get(slow.url + '/v1/points/pointsAccount', {
				params: { accountType: 1, accountCode: 'PA0001' },
				headers: { Authorization: token.result.data.data.accessToken },
				validateStatus: () => true,
			}),
		);
		expect(account.ms).toBeGreaterThanOrEqual(115);
	});

	it('does not delay admin calls, and a sandbox without the option answers at once', async () => {
		expect((await timed(() => axios.get(slow.url + '/__sandbox/stats'))).ms).toBeLessThan(100);
		expect((await timed(() => axios.post(fast.url + '/v1/auth/token', { appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET }))).ms).toBeLessThan(100);
	});
});
