import { V1 } from '../support/fixture';
import { BLANK, describeOperation } from '../support/operationSuite';

const ctx = describeOperation('consumer.createConsumer', {
	baseline: {
		name: 'N', mobilePhone: '13900000008', phonePrefCode: '+86', organizationCode: 'ORG1',
	},
	badInput: [
		['blank name', { name: BLANK }, '"Name" is required'],
		['invalid birthday', { birthday: 'soon' }, '"Birthday" is not a valid date/time'],
		['gender out of range', { gender: '={{ 7 }}' }, '"Gender" must be one of 0, 1, 2'],
		['identity type out of range', { identityType: '={{ 9 }}' }, '"Identity Type" must be one of 1, 2, 3, 4'],
	],
});
const consumerCalls = () => ctx.sandbox.apiRequests('/v1/consumer');
const create = { resource: 'consumer', operation: 'createConsumer', name: 'D', mobilePhone: '13900000004', phonePrefCode: '+86', organizationCode: 'ORG1' };

describe('Customer → Create', () => {
	it('POST /v1/consumer with the documented body', async () => {
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
		expect(items[0].json).toMatchObject({ consumerCode: expect.any(String) });
	});

	it('a birthday is never shifted by the time zone', async () => {
		await ctx.engine.run({ ...create, birthday: '1990-05-17T00:00:00' }, [{}], {}, 'America/Los_Angeles');
		expect((consumerCalls()[0].body as { birthday: string }).birthday).toBe('1990-05-17');
	});

	it('v1: the birthday is text as the vendor stored it', async () => {
		await ctx.engine.run({ ...create, birthday: '1990-05-17' }, [{}], V1);
		expect((consumerCalls()[0].body as { birthday: string }).birthday).toBe('1990-05-17');
	});

	it('an invalid birthday is refused with the field name', async () => {
		const { error } = await ctx.engine.run({ ...create, birthday: '1990-13-45' });
		expect(error?.message).toContain('"Birthday" is not a valid date/time');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});
});

const consumerBody = () => ctx.sandbox.apiRequests('/v1/consumer')[0]?.body;

describe('birthdays before 2000 given as date values', () => {
	it('v1 Update Customer: Birthday from a Luxon DateTime of 1985 is sent as 1985-05-05', async () => {
		const { error } = await ctx.engine.run(
			{ resource: 'consumer', operation: 'updateConsumer', consumerCode: 'C0001', birthday: "={{ DateTime.fromISO('1985-05-05', { zone: 'UTC' }) }}" },
			[{}],
			V1,
		);
		expect(error?.message).toBeUndefined();
		expect(consumerBody()).toEqual({ birthday: '1985-05-05' });
	});

	it('v2 Update Customer: Birthday from epoch ms of 1985 in the input is sent as 1985-05-05', async () => {
		const { error } = await ctx.engine.run(
			{ resource: 'consumer', operation: 'updateConsumer', consumerCode: 'C0001', updateFields: { birthday: '={{ $json.dob }}' } },
			[{ dob: Date.UTC(1985, 4, 5) }],
		);
		expect(error?.message).toBeUndefined();
		expect(consumerBody()).toEqual({ birthday: '1985-05-05' });
	});

	it('v1 Create Customer: Birthday from a JS Date of 1979 is sent as 1979-03-04', async () => {
		const { error } = await ctx.engine.run(
			{
				resource: 'consumer', name: 'A', mobilePhone: '13600000009', phonePrefCode: '+86', organizationCode: 'ORG1',
				birthday: "={{ new Date('1979-03-04T00:00:00Z') }}",
			},
			[{}],
			V1,
		);
		expect(error?.message).toBeUndefined();
		expect(consumerBody()).toMatchObject({ birthday: '1979-03-04' });
	});
});
