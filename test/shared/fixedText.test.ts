/**
 * n8n's `{{ … }}` typed into a field that is not in Expression mode is text n8n never evaluates:
 * the node refuses it, naming the field, before anything is sent; what an expression produced
 * is never judged (issue 22).
 */
import type { INodeProperties } from 'n8n-workflow';

import { refuseUnevaluated } from '../../nodes/SocialHub/shared/fixedText';
import { V1, adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	default: {},
	options: [{ displayName: 'Name', name: 'name', type: 'string', default: '' }],
};

describe('refuseUnevaluated', () => {
	it.each([
		['{{ $json.cardNo }}', true],
		['order-{{ $json.id }}-bonus', true],
		['={{ $json.cardNo }}', false],
		['={{ "{{ literal }}" }}', false],
		['{ not a template }', false],
		['M0001', false],
	])('%s: refused %s', (raw, refused) => {
		const field: INodeProperties = { displayName: 'Card Number', name: 'cardNo', type: 'string', default: '' };
		if (refused) expect(() => refuseUnevaluated(field, raw)).toThrow(/"Card Number" holds n8n's expression syntax as fixed text/);
		else expect(() => refuseUnevaluated(field, raw)).not.toThrow();
	});

	it('names the child of a collection', () => {
		expect(() => refuseUnevaluated(updateFields, { name: '{{ $json.name }}' })).toThrow('"Update Fields › Name" holds');
	});

	it('looks into a resource locator’s value', () => {
		const locator: INodeProperties = { displayName: 'Loyalty Program', name: 'loyaltyProgram', type: 'resourceLocator', default: '' };
		expect(() => refuseUnevaluated(locator, { __rl: true, mode: 'id', value: '{{ $json.lp }}' })).toThrow('"Loyalty Program" holds');
		expect(() => refuseUnevaluated(locator, { __rl: true, mode: 'id', value: '={{ $json.lp }}' })).not.toThrow();
	});
});

describe('in a run', () => {
	it.each([{}, V1])('Get Member Accounts with the Customer Code typed as {{ $json.consumerCode }}: nothing sent (%j)', async (settings) => {
		const { error } = await ctx.engine.run({ resource: 'member', operation: 'getMemberList', consumerCode: '{{ $json.consumerCode }}' }, [{ consumerCode: 'C0001' }], settings);
		expect(error?.message).toBe(
			'"Customer Code" holds n8n\'s expression syntax as fixed text ({{ $json.consumerCode }}), so n8n did not evaluate it and it would be sent as written. Switch the field to Expression (or start its value with =) and run the node again',
		);
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it('a date field gets this message, not "not a valid date"', async () => {
		const { error } = await ctx.engine.run(adjustParameters({ effectiveEndTime: '{{ $now.plus({ years: 1 }) }}' }));
		expect(error?.message).toContain('"Effective End Time" holds n8n\'s expression syntax as fixed text');
	});

	it('text an expression produced is sent as produced, braces and all', async () => {
		await ctx.engine.run(adjustParameters({ pointDesc: '={{ $json.text }}' }), [{ text: 'Thanks {{ member }}' }]);
		expect((ctx.sandbox.apiRequests('/v1/points/adjustment')[0].body as { pointDesc: string }).pointDesc).toBe('Thanks {{ member }}');
	});

	it('Update Fields › Name typed as {{ $json.name }}: refused naming it', async () => {
		const { error } = await ctx.engine.run({ resource: 'consumer', operation: 'updateConsumer', consumerCode: 'C0001', updateFields: { name: '{{ $json.name }}' } });
		expect(error?.message).toContain('"Update Fields › Name" holds');
	});
});
