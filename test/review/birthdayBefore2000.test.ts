/**
 * Review: a birthday given as a date value (Luxon DateTime, JS Date, or epoch ms from the input)
 * is read with the 2000…9999 window meant for points expiry, so every customer born before
 * 2000 is refused on Create and Update (v1 and v2). Text dates from 1900 pass, so the same
 * birthday works or fails depending on how the expression returns it.
 */
import { V1, useSandbox } from '../fixture';

const ctx = useSandbox();
const consumerBody = () => ctx.sandbox.apiRequests('/v1/consumer')[0]?.body;

describe('review: birthdays before 2000 given as date values', () => {
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
