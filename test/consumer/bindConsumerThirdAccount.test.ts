import { V1 } from '../support/fixture';
import { BLANK, describeOperation } from '../support/operationSuite';

const ctx = describeOperation('consumer.bindConsumerThirdAccount', {
	baseline: { consumerCode: 'C0001', unionId: 'u' },
	badInput: [
		['blank customer code', { consumerCode: BLANK }, '"Customer Code" is required'],
		['blank account type', { accountType: BLANK }, '"Account Type" is required'],
		['blank union id', { unionId: BLANK }, '"Union ID" is required'],
	],
});
const consumerCalls = () => ctx.sandbox.apiRequests('/v1/consumer');

describe('Customer → Bind Third-Party Account', () => {
	it.each([
		['v1 (the vendor stores nothing for the default account type)', V1, {}],
		['v2', {}, { accountType: 100014 }],
	])('%s: POST /v1/consumer/binding with accountType as a number', async (_what, settings, extra) => {
		const { error } = await ctx.engine.run(
			{ resource: 'consumer', operation: 'bindConsumerThirdAccount', consumerCode: 'C0001', unionId: 'shop-77', nickName: 'alice_s', ...extra },
			[{}],
			settings,
		);
		expect(error).toBeUndefined();
		expect(consumerCalls()[0]).toMatchObject({
			method: 'POST', path: '/v1/consumer/binding', body: { consumerCode: 'C0001', accountType: 100014, unionId: 'shop-77', nickName: 'alice_s' },
		});
	});
});
