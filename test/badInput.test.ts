/**
 * Bad input for every operation is refused before any request, with an error that names the
 * field (never a stack trace), and nothing reaches SocialHub.
 */
import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters, useSandbox } from './fixture';

const ctx = useSandbox();

const blank = '={{ "" }}';

const valid: Record<string, IDataObject> = {
	'member.getMember': { resource: 'member', operation: 'getMember', cardNo: 'M0001' },
	'member.getMemberList': { resource: 'member', operation: 'getMemberList', consumerCode: 'C0001' },
	'member.memberAdmission': { resource: 'member', operation: 'memberAdmission', loyaltyCode: 'LP001', mobilePhone: '1' },
	'consumer.createConsumer': { resource: 'consumer', operation: 'createConsumer', name: 'N', mobilePhone: '1' },
	'consumer.importConsumerEventData': {
		resource: 'consumer', operation: 'importConsumerEventData', events: { event: [{ eventKey: 'k', customerCode: 'C0001', properties: '{}' }] },
	},
	'consumer.queryConsumer': { resource: 'consumer', operation: 'queryConsumer', type: 1, query: '1' },
	'consumer.updateConsumer': { resource: 'consumer', operation: 'updateConsumer', consumerCode: 'C0001', updateFields: { name: 'N' } },
	'consumer.bindConsumerThirdAccount': { resource: 'consumer', operation: 'bindConsumerThirdAccount', consumerCode: 'C0001', accountType: '100014', unionId: 'u' },
	'consumer.queryThirdAccountsByUnionId': { resource: 'consumer', operation: 'queryThirdAccountsByUnionId', unionId: 'u' },
	'order.getTransactionList': { resource: 'order', operation: 'getTransactionList', consumerCode: 'C0001' },
	'order.getTransactionDetail': { resource: 'order', operation: 'getTransactionDetail', orderCode: 'T1' },
	'order.syncTransaction': { resource: 'order', operation: 'syncTransaction', type: 1, params: '1', transactionCode: 'T1', orderDate: '2026-01-01T00:00:00' },
	'points.getPointsAccount': { resource: 'points', operation: 'getPointsAccount', cardNo: 'M0001' },
	'points.getPointsRecords': { resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001' },
	'points.adjustPoints': adjustParameters(),
	'masterdata.batchSyncProduct': { resource: 'masterdata', operation: 'batchSyncProduct', products: { product: [{ code: 'P', name: 'N' }] } },
	'masterdata.saveStore': { resource: 'masterdata', operation: 'saveStore', organizationCode: 'S', organizationName: 'N' },
};

type Case = [operation: string, what: string, overrides: IDataObject, message: string];

const cases: Case[] = [
	['member.getMember', 'blank card number', { cardNo: blank }, '"Card Number" is required'],
	['member.getMemberList', 'blank customer code', { consumerCode: blank }, '"Customer Code" is required'],
	['member.getMemberList', 'page size above 100', { pageSize: 101 }, '"Page Size" must be at most 100'],
	['member.getMemberList', 'text as the page number', { pageNo: '={{ "two" }}' }, '"Page Number" must be a whole number'],
	['member.memberAdmission', 'blank loyalty program', { loyaltyCode: blank }, '"Loyalty Program Code" is required'],
	['consumer.createConsumer', 'blank name', { name: blank }, '"Name" is required'],
	['consumer.createConsumer', 'invalid birthday', { birthday: 'soon' }, '"Birthday" is not a valid date/time'],
	['consumer.createConsumer', 'gender out of range', { gender: '={{ 7 }}' }, '"Gender" must be one of 0, 1, 2'],
	['consumer.createConsumer', 'identity type out of range', { identityType: '={{ 9 }}' }, '"Identity Type" must be one of 1, 2, 3, 4'],
	['consumer.importConsumerEventData', 'blank event key', { events: { event: [{ eventKey: '', customerCode: 'C0001' }] } }, 'Event 1: "Event Key" is required'],
	['consumer.importConsumerEventData', 'blank customer code', { events: { event: [{ eventKey: 'k', customerCode: ' ' }] } }, 'Event 1: "Customer Code" is required'],
	['consumer.importConsumerEventData', 'invalid properties JSON', { events: { event: [{ eventKey: 'k', customerCode: 'C', properties: '{x' }] } }, 'Event 1: "Properties" is not valid JSON'],
	['consumer.importConsumerEventData', 'properties that are not an object', { events: { event: [{ eventKey: 'k', customerCode: 'C', properties: '[1]' }] } }, 'Event 1: "Properties" must be a JSON object'],
	['consumer.importConsumerEventData', 'invalid event time', { events: { event: [{ eventKey: 'k', customerCode: 'C', eventTime: 'later' }] } }, 'Event 1: "Event Time" is not a valid date/time'],
	['consumer.importConsumerEventData', 'no events', { events: {} }, 'At least one event is required'],
	['consumer.importConsumerEventData', 'invalid events JSON', { inputMode: 'json', eventsJson: '[{' }, '"Events (JSON)" is not valid JSON'],
	['consumer.queryConsumer', 'blank query', { query: blank }, '"Mobile Phone or Email" is required'],
	['consumer.queryConsumer', 'search type out of range', { type: '={{ 3 }}' }, '"Search By" must be one of 1, 2'],
	['consumer.queryConsumer', 'text as the timestamp', { timestamp: 'now' }, '"Timestamp" is not a valid date/time'],
	['consumer.updateConsumer', 'blank customer code', { consumerCode: blank }, '"Customer Code" is required'],
	['consumer.updateConsumer', 'receive flag out of range', { updateFields: { receiveSmsFlag: '={{ 2 }}' } }, '"Receive SMS" must be one of 0, 1'],
	['consumer.updateConsumer', 'invalid birthday', { updateFields: { birthday: '1990-02-31' } }, '"Birthday" is not a valid date/time'],
	['consumer.bindConsumerThirdAccount', 'blank customer code', { consumerCode: blank }, '"Customer Code" is required'],
	['consumer.bindConsumerThirdAccount', 'blank account type', { accountType: blank }, '"Account Type" is required'],
	['consumer.bindConsumerThirdAccount', 'blank union id', { unionId: blank }, '"Union ID" is required'],
	['consumer.queryThirdAccountsByUnionId', 'blank union id', { unionId: blank }, '"Union ID" is required'],
	['order.getTransactionList', 'blank customer code', { consumerCode: blank }, '"Customer Code" is required'],
	['order.getTransactionList', 'invalid begin date', { beginDate: 'yesterday' }, '"Begin Date" is not a valid date/time'],
	['order.getTransactionList', 'page size above 100', { pageSize: '={{ 1000 }}' }, '"Page Size" must be at most 100'],
	['order.getTransactionDetail', 'blank order code', { orderCode: blank }, '"Order Code" is required'],
	['order.syncTransaction', 'blank member identifier', { params: blank }, '"Member Identifier" is required'],
	['order.syncTransaction', 'blank transaction code', { transactionCode: blank }, '"Transaction Code" is required'],
	['order.syncTransaction', 'blank order date', { orderDate: blank }, '"Order Date" is required'],
	['order.syncTransaction', 'text as an amount', { totalAmount: '={{ "lots" }}' }, '"Total Amount" must be a whole number'],
	['order.syncTransaction', 'direction out of range', { direction: '={{ 5 }}' }, '"Direction" must be one of 0, 1, 2'],
	['order.syncTransaction', 'invalid order JSON', { inputMode: 'json', orderJson: '{"type": 1,' }, '"Order (JSON)" is not valid JSON'],
	['order.syncTransaction', 'order JSON that is an array', { inputMode: 'json', orderJson: '[]' }, '"Order (JSON)" must be a JSON object'],
	['points.getPointsAccount', 'blank card number', { cardNo: blank }, '"Card Number" is required'],
	['points.getPointsRecords', 'blank account code', { accountCode: blank }, '"Points Account Code" is required'],
	['points.getPointsRecords', 'invalid end date', { endDate: 'tomorrow-ish' }, '"End Date" is not a valid date/time'],
	['points.getPointsRecords', 'status out of range', { status: '={{ 4 }}' }, '"Status" must be one of 0, 1, 2'],
	['points.adjustPoints', 'blank account code', { accountCode: blank }, '"Account Code" is required'],
	['points.adjustPoints', 'blank operation id', { operationId: blank }, '"Operation ID" is required'],
	['points.adjustPoints', 'blank expiry', { effectiveEndTime: blank }, '"Effective End Time" is required'],
	['points.adjustPoints', 'text as the point value', { pointValue: '={{ "100 points" }}' }, '"Point Value" must be a whole number other than 0'],
	['points.adjustPoints', 'tier flag out of range', { upgradeTierFlag: '={{ 2 }}' }, '"Count Toward Tier Upgrade" must be one of 0, 1'],
	['masterdata.batchSyncProduct', 'blank product code', { products: { product: [{ code: '', name: 'N' }] } }, 'Product 1: "Code" is required'],
	['masterdata.batchSyncProduct', 'invalid products JSON', { inputMode: 'json', productsJson: 'not json' }, '"Products (JSON)" is not valid JSON'],
	['masterdata.batchSyncProduct', 'product gender out of range', { inputMode: 'json', productsJson: '[{"code":"A","name":"a","gender":"Other"}]' }, 'Product 1: "Gender" must be one of Unknown, Male, Female'],
	['masterdata.saveStore', 'blank organization code', { organizationCode: blank }, '"Organization Code" is required'],
	['masterdata.saveStore', 'blank organization name', { organizationName: blank }, '"Organization Name" is required'],
	['masterdata.saveStore', 'store type out of range', { type: '={{ 2 }}' }, '"Type" must be one of 1, 99'],
];

describe('every operation', () => {
	it.each(Object.keys(valid))('%s: the valid baseline reaches SocialHub', async (operation) => {
		await ctx.engine.run(valid[operation]);
		expect(ctx.sandbox.requests.filter((r) => r.path !== '/v1/auth/token').length).toBeGreaterThan(0);
	});
});

describe('bad input is refused before any request, naming the field', () => {
	it.each(cases)('%s: %s', async (operation, _what, overrides, message) => {
		const { error } = await ctx.engine.run({ ...valid[operation], ...overrides });
		expect(error?.message).toContain(message);
		expect(error?.message).not.toMatch(/\n\s+at /);
		expect(ctx.sandbox.requests).toHaveLength(0);
	});
});

describe('path parameters are sent URL-encoded and never change the endpoint', () => {
	const paths: Array<[string, string, string]> = [
		['member.getMember', 'cardNo', '/v1/member/'],
		['member.getMemberList', 'consumerCode', '/v1/member/list/'],
		['consumer.updateConsumer', 'consumerCode', '/v1/consumer/updateInfo/'],
		['consumer.queryThirdAccountsByUnionId', 'unionId', '/v1/consumer/thirdaccounts/'],
		['order.getTransactionList', 'consumerCode', '/v1/transactions/page/'],
		['order.getTransactionDetail', 'orderCode', '/v1/transactions/'],
		['points.getPointsAccount', 'cardNo', '/v1/points/pointsAccount/'],
		['points.getPointsRecords', 'accountCode', '/v1/points/pointsRecords/'],
	];
	it.each(paths)('%s (%s)', async (operation, parameter, prefix) => {
		await ctx.engine.run({ ...valid[operation], [parameter]: '../x/y?z=1#frag' });
		const request = ctx.sandbox.requests.find((r) => r.path !== '/v1/auth/token');
		expect(request?.path).toBe(`${prefix}..%2Fx%2Fy%3Fz%3D1%23frag`);
		expect(request?.query.z).toBeUndefined();
	});
});

describe('a Base URL that is not an http(s) URL', () => {
	it.each(Object.keys(valid))('%s is refused before any request', async (operation) => {
		ctx.engine.setCredential({ baseUrl: 'file:///etc/passwd', appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
		const { error } = await ctx.engine.run(valid[operation]);
		expect(error?.message).toContain('Base URL "file:///etc/passwd" is not an http(s) URL');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});
});
