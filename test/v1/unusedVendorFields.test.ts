/**
 * Version 1 keeps Query Customer's Timestamp and Nonce ID for the vendor's saved workflows but
 * never sends them (README, Node versions: "Kept for vendor workflows, never sent"). The vendor's
 * node made both required, so its users filled them the way the vendor's own examples write
 * values: `{{ … }}` without the leading `=`. The fixed-text guard exists because such text "would
 * be sent as written"; for a value the node never sends that is untrue, and refusing it breaks a
 * vendor workflow that the compatibility promise says runs unchanged.
 */
import { V1, useSandbox } from '../support/fixture';

const ctx = useSandbox();

const vendorQuery = {
	resource: 'consumer',
	operation: 'queryConsumer',
	type: 1,
	query: '13800000001',
	phonePrefCode: '+86',
	timestamp: '{{ Date.now() }}',
	nonceId: '{{ $execution.id }}',
};

it('a vendor Query Customer with Timestamp and Nonce ID typed as {{ … }} runs, with a fresh time and nonce', async () => {
	const { error } = await ctx.engine.run(vendorQuery, [{}], V1);
	expect(error).toBeUndefined();
	const [sent] = ctx.sandbox.apiRequests('/v1/consumer/info');
	expect(sent?.query.timestamp).toMatch(/^\d{13}$/);
	expect(sent?.query.nonceId).not.toContain('{{');
});
