import type { IDataObject } from 'n8n-workflow';

import { ADJUST } from '../support/adjustment';
import { adjustParameters, V1 } from '../support/fixture';
import { BLANK, describeOperation } from '../support/operationSuite';

const ctx = describeOperation('points.adjustPoints', {
	baseline: ADJUST,
	badInput: [
		['blank account code', { accountCode: BLANK }, '"Account Code" is required'],
		['blank operation id', { operationId: BLANK }, '"Operation ID" is required'],
		['blank expiry', { effectiveEndTime: BLANK }, '"Effective End Time" is required'],
		['text as the point value', { pointValue: '={{ "100 points" }}' }, '"Point Value" must be a whole number above 0'],
		['tier flag out of range', { upgradeTierFlag: '={{ 2 }}' }, '"Count Toward Tier Upgrade" must be one of 0, 1'],
	],
});

const adjustments = () => ctx.sandbox.apiRequests('/v1/points/adjustment');

describe('Points → Adjust Member Points', () => {
	it('sends exactly the documented request and outputs SocialHub’s response', async () => {
		const { items, error } = await ctx.engine.run(
			adjustParameters({ pointsGroupCode: 'PG01', pointDesc: 'Birthday bonus', upgradeTierFlag: 1 }),
		);
		expect(error).toBeUndefined();
		expect(adjustments()).toHaveLength(1);
		const [request] = adjustments();
		expect(request.method).toBe('POST');
		expect(request.contentType).toBe('application/json;charset=utf-8');
		expect(request.authorization).toMatch(/^tok-/);
		expect(request.body).toEqual({
			accountType: 2,
			accountCode: 'M0001',
			pointsGroupCode: 'PG01',
			operationId: 'op-1',
			operationType: 6,
			pointValue: 100,
			pointDesc: 'Birthday bonus',
			effectiveEndTime: Date.UTC(2027, 11, 31, 23, 59, 59),
			upgradeTierFlag: 1,
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ operationId: 'op-1', balance: 1100 });
		expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1100);
	});

	it('leaves empty optional fields out of the body', async () => {
		await ctx.engine.run(adjustParameters({ pointsGroupCode: '', pointDesc: '' }));
		expect(Object.keys(adjustments()[0].body as object).sort()).toEqual(
			['accountCode', 'accountType', 'effectiveEndTime', 'operationId', 'operationType', 'pointValue', 'upgradeTierFlag'],
		);
	});

	it.each([
		['a zone-less date picker value, in the workflow time zone', '2027-06-30T12:00:00', 'Asia/Shanghai', Date.UTC(2027, 5, 30, 4)],
		['an ISO string with an offset', '2027-06-30T12:00:00+02:00', 'UTC', Date.UTC(2027, 5, 30, 10)],
		['a date expression', '={{ DateTime.fromISO("2027-01-15T08:00:00Z").plus({ days: 1 }) }}', 'UTC', Date.UTC(2027, 0, 16, 8)],
		['a ms epoch number', 1800000000000, 'UTC', 1800000000000],
	])('sends the expiry from %s as ms epoch', async (_what, value, timezone, expected) => {
		const { error } = await ctx.engine.run(adjustParameters({ effectiveEndTime: value }), [{}], {}, timezone);
		expect(error).toBeUndefined();
		expect((adjustments()[0].body as { effectiveEndTime: number }).effectiveEndTime).toBe(expected);
	});

	it('evaluates expressions per item', async () => {
		const { items } = await ctx.engine.run(
			adjustParameters({
				operationId: '={{ "order-" + $json.order }}',
				pointValue: '={{ $json.points }}',
				operationType: '={{ $json.points > 0 ? 6 : 7 }}',
			}),
			[{ order: 'A1', points: 10 }, { order: 'A2', points: 20 }, { order: 'A3', points: 30 }],
		);
		expect(items).toHaveLength(3);
		const bodies = adjustments().map((r) => r.body as { operationId: string; pointValue: number });
		expect(bodies.map((b) => `${b.operationId}:${b.pointValue}`).sort()).toEqual(['order-A1:10', 'order-A2:20', 'order-A3:30']);
		expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1060);
	});

	it('makes one token call for 50 items, and 50 adjustments', async () => {
		const items = Array.from({ length: 50 }, (_, i) => ({ i }));
		const { items: output, error } = await ctx.engine.run(adjustParameters({ operationId: '={{ "bulk-" + $json.i }}', pointValue: 1 }), items);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(50);
		expect(ctx.sandbox.tokenCalls).toBe(1);
		expect(adjustments()).toHaveLength(50);
		expect(ctx.engine.storedCredential()?.accessToken).toMatch(/^tok-/);
	});

	it('reuses the stored token on the next run without a token call', async () => {
		await ctx.engine.run(adjustParameters({ operationId: 'first' }));
		await ctx.engine.run(adjustParameters({ operationId: 'second' }));
		expect(ctx.sandbox.tokenCalls).toBe(1);
	});

	it('renews an expired token once (HTTP 401) and every item succeeds', async () => {
		await ctx.engine.run(adjustParameters({ operationId: 'warm-up' }));
		ctx.sandbox.expireTokens();
		const items = Array.from({ length: 20 }, (_, i) => ({ i }));
		const { items: output, error } = await ctx.engine.run(adjustParameters({ operationId: '={{ "after-expiry-" + $json.i }}', pointValue: 1 }), items);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(20);
		expect(ctx.sandbox.tokenCalls).toBe(2);
		expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1000 + 100 + 20);
	});

	it('never applies the same operation ID twice', async () => {
		await ctx.engine.run(adjustParameters({ operationId: 'same' }));
		const { items } = await ctx.engine.run(adjustParameters({ operationId: 'same' }));
		expect(items[0].json).toMatchObject({ duplicate: true });
		expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1100);
	});

	it('surfaces a business failure (HTTP 200, code ≠ 200) as an error with SocialHub’s message', async () => {
		const { error, items } = await ctx.engine.run(adjustParameters({ operationType: 7, pointValue: 5000 }));
		expect(items).toHaveLength(0);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Adjust Member Points failed: Insufficient points: balance 1000, deduction 5000');
		expect(error?.description).toContain('code 40096');
		// SocialHub's own answer stays on the error (n8n shows it in the node's error view).
		expect(error?.errorResponse).toMatchObject({ msg: 'Insufficient points: balance 1000, deduction 5000' });
	});

	it('with Continue On Fail, a failing item becomes an error item and the others go through', async () => {
		const { items, error } = await ctx.engine.run(
			adjustParameters({
				operationId: '={{ "c-" + $json.n }}',
				pointValue: '={{ typeof $json.n === "number" ? Math.abs($json.n) : $json.n }}',
				operationType: '={{ $json.n > 0 ? 6 : 7 }}',
			}),
			[{ n: 10 }, { n: -99999 }, { n: 30 }, { n: 'abc' }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(items[0].json).not.toHaveProperty('error');
		expect(items[1].json.error).toContain('Insufficient points');
		expect(items[2].json).not.toHaveProperty('error');
		expect(items[3].json.error).toContain('"Point Value" must be a whole number above 0');
		expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1040);
	});

	it('reports bad credentials with SocialHub’s message and sends no adjustment', async () => {
		ctx.engine.setCredential({ baseUrl: ctx.sandbox.url, appId: 'sandbox-app', appSecret: 'wrong-secret-value' });
		const { error } = await ctx.engine.run(adjustParameters());
		expect(error?.message).toBe('Adjust Member Points failed: SocialHub rejected the App ID and App Secret: Invalid appId or appSecret');
		expect(JSON.stringify(error)).not.toContain('wrong-secret-value');
		expect(adjustments()).toHaveLength(0);
	});

	it('n8n itself refuses to start with a required field left empty', async () => {
		// n8n 2.x names the parameter; n8n 1.x only says the workflow has issues.
		await expect(ctx.engine.run(adjustParameters({ accountCode: '' }))).rejects.toThrow(
			/Parameter "Account Code" is required|The workflow has issues/,
		);
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it.each([
		['an account code that an expression leaves empty', { accountCode: '={{ $json.missing }}' }, '"Account Code" is required'],
		['a blank operation id', { operationId: '   ' }, '"Operation ID" is required'],
		['an invalid expiry', { effectiveEndTime: 'next tuesday' }, '"Effective End Time" is not a valid date/time'],
		['an impossible calendar date', { effectiveEndTime: '2027-02-30T10:00:00' }, '"Effective End Time" is not a valid date/time'],
		['a zero point value', { pointValue: 0 }, '"Point Value" must be a whole number above 0'],
		['a fractional point value', { pointValue: 1.5 }, '"Point Value" must be a whole number above 0'],
		['text as the point value', { pointValue: '={{ "ten" }}' }, '"Point Value" must be a whole number above 0'],
		['an unknown operation type from an expression', { operationType: '={{ 5 }}' }, '"Operation Type" must be one of 6, 7, 8, 9'],
		['an unknown account type from an expression', { accountType: '={{ 3 }}' }, '"Account Type" must be one of 1, 2'],
	])('refuses %s before any request', async (_what, overrides, message) => {
		const { error } = await ctx.engine.run(adjustParameters(overrides));
		expect(error?.message).toContain(message);
		expect(ctx.sandbox.requests).toHaveLength(0);
	});
});

describe('a negative Point Value on a decrease', () => {
	it.each([
		['v2, Behavior Decrease, value from an expression', { operationType: 7, pointValue: '={{ $json.points }}' }, {}],
		['v2, Gift Redemption Decrease', { operationType: 8, pointValue: '={{ $json.points }}' }, {}],
		['v1, Coupon Redemption Decrease', { operationType: 9, pointValue: -50 }, V1],
	])('%s is refused before it is sent', async (_what, overrides, settings) => {
		const { error } = await ctx.engine.run({ ...ADJUST, operationId: 'neg-1', ...overrides }, [{ points: -50 }], settings);
		expect(error?.message).toMatch(/Point Value/);
		expect(ctx.sandbox.apiRequests('/v1/points/adjustment')).toHaveLength(0);
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
