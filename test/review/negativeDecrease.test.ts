/**
 * Review: "the sign is Operation Type's to give", but only a negative value on Behavior Increase
 * is refused. A negative Point Value on a decrease (7, 8, 9) is sent as is: SocialHub then
 * deducts a negative amount — it adds points — while the workflow says "decrease". Version 2's
 * minValue 1 is only checked in the editor, not for a value coming from an expression.
 */
import { ADJUST } from '../adjustment';
import { V1, useSandbox } from '../fixture';

const ctx = useSandbox();

describe('review: a negative Point Value on a decrease', () => {
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
