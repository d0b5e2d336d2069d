import { V1 } from '../support/fixture';
import { outputOf } from '../support/outputs';
import { BLANK, describeOperation } from '../support/operationSuite';

const ctx = describeOperation('member.memberAdmission', {
	baseline: {
		loyaltyCode: 'LP002', mobilePhone: '13900000009', memberName: 'N', storeCode: 'S01',
	},
	badInput: [
		['blank loyalty program', { loyaltyCode: BLANK }, '"Loyalty Program Code" is required', 1],
		['blank loyalty program', { loyaltyCode: { __rl: true, mode: 'id', value: BLANK } }, '"Loyalty Program" is required'],
	],
});

const enroll = {
	resource: 'member', operation: 'memberAdmission', loyaltyCode: 'LP002', mobilePhone: '13900000002',
	memberName: 'Bob Li', storeCode: 'S01', sourceCode: '10140001', email: 'bob@example.com',
};

const documented = {
	loyaltyProgramCode: 'LP002', phonePrefCode: '+86', mobilePhone: '13900000002', name: 'Bob Li',
	storeCode: 'S01', sourceCode: '10140001', email: 'bob@example.com',
};

describe('Member → Enroll Customer as Member', () => {
	it.each([
		['v1', V1, 'LP002'],
		['v2, program by code', {}, { __rl: true, mode: 'id', value: 'LP002' }],
	])('%s: POST /v1/member/admission with the documented body', async (_what, settings, loyaltyCode) => {
		const { items, error } = await ctx.engine.run({ ...enroll, loyaltyCode }, [{}], settings);
		expect(error).toBeUndefined();
		const [request] = ctx.sandbox.apiRequests('/v1/member');
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/member/admission');
		expect(request.body).toEqual(documented);
		// Version 1 outputs SocialHub's envelope, version 2 the resource itself.
		expect(outputOf(items[0], settings)).toMatchObject({ cardNo: expect.stringMatching(/^M/) });
	});

	it('a missing loyalty program is refused before any request', async () => {
		const { error } = await ctx.engine.run({ ...enroll, loyaltyCode: '={{ "" }}' }, [{}], V1);
		expect(error?.message).toBe('"Loyalty Program Code" is required');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});
});
