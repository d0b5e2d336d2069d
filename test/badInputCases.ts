/**
 * Bad input for every operation: what a workflow sets, and the error that must name the field.
 * The guard test checks that every operation with fields has at least one case here.
 */
import type { IDataObject } from 'n8n-workflow';

import { baselines } from './operations';

const valid = baselines[2];

const blank = '={{ "" }}';

const event = (valid['consumer.importConsumerEventData'].data as { event: IDataObject[] }).event[0];

/** The last element, when given, is the node version the case runs on (default: 2). */
export type Case = [operation: string, what: string, overrides: IDataObject, message: string, version?: 1 | 2];

export const cases: Case[] = [
	['member.getMember', 'blank card number', { cardNo: blank }, '"Card Number" is required'],
	['member.getMemberList', 'blank customer code', { consumerCode: blank }, '"Customer Code" is required'],
	['member.getMemberList', 'page size above 100', { pageSize: 101 }, '"Page Size" must be at most 100', 1],
	['member.getMemberList', 'text as the page number', { pageNo: '={{ "two" }}' }, '"Page Number" must be a whole number', 1],
	['member.memberAdmission', 'blank loyalty program', { loyaltyCode: blank }, '"Loyalty Program Code" is required', 1],
	['member.memberAdmission', 'blank loyalty program', { loyaltyCode: { __rl: true, mode: 'id', value: blank } }, '"Loyalty Program" is required'],
	['consumer.createConsumer', 'blank name', { name: blank }, '"Name" is required'],
	['consumer.createConsumer', 'invalid birthday', { birthday: 'soon' }, '"Birthday" is not a valid date/time'],
	['consumer.createConsumer', 'gender out of range', { gender: '={{ 7 }}' }, '"Gender" must be one of 0, 1, 2'],
	['consumer.createConsumer', 'identity type out of range', { identityType: '={{ 9 }}' }, '"Identity Type" must be one of 1, 2, 3, 4'],
	['consumer.importConsumerEventData', 'blank event key', { data: { event: [{ ...event, eventKey: '={{ "" }}' }] } }, 'Event 1: "Event Key" is required'],
	['consumer.importConsumerEventData', 'blank customer code', { data: { event: [{ ...event, customerCode: ' ' }] } }, 'Event 1: "Customer Code" is required'],
	['consumer.importConsumerEventData', 'invalid properties JSON', { data: { event: [{ ...event, properties: '{x' }] } }, 'Event 1: "Properties" is not valid JSON'],
	['consumer.importConsumerEventData', 'properties that are not an object', { data: { event: [{ ...event, properties: '[1]' }] } }, 'Event 1: "Properties" must be a JSON object'],
	['consumer.importConsumerEventData', 'invalid event time', { data: { event: [{ ...event, eventTime: 'later' }] } }, 'Event 1: "Event Time" is not a valid date/time'],
	['consumer.importConsumerEventData', 'no events', { data: {} }, 'At least one event is required'],
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
	['order.getTransactionList', 'page size above 100', { pageSize: '={{ 1000 }}' }, '"Page Size" must be at most 100', 1],
	['order.getTransactionDetail', 'blank order code', { orderCode: blank }, '"Order Code" is required'],
	['order.syncTransaction', 'blank member identifier', { params: blank }, '"Member Identifier" is required'],
	['order.syncTransaction', 'blank transaction code', { transactionCode: blank }, '"Transaction Code" is required'],
	['order.syncTransaction', 'blank order date', { orderDate: blank }, '"Order Date" is required'],
	['order.syncTransaction', 'text as an amount', { totalAmount: '={{ "lots" }}' }, '"Total Amount (Cents)" must be a whole number'],
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
	['masterdata.batchSyncProduct', 'blank product code', { batchReq: { product: [{ code: ' ', name: 'N' }] } }, 'Product 1: "Code" is required'],
	['masterdata.batchSyncProduct', 'invalid products JSON', { inputMode: 'json', productsJson: 'not json' }, '"Products (JSON)" is not valid JSON'],
	['masterdata.batchSyncProduct', 'product gender out of range', { inputMode: 'json', productsJson: '[{"code":"A","name":"a","gender":"Other"}]' }, 'Product 1: "Gender" must be one of Unknown, Male, Female'],
	['masterdata.saveStore', 'blank organization code', { organizationCode: blank }, '"Organization Code" is required'],
	['masterdata.saveStore', 'blank organization name', { organizationName: blank }, '"Organization Name" is required'],
	['masterdata.saveStore', 'store type out of range', { type: '={{ 2 }}' }, '"Type" must be one of 1, 99'],
];

