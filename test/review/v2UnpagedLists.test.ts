/**
 * Review (version 2 UX, issue 12: list operations return rows as items): the paged lists output
 * one item per row, but the two unpaged lists — Get Loyalty Programs and Get Third-Party
 * Accounts — output SocialHub's envelope as one item ({code, msg, data: [...]}), so a user has
 * to add a Split Out node for them and only them, and cannot pair rows with their input item.
 */
import { useSandbox } from '../fixture';

const ctx = useSandbox();

describe('review: version 2 unpaged lists', () => {
	it('Get Loyalty Programs outputs one item per program, each paired with its input item', async () => {
		const { items, error } = await ctx.engine.run({ resource: 'member', operation: 'getLoyaltyPrograms' }, [{}, {}]);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.loyaltyProgramCode, item.pairedItem])).toEqual([
			['LP001', { item: 0 }], ['LP002', { item: 0 }], ['LP001', { item: 1 }], ['LP002', { item: 1 }],
		]);
	});
});
