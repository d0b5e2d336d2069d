/**
 * SocialHub's answers read exactly: 64-bit IDs reach the output digit for digit (as text), a code
 * that lost its digits upstream is refused, text is read in the charset it declares.
 */
import type { IDataObject } from 'n8n-workflow';

import { bigRecordId } from '../../sandbox/points';
import { parseExactJson, decodeText } from '../../nodes/SocialHub/shared/exactJson';
import { adjustParameters, useSandbox } from '../support/fixture';

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


describe('parseExactJson', () => {
	it.each([
		['{"id": 7615917337495251231}', { id: '7615917337495251231' }],
		['[-9007199254740993, 9007199254740991]', ['-9007199254740993', 9007199254740991]],
		['{"s": "7615917337495251231", "f": 1.5e300, "n": 12}', { s: '7615917337495251231', f: 1.5e300, n: 12 }],
		['{"text": "a \\"quoted\\" 12345678901234567890 inside"}', { text: 'a "quoted" 12345678901234567890 inside' }],
	])('%s', (text, expected) => {
		expect(parseExactJson(text)).toEqual(expected);
	});

	it('throws what JSON.parse throws for text that is not JSON', () => {
		expect(() => parseExactJson('{"a": 12345678901234567890')).toThrow(SyntaxError);
	});
});

describe('decodeText', () => {
	it.each([
		['application/json;charset=GBK', Buffer.from([0xbb, 0xfd, 0xb7, 0xd6]), '积分'],
		['application/json; charset="utf-8"', Buffer.from('积分', 'utf8'), '积分'],
		[undefined, Buffer.from('plain', 'utf8'), 'plain'],
		['text/plain;charset=no-such-charset', Buffer.from('ok', 'utf8'), 'ok'],
	])('%s', (contentType, bytes, expected) => {
		expect(decodeText(bytes, contentType)).toBe(expected);
	});
});
