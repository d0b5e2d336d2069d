import { V1 } from '../support/fixture';
import { BLANK, describeOperation } from '../support/operationSuite';

const ctx = describeOperation('consumer.queryConsumer', {
	baseline: { type: 1, query: '13800000001' },
	badInput: [
		['blank query', { query: BLANK }, '"Mobile Phone or Email" is required'],
		['search type out of range', { type: '={{ 3 }}' }, '"Search By" must be one of 1, 2'],
		['text as the timestamp', { timestamp: 'now' }, '"Timestamp" is not a valid date/time'],
	],
});
const consumerCalls = () => ctx.sandbox.apiRequests('/v1/consumer');

describe('Customer → Get', () => {
	it('GET /v1/consumer/info with a generated timestamp and nonce per request', async () => {
		const before = Date.now();
		const { items, error } = await ctx.engine.run(
			{ resource: 'consumer', operation: 'queryConsumer', type: 1, query: '13800000001', phonePrefCode: '+86' },
			[{}, {}],
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		const [first, second] = consumerCalls();
		expect(first).toMatchObject({ method: 'GET', path: '/v1/consumer/info', query: { type: '1', query: '13800000001', phonePrefCode: '+86' } });
		expect(Number(first.query.timestamp)).toBeGreaterThanOrEqual(before);
		expect(first.query.nonceId).toMatch(/^[0-9a-f]{32}$/);
		expect(second.query.nonceId).not.toBe(first.query.nonceId);
		expect(items[0].json).toMatchObject({ consumerCode: 'C0001' });
	});

	it('an explicit timestamp and nonce still win', async () => {
		const timestamp = String(Date.now());
		await ctx.engine.run({ resource: 'consumer', operation: 'queryConsumer', type: 2, query: 'alice@example.com', timestamp, nonceId: 'my-nonce' });
		expect(consumerCalls()[0].query).toEqual({ type: '2', query: 'alice@example.com', timestamp, nonceId: 'my-nonce' });
	});
});

const vendorQuery = {
	resource: 'consumer', operation: 'queryConsumer', type: 1, query: '13800000001', phonePrefCode: '+86',
	timestamp: '1700000000000', nonceId: 'vendor-nonce-1',
};

describe('a vendor Query Customer node with the nonce and timestamp it had to store', () => {
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
