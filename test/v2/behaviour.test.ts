/** What version 2 outputs: the resource itself, as n8n's own nodes do; version 1 keeps SocialHub's envelope (issue 22). */
import { v1Behaviour } from '../../nodes/SocialHub/v1/behaviour';
import { v2Behaviour } from '../../nodes/SocialHub/v2/behaviour';
import { V1, adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

describe('what one answer becomes', () => {
	it.each([
		['an object', { code: '200', data: { balance: 5 } }, [{ balance: 5 }]],
		['a list', { code: '200', data: [{ a: 1 }, 2] }, [{ a: 1 }, { value: 2 }]],
		['null', { code: '200', data: null }, [{ success: true }]],
		['nothing', { code: '200' }, [{ success: true }]],
		['a bare value', { code: '200', data: 42 }, [{ success: true, value: 42 }]],
		['false', { code: '200', data: false }, [{ success: true, value: false }]],
	])('version 2, data is %s', (_what, body, expected) => {
		expect(v2Behaviour.output(body)).toEqual(expected);
	});

	it('version 1 outputs the envelope as it came', () => {
		const body = { code: '200', msg: 'success', data: { balance: 5 } };
		expect(v1Behaviour.output(body)).toEqual([body]);
	});
});

describe('in a run', () => {
	it('v2 Adjust outputs the adjustment record; v1 the envelope', async () => {
		const v2 = await ctx.engine.run(adjustParameters({ operationId: 'out-2' }));
		expect(v2.items[0].json).toEqual({ operationId: 'out-2', accountCode: 'PA0001', recordId: 'R1002', pointValue: 100, balance: 1100 });
		const v1 = await ctx.engine.run(adjustParameters({ operationId: 'out-1' }), [{}], V1);
		expect(v1.items[0].json).toMatchObject({ code: '200', msg: 'success', data: { operationId: 'out-1', balance: 1200 } });
	});

	it('v2: an answer without data is { success: true }, paired', async () => {
		ctx.sandbox.addFault({ path: '/v1/consumer/binding', status: 200, body: { code: '200', msg: 'success', data: null } });
		const { items } = await ctx.engine.run({ resource: 'consumer', operation: 'bindConsumerThirdAccount', consumerCode: 'C0001', accountType: 100014, unionId: 'U1', nickName: 'n' });
		expect(items).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
	});
});

describe('version 2 unpaged lists', () => {
	it('Get Loyalty Programs outputs one item per program, each paired with its input item', async () => {
		const { items, error } = await ctx.engine.run({ resource: 'member', operation: 'getLoyaltyPrograms' }, [{}, {}]);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.loyaltyProgramCode, item.pairedItem])).toEqual([
			['LP001', { item: 0 }], ['LP002', { item: 0 }], ['LP001', { item: 1 }], ['LP002', { item: 1 }],
		]);
	});
});
