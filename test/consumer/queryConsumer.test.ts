import { BLANK, describeOperation } from '../operationSuite';

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
