/**
 * A valid baseline of every operation, per node version: the least a workflow stores for the
 * operation to reach SocialHub. Shared by the cross-cutting suites (bad input, faults, Base
 * URL) and the guard test, which checks that every operation of the node is listed here.
 */
import type { IDataObject } from 'n8n-workflow';

export const ADJUST = {
	resource: 'points',
	operation: 'adjustPoints',
	accountType: 2,
	accountCode: 'M0001',
	operationId: 'op-1',
	operationType: 6,
	pointValue: 100,
	effectiveEndTime: '2027-12-31T23:59:59Z',
	upgradeTierFlag: 0,
};

const event = { eventKey: 'k', customerCode: 'C0001', eventTime: 1800000000000, eventId: 'e1', tenantId: 't1', properties: '{}' };
const line = { detailCode: 'L1', productCode: 'SKU-1', title: 'Sneaker', qty: 1, price: 100 };

const shared: Record<string, IDataObject> = {
	'member.getLoyaltyPrograms': { resource: 'member', operation: 'getLoyaltyPrograms' },
	'member.getMemberList': { resource: 'member', operation: 'getMemberList', consumerCode: 'C0001' },
	'member.getMember': { resource: 'member', operation: 'getMember', cardNo: 'M0001' },
	'member.memberAdmission': {
		resource: 'member', operation: 'memberAdmission', loyaltyCode: 'LP002', mobilePhone: '13900000009', memberName: 'N', storeCode: 'S01',
	},
	'consumer.createConsumer': {
		resource: 'consumer', operation: 'createConsumer', name: 'N', mobilePhone: '13900000008', phonePrefCode: '+86', organizationCode: 'ORG1',
	},
	'consumer.importConsumerEventData': { resource: 'consumer', operation: 'importConsumerEventData', data: { event: [event] } },
	'consumer.queryConsumer': { resource: 'consumer', operation: 'queryConsumer', type: 1, query: '13800000001' },
	'consumer.bindConsumerThirdAccount': { resource: 'consumer', operation: 'bindConsumerThirdAccount', consumerCode: 'C0001', unionId: 'u' },
	'consumer.queryThirdAccountsByUnionId': { resource: 'consumer', operation: 'queryThirdAccountsByUnionId', unionId: 'u' },
	'order.getTransactionList': { resource: 'order', operation: 'getTransactionList', consumerCode: 'C0001' },
	'order.getTransactionDetail': { resource: 'order', operation: 'getTransactionDetail', orderCode: 'T1' },
	'order.syncTransaction': {
		resource: 'order', operation: 'syncTransaction', type: 1, params: '13800000001', transactionCode: 'T1', storeCode: 'S01',
		orderDate: '2026-01-01 00:00:00', details: { detail: [line] },
	},
	'points.getPointsAccount': { resource: 'points', operation: 'getPointsAccount', cardNo: 'M0001' },
	'points.getPointsRecords': { resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001' },
	'points.adjustPoints': ADJUST,
	'masterdata.batchSyncProduct': { resource: 'masterdata', operation: 'batchSyncProduct', batchReq: { product: [{ code: 'P', name: 'N' }] } },
	'masterdata.saveStore': { resource: 'masterdata', operation: 'saveStore', organizationCode: 'S', organizationName: 'N' },
};

export const baselines: Record<1 | 2, Record<string, IDataObject>> = {
	1: {
		...shared,
		'consumer.updateConsumer': { resource: 'consumer', operation: 'updateConsumer', consumerCode: 'C0001', name: 'N' },
	},
	2: {
		...shared,
		'consumer.updateConsumer': { resource: 'consumer', operation: 'updateConsumer', consumerCode: 'C0001', updateFields: { name: 'N' } },
	},
};

export const operationKeys = Object.keys(baselines[2]).sort();
