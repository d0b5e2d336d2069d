import { V1 } from '../support/fixture';
import { BLANK, describeOperation } from '../support/operationSuite';

const ctx = describeOperation('consumer.updateConsumer', {
	baseline: { 1: { consumerCode: 'C0001', name: 'N' }, 2: { consumerCode: 'C0001', updateFields: { name: 'N' } } },
	badInput: [
		['blank customer code', { consumerCode: BLANK }, '"Customer Code" is required'],
		['receive flag out of range', { updateFields: { receiveSmsFlag: '={{ 2 }}' } }, '"Receive SMS" must be one of 0, 1'],
		['invalid birthday', { updateFields: { birthday: '1990-02-31' } }, '"Birthday" is not a valid date/time'],
	],
});
const consumerCalls = () => ctx.sandbox.apiRequests('/v1/consumer');
const update = { resource: 'consumer', operation: 'updateConsumer', consumerCode: 'C0001' };

describe('Customer → Update', () => {
	it('with only the name set, the body holds only the name', async () => {
		const { items, error } = await ctx.engine.run({ ...update, updateFields: { name: 'Alice Chen-Wang' } });
		expect(error).toBeUndefined();
		expect(consumerCalls()[0]).toMatchObject({ method: 'PUT', path: '/v1/consumer/updateInfo/C0001', body: { name: 'Alice Chen-Wang' } });
		expect(items[0].json).toMatchObject({ name: 'Alice Chen-Wang', email: 'alice@example.com', address: '1 Sandbox Road', receiveSmsFlag: 1, receiveEmailFlag: 0 });


	});

	it('sends language, postal code (as postelCode) and only the flags that were set', async () => {
		await ctx.engine.run({ ...update, updateFields: { language: 'en', postalCode: '200000', receiveEmailFlag: 1, birthday: '1991-02-03' } });
		expect(consumerCalls()[0].body).toEqual({ language: 'en', postelCode: '200000', receiveEmailFlag: 1, birthday: '1991-02-03' });
	});

	it('a blank field in the collection is not sent', async () => {
		await ctx.engine.run({ ...update, updateFields: { email: '', name: 'X' } });
		expect(consumerCalls()[0].body).toEqual({ name: 'X' });
	});

	it('v1: the vendor’s flat fields, only those stored are sent (no gender, no flags)', async () => {
		const { error } = await ctx.engine.run({ ...update, name: 'Alice', email: 'a@example.com' }, [{}], V1);
		expect(error).toBeUndefined();
		expect(consumerCalls()[0].body).toEqual({ name: 'Alice', email: 'a@example.com' });
		expect(ctx.sandbox.state.consumers.get('C0001')).toMatchObject({ receiveEmailFlag: 0 });
	});

	it('v1: stored flags, gender, language and postal code are sent', async () => {
		await ctx.engine.run(
			{ ...update, gender: 0, receiveSmsFlag: 0, receiveEmailFlag: 1, language: 'zh', postalCode: '100000', birthday: '1990-01-02' },
			[{}],
			V1,
		);
		expect(consumerCalls()[0].body).toEqual({ gender: 0, receiveSmsFlag: 0, receiveEmailFlag: 1, language: 'zh', postelCode: '100000', birthday: '1990-01-02' });
	});

	it.each([
		['v1', { ...update }, V1, 'Set at least one field'],
		['v1, only blanks', { ...update, name: '', email: '  ' }, V1, 'Set at least one field'],
		['v2', { ...update, updateFields: {} }, {}, 'Add at least one field under Update Fields'],
	])('%s: an update with nothing to send is refused, never sent empty', async (_what, parameters, settings, hint) => {
		const { error } = await ctx.engine.run(parameters, [{}], settings);
		expect(error?.message).toContain('Nothing to update for this customer');
		expect(error?.message).toContain(hint);
		expect(ctx.sandbox.requests).toHaveLength(0);
	});
});
