/**
 * Every value exact (issue 20): 64-bit IDs from SocialHub reach the output digit for digit (as
 * text), a code that lost its digits upstream is refused, an expiry in the past is refused for
 * points added, SocialHub's text is read in its charset, and a write whose answer was lost says
 * it may have been applied.
 */
import type { IDataObject } from 'n8n-workflow';

import { bigRecordId } from '../../sandbox/points';
import { V1, adjustParameters, useSandbox } from '../fixture';

const ctx = useSandbox();

const adjustments = () => ctx.sandbox.apiRequests('/v1/points/adjustment');

describe('integers beyond 2^53 in SocialHub’s answers', () => {
	it.each([1, 2] as const)('v%s: an adjustment’s 64-bit recordId reaches the output exactly, as text', async (typeVersion) => {
		ctx.sandbox.setLimits({ bigIds: true });
		const { items, error } = await ctx.engine.run(adjustParameters(), [{}], { typeVersion });
		expect(error).toBeUndefined();
		// Version 1 outputs SocialHub's envelope, version 2 the record itself.
		const record = (typeVersion === 1 ? items[0].json.data : items[0].json) as IDataObject;
		expect(record.recordId).toBe(bigRecordId(0).toString());
		expect(bigRecordId(0).toString()).toBe('7615917337495251231');
	});

	it('a list of records (Return All) keeps every record’s 64-bit ID', async () => {
		ctx.sandbox.setLimits({ bigIds: true });
		const seeded = 5;
		for (let i = 0; i < seeded; i++) await ctx.engine.run(adjustParameters({ operationId: `big-${i}`, pointValue: 1 }));
		const { items } = await ctx.engine.run({ resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', returnAll: true });
		const ids = items.map((item) => item.json.recordId).filter((id) => typeof id === 'string' && id.length > 15);
		expect(ids.sort()).toEqual(Array.from({ length: seeded }, (_, i) => bigRecordId(i).toString()).sort());
	});

	it('JSON typed into a field keeps its big integers exactly (sent as text)', async () => {
		const { error } = await ctx.engine.run({
			resource: 'masterdata',
			operation: 'batchSyncProduct',
			inputMode: 'json',
			productsJson: '[{"type": 0, "code": "P-1", "name": "Tea", "tags": [7615917337495251231]}]',
		});
		expect(error).toBeUndefined();
		const [request] = ctx.sandbox.apiRequests('/v1/masterdata/product/batchSync');
		expect(request.rawBody).toContain('"7615917337495251231"');
	});
});

describe('a code, card number or ID that lost its digits upstream', () => {
	it.each([
		['Account Code', adjustParameters({ accountCode: '={{ $json.card }}' })],
		['Card Number', { resource: 'member', operation: 'getMember', cardNo: '={{ $json.card }}' }],
	])('%s given as the JSON number 6222021234567890123 is refused naming the field', async (label, parameters) => {
		const { error } = await ctx.engine.run(parameters, [{ card: 6222021234567890123 }]);
		expect(error?.message).toContain(`"${label}" arrived as the number 6222021234567890000`);
		expect(ctx.sandbox.requests.filter((r) => r.path !== '/v1/auth/token')).toHaveLength(0);
	});

	it('the same digits as text are sent as they are', async () => {
		await ctx.engine.run(adjustParameters({ accountCode: '={{ $json.card }}' }), [{ card: '6222021234567890123' }]);
		expect((adjustments()[0].body as IDataObject).accountCode).toBe('6222021234567890123');
	});
});

describe('Effective End Time', () => {
	it.each([V1, {}])('in the past on a Behavior Increase is refused naming the field (%j)', async (settings) => {
		const { error } = await ctx.engine.run(adjustParameters({ effectiveEndTime: '2020-01-01T00:00:00Z' }), [{}], settings);
		expect(error?.message).toBe('"Effective End Time" is in the past (2020-01-01T00:00:00.000Z): the points would be expired on arrival. Give a time in the future');
		expect(adjustments()).toHaveLength(0);
	});

	it('a minute ago is within the clock-skew margin and sent', async () => {
		const { error } = await ctx.engine.run(adjustParameters({ effectiveEndTime: '={{ $now.minus({ minutes: 1 }).toISO() }}' }));
		expect(adjustments()).toHaveLength(1);
		// The sandbox, like SocialHub, wants a future expiry: its refusal is SocialHub's to make.
		expect(error?.message ?? '').not.toContain('"Effective End Time" is in the past');
	});

	it('on a deduction it is sent as given (it marks no points of its own; SocialHub decides)', async () => {
		await ctx.engine.run(adjustParameters({ operationType: 7, pointValue: 5, effectiveEndTime: '2020-01-01T00:00:00Z' }));
		expect((adjustments()[0].body as IDataObject).effectiveEndTime).toBe(Date.UTC(2020, 0, 1));
	});
});

describe('SocialHub’s text in another charset', () => {
	it('a refusal in GBK is shown as written: 积分不足', async () => {
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', status: 200, body: { code: '40096', msg: '积分不足' }, charset: 'GBK' });
		const { error } = await ctx.engine.run(adjustParameters());
		expect(error?.message).toBe('Adjust Member Points failed: 积分不足');
	});

	it('a success answer in GBK is output as written', async () => {
		ctx.sandbox.addFault({ path: '/v1/member/M0001', charset: 'GBK' });
		ctx.sandbox.state.members.get('M0001')!.tierName = '金卡会员';
		const { items } = await ctx.engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		expect(items[0].json).toMatchObject({ cardNo: 'M0001', tierName: '金卡会员' });
	});
});

describe('a write whose outcome is unknown', () => {
	it.each([
		['the connection closed after SocialHub applied it', { applyFirst: true, drop: true }],
		['an HTTP 200 answer cut off mid-body', { truncate: true }],
		['no answer within the Timeout', { applyFirst: true, hang: true }],
	])('an adjustment, %s: may have been applied; re-run with the same Operation ID', async (_what, fault) => {
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', ...fault });
		const { error } = await ctx.engine.run({ ...adjustParameters({ operationId: 'lost-1' }), requestOptions: { timeout: 500 } });
		expect(error?.description).toContain('may have applied it');
		expect(error?.description).toContain('Run it again with the same Operation ID ("lost-1")');
		expect(error?.description).not.toContain("Check the credential's Base URL");
		expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1100);
	});

	it('Create Customer, connection closed after it was applied: check before sending it again', async () => {
		ctx.sandbox.addFault({ path: '/v1/consumer', applyFirst: true, drop: true });
		const { error } = await ctx.engine.run({ resource: 'consumer', operation: 'createConsumer', name: 'Lost', mobilePhone: '13900000077', phonePrefCode: '+86', organizationCode: 'ORG1' });
		expect(error?.description).toContain('Check in SocialHub whether it was applied before sending it again');
	});

	it('with Retry On Fail, the adjustment is sent again with its Operation ID and applied once', async () => {
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', applyFirst: true, drop: true });
		const { error, items } = await ctx.engine.run(adjustParameters({ operationId: 'lost-2' }), [{}], { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ duplicate: true });
		expect(ctx.sandbox.stats().appliedMoreThanOnce).toBe(0);
		expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1100);
	});

	it('with Retry On Fail, Create Customer is not sent again blindly', async () => {
		ctx.sandbox.addFault({ path: '/v1/consumer', applyFirst: true, drop: true });
		const { error } = await ctx.engine.run(
			{ resource: 'consumer', operation: 'createConsumer', name: 'Once', mobilePhone: '13900000078', phonePrefCode: '+86', organizationCode: 'ORG1' },
			[{}],
			{ retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		);
		expect(error?.description).toContain('may have applied it');
		expect(ctx.sandbox.apiRequests('/v1/consumer')).toHaveLength(1);
	});
});
