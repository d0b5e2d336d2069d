import { useSandbox } from './fixture';

const ctx = useSandbox();
const consumerCalls = () => ctx.sandbox.apiRequests('/v1/consumer');

describe('Customer Management', () => {
	it('Create: POST /v1/consumer with the documented body', async () => {
		const { items, error } = await ctx.engine.run({
			resource: 'consumer', operation: 'createConsumer', name: 'Carol Wu', gender: 2, mobilePhone: '13700000003',
			phonePrefCode: '+86', email: 'carol@example.com', sourceCode: '10140001', birthday: '1990-05-17T00:00:00',
			identityType: 1, organizationCode: 'ORG1',
		});
		expect(error).toBeUndefined();
		expect(consumerCalls()[0]).toMatchObject({ method: 'POST', path: '/v1/consumer' });
		expect(consumerCalls()[0].body).toEqual({
			name: 'Carol Wu', gender: 2, mobilePhone: '13700000003', phonePrefCode: '+86', email: 'carol@example.com',
			sourceCode: '10140001', birthday: '1990-05-17', identityType: 1, organizationCode: 'ORG1',
		});
		expect(items[0].json).toMatchObject({ code: '200', data: { consumerCode: expect.any(String) } });
	});

	it('Create: a birthday is never shifted by the time zone', async () => {
		await ctx.engine.run({ resource: 'consumer', operation: 'createConsumer', name: 'D', mobilePhone: '1', birthday: '1990-05-17T00:00:00' }, [{}], {}, 'America/Los_Angeles');
		expect((consumerCalls()[0].body as { birthday: string }).birthday).toBe('1990-05-17');
	});

	it('Create: an invalid birthday is refused with the field name', async () => {
		const { error } = await ctx.engine.run({ resource: 'consumer', operation: 'createConsumer', name: 'D', mobilePhone: '1', birthday: '1990-13-45' });
		expect(error?.message).toContain('"Birthday" is not a valid date/time');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it('Get: GET /v1/consumer/info with a generated timestamp and nonce per request', async () => {
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
		expect(items[0].json).toMatchObject({ data: { consumerCode: 'C0001' } });
	});

	it('Get: an explicit timestamp and nonce still win', async () => {
		const timestamp = String(Date.now());
		await ctx.engine.run({ resource: 'consumer', operation: 'queryConsumer', type: 2, query: 'alice@example.com', timestamp, nonceId: 'my-nonce' });
		expect(consumerCalls()[0].query).toEqual({ type: '2', query: 'alice@example.com', timestamp, nonceId: 'my-nonce' });
	});

	it('Update: with only the name set, the body holds only the name', async () => {
		const { items, error } = await ctx.engine.run({
			resource: 'consumer', operation: 'updateConsumer', consumerCode: 'C0001', updateFields: { name: 'Alice Chen-Wang' },
		});
		expect(error).toBeUndefined();
		expect(consumerCalls()[0]).toMatchObject({ method: 'PUT', path: '/v1/consumer/updateInfo/C0001', body: { name: 'Alice Chen-Wang' } });
		expect(items[0].json).toMatchObject({
			data: { name: 'Alice Chen-Wang', email: 'alice@example.com', address: '1 Sandbox Road', receiveSmsFlag: 1, receiveEmailFlag: 0 },
		});
	});

	it('Update: sends language, postal code (as postelCode) and only the flags that were set', async () => {
		await ctx.engine.run({
			resource: 'consumer', operation: 'updateConsumer', consumerCode: 'C0001',
			updateFields: { language: 'en', postalCode: '200000', receiveEmailFlag: 1, birthday: '1991-02-03' },
		});
		expect(consumerCalls()[0].body).toEqual({ language: 'en', postelCode: '200000', receiveEmailFlag: 1, birthday: '1991-02-03' });
	});

	it('Update: a blank field in the collection is not sent', async () => {
		await ctx.engine.run({
			resource: 'consumer', operation: 'updateConsumer', consumerCode: 'C0001', updateFields: { email: '', name: 'X' },
		});
		expect(consumerCalls()[0].body).toEqual({ name: 'X' });
	});

	it('Import Events: sends {data: [...]} with properties as JSON objects and ms-epoch times', async () => {
		const { error } = await ctx.engine.run({
			resource: 'consumer', operation: 'importConsumerEventData',
			events: {
				event: [
					{ eventKey: 'view_product', customerCode: 'C0001', eventTime: '2026-11-01T10:00:00Z', eventId: 'e1', tenantId: 't1', properties: '{"sku": "A1", "price": 99}' },
					{ eventKey: 'add_to_cart', eventType: 'track', customerCode: 'C0001', properties: '{}' },
				],
			},
		});
		expect(error).toBeUndefined();
		expect(consumerCalls()[0]).toMatchObject({ method: 'POST', path: '/v1/consumer/event/data' });
		expect(consumerCalls()[0].body).toEqual({
			data: [
				{ eventKey: 'view_product', eventType: 'track', customerCode: 'C0001', eventTime: Date.UTC(2026, 10, 1, 10), eventId: 'e1', tenantId: 't1', properties: { sku: 'A1', price: 99 } },
				{ eventKey: 'add_to_cart', eventType: 'track', customerCode: 'C0001', properties: {} },
			],
		});
	});

	it('Import Events: invalid JSON in a row is refused, naming the row', async () => {
		const { error } = await ctx.engine.run({
			resource: 'consumer', operation: 'importConsumerEventData',
			events: { event: [{ eventKey: 'a', customerCode: 'C0001', properties: '{}' }, { eventKey: 'b', customerCode: 'C0001', properties: '{"sku": ' }] },
		});
		expect(error?.message).toMatch(/^Event 2: "Properties" is not valid JSON/);
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it('Import Events: events can come as JSON from an expression', async () => {
		await ctx.engine.run(
			{ resource: 'consumer', operation: 'importConsumerEventData', inputMode: 'json', eventsJson: '={{ JSON.stringify($json.events) }}' },
			[{ events: [{ eventKey: 'login', customerCode: 'C0001', properties: { device: 'ios' } }] }],
		);
		expect(consumerCalls()[0].body).toEqual({ data: [{ eventKey: 'login', eventType: 'track', customerCode: 'C0001', properties: { device: 'ios' } }] });
	});

	it('Bind Third-Party Account: POST /v1/consumer/binding, then Get Third-Party Accounts', async () => {
		await ctx.engine.run({ resource: 'consumer', operation: 'bindConsumerThirdAccount', consumerCode: 'C0001', accountType: '100014', unionId: 'shop-77', nickName: 'alice_s' });
		const { items } = await ctx.engine.run({ resource: 'consumer', operation: 'queryThirdAccountsByUnionId', unionId: 'shop-77' });
		const [bind, query] = consumerCalls();
		expect(bind).toMatchObject({ method: 'POST', path: '/v1/consumer/binding', body: { consumerCode: 'C0001', accountType: '100014', unionId: 'shop-77', nickName: 'alice_s' } });
		expect(query).toMatchObject({ method: 'GET', path: '/v1/consumer/thirdaccounts/shop-77' });
		expect(items[0].json).toMatchObject({ data: [{ consumerCode: 'C0001', unionId: 'shop-77' }] });
	});
});
