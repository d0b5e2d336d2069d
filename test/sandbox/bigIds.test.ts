/**
 * `bigIds`: record IDs as a Java back end writes a Long — bare JSON numbers beyond 2^53, which
 * JavaScript's JSON.parse cannot keep. The sandbox keeps them exact and predictable.
 */
import { BIG_RECORD_ID_FIRST, bigRecordId } from '../../sandbox/points';
import { SocialHubSandbox } from '../../sandbox/server';
import { admin, adjust, get, raw, token, useRawSandbox } from './client';

const RECORDS = '/v1/points/pointsRecords/PA0001';

describe('bigIds', () => {
	const ctx = useRawSandbox({ bigIds: true });
	const { sandbox } = ctx;

	it('are counted from 7615917337495251231 (above 2^62) in the order records are made, the seed record first', () => {
		expect(BIG_RECORD_ID_FIRST).toBeGreaterThan(2n ** 62n);
		expect(bigRecordId(0)).toBe(7615917337495251231n);
		expect(sandbox.state.records[0].recordId).toBe(7615917337495251231n);
	});

	it('an adjustment’s answer carries its record ID as a bare number; JSON.parse would change its digits', async () => {
		const answer = await adjust(sandbox, ctx.token, 'big-1');
		expect(answer.text).toContain('"recordId":7615917337495251232,');
		const parsed = JSON.parse(answer.text) as { data: { recordId: number } };
		expect(String(parsed.data.recordId)).not.toBe('7615917337495251232');
		const duplicate = await adjust(sandbox, ctx.token, 'big-1');
		expect(duplicate.text).toContain('"recordId":7615917337495251232,');
		expect(sandbox.state.adjustments.get('big-1')?.recordId).toBe(7615917337495251232n);
	});

	it('the points records list writes every record ID the same way', async () => {
		await adjust(sandbox, ctx.token, 'big-2');
		const answer = await get(sandbox, ctx.token, RECORDS);
		expect(answer.text).toContain('"recordId":7615917337495251231,');
		expect(answer.text).toContain('"recordId":7615917337495251232,');
		// As JS numbers the two IDs are one.
		const rows = (JSON.parse(answer.text) as { data: { list: Array<{ recordId: number }> } }).data.list;
		expect(rows[0].recordId).toBe(rows[1].recordId);
	});

	it('a request body with numbers beyond 2^53 arrives with every digit in rawBody', async () => {
		const text = '{"accountType":2,"accountCode":"M0001","operationId":"big-3","operationType":6,"pointValue":1,"effectiveEndTime":1893456000000,"pointsGroupCode":12345678901234567891}';
		await raw(sandbox.url, 'POST', '/v1/points/adjustment', { Authorization: ctx.token, 'Content-Type': 'application/json' }, text);
		const [request] = sandbox.apiRequests('/v1/points/adjustment');
		expect(request.rawBody).toBe(text);
		expect(request.rawBody).toContain('12345678901234567891');
	});
});

describe('bigIds switched at run time', () => {
	const sandbox = new SocialHubSandbox();
	beforeAll(() => sandbox.start());
	afterAll(() => sandbox.stop());

	it('through POST /__sandbox/limits: records made from then on get 64-bit IDs; {} and reset switch them off', async () => {
		const accessToken = await token(sandbox);
		expect((await adjust(sandbox, accessToken, 'small')).text).toContain('"recordId":"R1002"');
		await admin(sandbox, 'POST', 'limits', { bigIds: true });
		expect((await adjust(sandbox, accessToken, 'big')).text).toContain('"recordId":7615917337495251231,');
		await admin(sandbox, 'POST', 'limits', {});
		expect((await adjust(sandbox, accessToken, 'small-again')).text).toContain('"recordId":"R1003"');
		sandbox.setLimits({ bigIds: true });
		sandbox.reset();
		expect(sandbox.state.records[0].recordId).toBe('R1001');
	});
});
