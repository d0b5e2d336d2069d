/**
 * Review (issue 10, class 11 "dates … never silently shifted"): Order Date goes to SocialHub as
 * wall-clock text (yyyy-MM-dd HH:mm:ss, no zone). A vendor workflow stores it as exactly that
 * text. Version 1 converts it to an instant in the workflow's time zone and back, so a time in
 * a daylight-saving gap (02:30 on 2026-03-08 in America/New_York) is sent as 03:30 with no
 * error or warning: the order's recorded time changes by an hour.
 */
import { V1, useSandbox } from '../fixture';

const ctx = useSandbox();

describe('review: Order Date as wall-clock text in a DST gap', () => {
	it('v1: the stored "2026-03-08 02:30:00" is sent unchanged, or refused — never moved to 03:30', async () => {
		const line = { direction: 0, detailCode: 'L1', productCode: 'SKU-1', title: 'T', qty: 1, price: 100, totalAmount: 100, couponAmount: 0, discountAmount: 0, totalDisAmount: 0, costAmount: 0, grossAmount: 100 };
		const { error } = await ctx.engine.run(
			{
				resource: 'order', operation: 'syncTransaction', type: 1, params: '13800000001', transactionCode: 'TX-DST', storeCode: 'S01',
				orderDate: '2026-03-08 02:30:00', totalPrice: 100, totalAmount: 100, grossAmount: 100, details: { detail: [line] },
			},
			[{}],
			V1,
			'America/New_York',
		);
		const sent = ctx.sandbox.apiRequests('/v1/transactions/sync')[0]?.body as { orderDate?: string } | undefined;
		if (error === undefined) expect(sent?.orderDate).toBe('2026-03-08 02:30:00');
		else expect(error.message).toContain('Order Date');
	});
});
