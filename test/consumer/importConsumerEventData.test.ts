import { V1 } from '../support/fixture';
import { describeOperation } from '../support/operationSuite';

const event = { eventKey: 'k', customerCode: 'C0001', eventTime: 1800000000000, eventId: 'e1', tenantId: 't1', properties: '{}' };

const ctx = describeOperation('consumer.importConsumerEventData', {
	baseline: { data: { event: [event] } },
	badInput: [
		['blank event key', { data: { event: [{ ...event, eventKey: '={{ "" }}' }] } }, 'Event 1: "Event Key" is required'],
		['blank customer code', { data: { event: [{ ...event, customerCode: ' ' }] } }, 'Event 1: "Customer Code" is required'],
		['invalid properties JSON', { data: { event: [{ ...event, properties: '{x' }] } }, 'Event 1: "Properties" is not valid JSON'],
		['properties that are not an object', { data: { event: [{ ...event, properties: '[1]' }] } }, 'Event 1: "Properties" must be a JSON object'],
		['invalid event time', { data: { event: [{ ...event, eventTime: 'later' }] } }, 'Event 1: "Event Time" is not a valid date/time'],
		['no events', { data: {} }, 'At least one event is required'],
		['invalid events JSON', { inputMode: 'json', eventsJson: '[{' }, '"Events (JSON)" is not valid JSON'],
	],
});
const consumerCalls = () => ctx.sandbox.apiRequests('/v1/consumer');
const importEvents = { resource: 'consumer', operation: 'importConsumerEventData' };

describe('Customer → Import Events', () => {
	it('sends {data: [...]} with properties as JSON objects and ms-epoch times', async () => {
		const { error } = await ctx.engine.run({
			...importEvents,
			data: {
				event: [
					{ eventKey: 'view_product', customerCode: 'C0001', eventTime: '2026-11-01T10:00:00Z', eventId: 'e1', tenantId: 't1', properties: '{"sku": "A1", "price": 99}' },
					{ eventKey: 'add_to_cart', eventType: 'track', customerCode: 'C0001', eventTime: '2026-11-01T10:05:00Z', eventId: 'e2', tenantId: 't1', properties: '{}' },
				],
			},
		});
		expect(error).toBeUndefined();
		expect(consumerCalls()[0]).toMatchObject({ method: 'POST', path: '/v1/consumer/event/data' });
		expect(consumerCalls()[0].body).toEqual({
			data: [
				{ eventKey: 'view_product', eventType: 'track', customerCode: 'C0001', eventTime: Date.UTC(2026, 10, 1, 10), eventId: 'e1', tenantId: 't1', properties: { sku: 'A1', price: 99 } },
				{ eventKey: 'add_to_cart', eventType: 'track', customerCode: 'C0001', eventTime: Date.UTC(2026, 10, 1, 10, 5), eventId: 'e2', tenantId: 't1', properties: {} },
			],
		});
	});

	it('v1: the vendor’s data.event rows with a ms epoch number', async () => {
		const event = { eventKey: 'login', customerCode: 'C0001', eventTime: 1800000000000, eventId: 'e9', tenantId: 't1', properties: '{"a":1}' };
		const { error } = await ctx.engine.run({ ...importEvents, data: { event: [event] } }, [{}], V1);
		expect(error).toBeUndefined();
		expect(consumerCalls()[0].body).toEqual({ data: [{ ...event, eventType: 'track', properties: { a: 1 } }] });
	});

	it('invalid JSON in a row is refused, naming the row', async () => {
		const row = { customerCode: 'C0001', eventTime: 1800000000000, eventId: 'e', tenantId: 't' };
		const { error } = await ctx.engine.run({
			...importEvents,
			data: { event: [{ ...row, eventKey: 'a', properties: '{}' }, { ...row, eventKey: 'b', properties: '{"sku": ' }] },
		});
		expect(error?.message).toMatch(/^Event 2: "Properties" is not valid JSON/);
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it('events can come as JSON from an expression', async () => {
		await ctx.engine.run(
			{ ...importEvents, inputMode: 'json', eventsJson: '={{ JSON.stringify($json.events) }}' },
			[{ events: [{ eventKey: 'login', customerCode: 'C0001', properties: { device: 'ios' } }] }],
		);
		expect(consumerCalls()[0].body).toEqual({ data: [{ eventKey: 'login', eventType: 'track', customerCode: 'C0001', properties: { device: 'ios' } }] });
	});
});
