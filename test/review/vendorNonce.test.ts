/**
 * Review (issue 12: "timestamp/nonce generated"; socialhub-api.md: nonceId random per request,
 * timestamp the send time). The vendor's node made users type both, so every vendor workflow
 * stores a fixed nonce (and often a fixed timestamp). Version 1 sends what is stored, so the
 * vendor defect survives: the same nonce on every item and every run, a stale timestamp.
 */
import { V1, useSandbox } from '../fixture';

const ctx = useSandbox();
const vendorQuery = {
	resource: 'consumer', operation: 'queryConsumer', type: 1, query: '13800000001', phonePrefCode: '+86',
	timestamp: '1700000000000', nonceId: 'vendor-nonce-1',
};

describe('review: a vendor Query Customer node with the nonce and timestamp it had to store', () => {
	it('two items in one run are sent with two different nonces', async () => {
		await ctx.engine.run(vendorQuery, [{}, {}], V1);
		const nonces = ctx.sandbox.apiRequests('/v1/consumer/info').map((r) => r.query.nonceId);
		expect(nonces).toHaveLength(2);
		expect(new Set(nonces).size).toBe(2);
	});

	it('the timestamp sent is the send time, not the one typed when the workflow was built', async () => {
		const before = Date.now();
		await ctx.engine.run(vendorQuery, [{}], V1);
		const sent = Number(ctx.sandbox.apiRequests('/v1/consumer/info')[0]?.query.timestamp);
		expect(sent).toBeGreaterThanOrEqual(before - 60_000);
	});
});
