/** Unit tests of shared/values.ts: conversion rules and their refusals. */
import type { IDataObject } from 'n8n-workflow';
import { resetProcessState } from '../../nodes/SocialHub/shared/processState';
import { InvalidFieldError, shown } from '../../nodes/SocialHub/shared/refusal';
import { MAX_JSON_DEPTH, nestingDepth, parseJson } from '../../nodes/SocialHub/shared/typedJson';
import { convertField, hasLoneSurrogate, pathSegment } from '../../nodes/SocialHub/shared/values';
import { adjustParameters, useSandbox } from '../support/fixture';
import { HostileServer, newEngine } from '../support/hostile';

const refusal = (run: () => unknown) => {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidFieldError);
		return (error as Error).message;
	}
	throw new Error('not refused');
};

describe('convertField: integers', () => {
	const rule = { label: 'Qty', kind: 'integer' as const };
	it.each([['12', 12], [' -3 ', -3], ['+4', 4], ['1e3', 1000], [7, 7], [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]])('%p → %p', (value, expected) => {
		expect(convertField(value, rule, 'UTC')).toBe(expected);
	});
	it.each(['0x10', '0b11', '0o17', '1_0', 'Infinity', '1.5', '', ' ', 'abc', '9007199254740993', 2 ** 53, 1e21, true, null, {}, []])('%p is refused naming the field', (value) => {
		expect(refusal(() => convertField(value, rule, 'UTC'))).toContain('"Qty"');
	});
	it('positiveInteger refuses 0 and "-0"', () => {
		expect(refusal(() => convertField('-0', { label: 'Points', kind: 'positiveInteger' }, 'UTC'))).toContain('above 0');
	});
	it('min and max bound the value', () => {
		expect(refusal(() => convertField(101, { label: 'Size', kind: 'integer', max: 100 }, 'UTC'))).toContain('at most 100');
		expect(refusal(() => convertField(0, { label: 'Size', kind: 'integer', min: 1 }, 'UTC'))).toContain('at least 1');
	});
	it('oneOf compares numbers as numbers, never hex', () => {
		expect(convertField('2', { label: 'G', kind: 'integer', oneOf: [0, 1, 2] }, 'UTC')).toBe(2);
		expect(refusal(() => convertField('0x2', { label: 'G', kind: 'integer', oneOf: [0, 1, 2] }, 'UTC'))).toContain('"G"');
	});
});

describe('convertField: numbers', () => {
	const rule = { label: 'Price', kind: 'number' as const };
	it.each([['12.50', 12.5], ['.5', 0.5], ['-0.25', -0.25], ['2e2', 200]])('%p → %p', (value, expected) => {
		expect(convertField(value, rule, 'UTC')).toBe(expected);
	});
	it.each(['0x1A', 'NaN', '1e400', '1,5', '9007199254740993.5e10'])('%p is refused', (value) => {
		expect(refusal(() => convertField(value, rule, 'UTC'))).toContain('"Price"');
	});
});

describe('convertField: text and dates', () => {
	it('text refuses objects and lone surrogates, keeps valid pairs', () => {
		expect(refusal(() => convertField({ a: 1 }, { label: 'Name' }, 'UTC'))).toContain('must be text');
		expect(refusal(() => convertField('a\uD800b', { label: 'Name' }, 'UTC'))).toContain('broken character');
		expect(refusal(() => convertField('\uDC00', { label: 'Name' }, 'UTC'))).toContain('broken character');
		expect(convertField(' 😀 ', { label: 'Name' }, 'UTC')).toBe('😀');
	});
	it('dates: seconds get the milliseconds hint; dateTime and date are formatted', () => {
		expect(refusal(() => convertField(1767225599, { label: 'When', kind: 'epochMs' }, 'UTC'))).toContain('milliseconds (1767225599000)');
		expect(convertField('2026-01-01T00:00:00Z', { label: 'When', kind: 'dateTime' }, 'Asia/Shanghai')).toBe('2026-01-01 08:00:00');
		expect(convertField('1985-06-15', { label: 'Birthday', kind: 'date' }, 'UTC')).toBe('1985-06-15');
	});
});

describe('parseJson and nesting', () => {
	it('refuses nesting beyond the limit, counts depth iteratively', () => {
		const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
		expect(refusal(() => parseJson(deep, 'Data'))).toContain('"Data" is nested more than');
		expect(parseJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), 'Data')).toBeDefined();
		let object: Record<string, unknown> = {};
		for (let i = 0; i < 100_000; i++) object = { o: object };
		expect(nestingDepth(object)).toBeGreaterThan(MAX_JSON_DEPTH);
		expect(refusal(() => parseJson(object, 'Data'))).toContain('nested');
		expect(refusal(() => parseJson('{x', 'Data'))).toContain('"Data" is not valid JSON');
	});
});

describe('pathSegment', () => {
	it.each([[{ a: 1 }], [['C1', 'C2']], [[]], [{}]])('%p is refused as not text', (value) => {
		expect(refusal(() => pathSegment(value, 'Card Number'))).toContain('"Card Number" must be text');
	});
	it('refuses blanks, dot segments and lone surrogates; encodes the rest', () => {
		expect(refusal(() => pathSegment(null, 'Card'))).toContain('is required');
		expect(refusal(() => pathSegment('..', 'Card'))).toContain('cannot be');
		expect(refusal(() => pathSegment('C\uD800', 'Card'))).toContain('broken character');
		expect(pathSegment(' a/b?c ', 'Card')).toBe('a%2Fb%3Fc');
		expect(pathSegment(42, 'Card')).toBe('42');
	});
});

describe('helpers', () => {
	it('hasLoneSurrogate finds lone halves only', () => {
		expect(hasLoneSurrogate('ok 😀')).toBe(false);
		expect(hasLoneSurrogate('\uD83D')).toBe(true);
		expect(hasLoneSurrogate('x\uDE00')).toBe(true);
	});
	it('shown never cuts a character in half and survives circular values', () => {
		const text = shown('😀'.repeat(80));
		expect(hasLoneSurrogate(text)).toBe(false);
		const circular: Record<string, unknown> = {};
		circular.self = circular;
		expect(shown(circular)).toBe('(an object)');
	});
});

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * In runs: no value is sent as something else. Dates are never guessed at,
 * numbers are decimal and exact, path parameters are text, and every refusal or failure names
 * the field or the real cause — never a raw JavaScript error.
 */


const ctx = useSandbox();

const RAW_ERRORS = /URI malformed|Invalid time value|Maximum call stack|Cannot read prop|is not a function|undefined is not/i;

/** Runs and expects a refusal naming `text`, before anything reached SocialHub. */
async function expectRefused(parameters: IDataObject, text: string, timezone = 'UTC') {
	const { error, items } = await ctx.engine.run(parameters, [{}], {}, timezone);
	expect(items).toHaveLength(0);
	expect(error?.message).toContain(text);
	expect(`${error?.message} ${error?.description}`).not.toMatch(RAW_ERRORS);
	expect(ctx.sandbox.requests).toHaveLength(0);
	return error!;
}

/** The date fields of every kind, each with how to put a value in and read what was sent. */
const dateFields: Array<{
	label: string;
	parameters: (value: any) => IDataObject;
	sent: () => unknown;
}> = [
	{
		label: 'Effective End Time',
		parameters: (value) => adjustParameters({ effectiveEndTime: value }),
		sent: () => (ctx.sandbox.apiRequests('/v1/points/adjustment')[0]?.body as IDataObject)?.effectiveEndTime,
	},
	{
		label: 'Order Date',
		parameters: (value) => ({
			resource: 'order', operation: 'syncTransaction', type: 1, params: '13800000001', transactionCode: 'T-V1', storeCode: 'S01',
			orderDate: value, details: { detail: [{ detailCode: 'L1', productCode: 'P1', title: 'T', qty: 1 }] },
		}),
		sent: () => (ctx.sandbox.apiRequests('/v1/transactions/sync')[0]?.body as IDataObject)?.orderDate,
	},
	{
		label: 'Birthday',
		parameters: (value) => ({ resource: 'consumer', operation: 'createConsumer', name: 'N', mobilePhone: '13900000009', phonePrefCode: '+86', organizationCode: 'O', birthday: value }),
		sent: () => (ctx.sandbox.apiRequests('/v1/consumer')[0]?.body as IDataObject)?.birthday,
	},
	{
		label: 'Begin Date',
		parameters: (value) => ({ resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', beginDate: value }),
		sent: () => ctx.sandbox.apiRequests('/v1/points/pointsRecords')[0]?.query.beginDate,
	},
	{
		label: 'Event Time',
		parameters: (value) => ({
			resource: 'consumer', operation: 'importConsumerEventData',
			data: { event: [{ eventKey: 'k', customerCode: 'C0001', eventId: 'e', tenantId: 't', properties: '{}', eventTime: value }] },
		}),
		sent: () => ((ctx.sandbox.apiRequests('/v1/consumer/event')[0]?.body as { data?: IDataObject[] })?.data?.[0])?.eventTime,
	},
];

const expr = (source: string) => `={{ ${source} }}`;

describe('dates are refused rather than reinterpreted', () => {
	const seconds: Array<[string, unknown]> = [
		['epoch seconds as a number', 1767225599],
		['epoch seconds as text', '1767225599'],
		['epoch seconds from an expression', expr('1767225599')],
		['epoch seconds of 2000-01-01', 946684800],
	];
	const impossible: Array<[string, unknown]> = [
		['0', 0],
		['-1', -1],
		['"0"', '0'],
		['1e21', 1e21],
		['"1e21"', '1e21'],
		['a negative epoch', -86400000],
		['a year-1970 epoch', 86400000],
		['past year 9999', expr('253402300800000')],
		['"99 Z"', '99 Z'],
		['"1 Z"', '1 Z'],
		['February 30th (zoned)', '2027-02-30T10:00:00Z'],
		['February 29th of a common year', '2027-02-29'],
		['month 13', '2026-13-01T00:00:00Z'],
		['day 00', '2026-01-00'],
		['hour 24', '2026-01-01T24:00:00Z'],
		['minute 60', '2026-01-01T10:60:00Z'],
		['second 60', '2026-01-01T10:00:60'],
		['offset +25:00', '2026-01-01T10:00:00+25:00'],
		['an HTTP date', 'Thu, 01 Jan 2026 00:00:00 GMT'],
		['slashes', '2026/01/01'],
		['US order', '01/02/2026'],
		['trailing text', '2026-01-01Tnoon'],
		['year 1899', '1899-12-31'],
		['five-digit year', '10000-01-01'],
		['Infinity from an expression', expr('Infinity')],
		['true', expr('true')],
		['an object', expr('({ a: 1 })')],
		['a list', expr('[2026, 1, 1]')],
	];

	for (const field of dateFields.slice(0, 2)) {
		it(`${field.label} (required): NaN from an expression → refused, never left out`, async () => {
			await expectRefused(field.parameters(expr('NaN')), `"${field.label}"`);
		});
	}

	for (const field of dateFields) {
		it.each(seconds)(`${field.label}: %s → refused, hinting at milliseconds`, async (_what, value) => {
			const error = await expectRefused(field.parameters(value), `"${field.label}" is not a valid date/time`);
			expect(error.message).toContain('milliseconds');
		});
		it.each(impossible)(`${field.label}: %s → refused naming the field`, async (_what, value) => {
			await expectRefused(field.parameters(value), `"${field.label}"`);
		});
	}

	const goodMs = Date.UTC(2026, 11, 31, 23, 59, 59);
	it.each([
		['ms number', goodMs, goodMs, '2026-12-31 23:59:59', '2026-12-31'],
		['ms text', String(goodMs), goodMs, '2026-12-31 23:59:59', '2026-12-31'],
		['ISO with Z', '2026-12-31T23:59:59Z', goodMs, '2026-12-31 23:59:59', '2026-12-31'],
		['ISO with milliseconds', '2026-12-31T23:59:59.000Z', goodMs, '2026-12-31 23:59:59', '2026-12-31'],
		['ISO with +08:00', '2027-01-01T07:59:59+08:00', goodMs, '2026-12-31 23:59:59', '2027-01-01'],
		['ISO with -0500', '2026-12-31T18:59:59-0500', goodMs, '2026-12-31 23:59:59', '2026-12-31'],
		['local, space separated', '2026-12-31 23:59:59', goodMs, '2026-12-31 23:59:59', '2026-12-31'],
	])('accepted: %s', async (_what, value, ms, dateTime, date) => {
		for (const [index, field] of dateFields.entries()) {
			ctx.sandbox.reset();
			resetProcessState();
			const { error } = await ctx.engine.run(field.parameters(value));
			expect(error).toBeUndefined();
			const expected = [ms, dateTime, date, String(ms), ms][index];
			expect(field.sent()).toBe(expected);
		}
	});

	describe('daylight-saving changes (a local time without a zone, in the workflow’s zone)', () => {
		it.each([
			['New York gap: 02:30 does not exist → 03:30 EDT', 'America/New_York', '2026-03-08T02:30:00', Date.UTC(2026, 2, 8, 7, 30), '2026-03-08 02:30:00'],
			['New York overlap: 01:30 happens twice → the first (EDT)', 'America/New_York', '2026-11-01T01:30:00', Date.UTC(2026, 10, 1, 5, 30), '2026-11-01 01:30:00'],
			['Berlin gap: 02:30 does not exist → 03:30 CEST', 'Europe/Berlin', '2026-03-29T02:30:00', Date.UTC(2026, 2, 29, 1, 30), '2026-03-29 02:30:00'],
			['Berlin overlap: 02:30 happens twice → the first (CEST)', 'Europe/Berlin', '2026-10-25T02:30:00', Date.UTC(2026, 9, 25, 0, 30), '2026-10-25 02:30:00'],
			['Shanghai (no DST)', 'Asia/Shanghai', '2026-03-08T02:30:00', Date.UTC(2026, 2, 7, 18, 30), '2026-03-08 02:30:00'],
			['Lord Howe half-hour gap: 02:15 → 02:45', 'Australia/Lord_Howe', '2026-10-04T02:15:00', Date.UTC(2026, 9, 3, 15, 45), '2026-10-04 02:15:00'],
		])('%s', async (_what, zone, local, ms, dateTime) => {
			// Begin Date (ms): an expiry in the past would be refused by SocialHub for another reason.
			let run = await ctx.engine.run(dateFields[3].parameters(local), [{}], {}, zone);
			expect(run.error).toBeUndefined();
			expect(Number(dateFields[3].sent())).toBe(ms);
			ctx.sandbox.reset();
			// Order Date is wall-clock text: zone-less text is sent as written, never shifted by a gap.
			run = await ctx.engine.run(dateFields[1].parameters(local), [{}], {}, zone);
			expect(run.error).toBeUndefined();
			expect(dateFields[1].sent()).toBe(dateTime);
		});
	});
});

describe('numbers are decimal, exact and within bounds', () => {
	const numberFields: Array<[label: string, parameters: (value: any) => IDataObject]> = [
		['Point Value', (value) => adjustParameters({ pointValue: value })],
		['Page Size', (value) => ({ resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', pageSize: value })],
		['Page Number', (value) => ({ resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', pageNo: value })],
		['Price', (value) => ({ resource: 'masterdata', operation: 'batchSyncProduct', batchReq: { product: [{ code: 'P', name: 'N', price: value }] } })],
		['Gender', (value) => ({ resource: 'consumer', operation: 'createConsumer', name: 'N', mobilePhone: '1', phonePrefCode: '+86', organizationCode: 'O', gender: value })],
	];
	const refused: Array<[string, unknown]> = [
		['hex "0x10"', '0x10'],
		['binary "0b11"', '0b11'],
		['octal "0o17"', '0o17'],
		['hex with sign "-0x1"', '-0x1'],
		['separators "1_000"', '1_000'],
		['"Infinity"', 'Infinity'],
		['"-Infinity"', '-Infinity'],
		['"NaN"', 'NaN'],
		['"1e400"', '1e400'],
		['2^53 + 1 as text', '9007199254740993'],
		['2^53 from an expression', expr('2 ** 53')],
		['1e21', expr('1e21')],
		['"12abc"', '12abc'],
		['"1,5"', '1,5'],
		['true', expr('true')],
		['an object', expr('({ v: 1 })')],
		['a list', expr('[1]')],
	];
	for (const [label, parameters] of numberFields) {
		it.each(refused)(`${label}: %s → refused naming the field`, async (_what, value) => {
			// Page Number and Page Size are version 1's fields.
			if (label.startsWith('Page')) ctx.engine.typeVersion = 1;
			await expectRefused(parameters(value), `"${label}"`);
		});
	}

	it.each([
		['"16"', '16', 16],
		['" 42 "', ' 42 ', 42],
		['"+7"', '+7', 7],
		['"1e2"', '1e2', 100],
		['the largest safe integer', String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
	])('Point Value %s is sent as %p', async (_what, value, sent) => {
		// A decrease (SocialHub's sandbox refuses deducting more than the balance only when applying).
		const { error } = await ctx.engine.run(adjustParameters({ pointValue: value, operationType: 7 }));
		const body = ctx.sandbox.apiRequests('/v1/points/adjustment')[0]?.body as IDataObject;
		expect(error?.message ?? '').not.toMatch(/Point Value/);
		expect(body.pointValue).toBe(sent);
		expect(ctx.sandbox.apiRequests('/v1/points/adjustment')[0].rawBody).toContain(`"pointValue":${sent}`);
	});

	it.each([['"12.50"', '12.50', 12.5], ['".5"', '.5', 0.5], ['"-0.25"', '-0.25', -0.25]])('Price %s is sent as %p', async (_what, value, sent) => {
		await ctx.engine.run({ resource: 'masterdata', operation: 'batchSyncProduct', batchReq: { product: [{ code: 'P', name: 'N', price: value }] } });
		const body = ctx.sandbox.apiRequests('/v1/masterdata')[0]?.body as IDataObject | IDataObject[];
		expect(JSON.stringify(body)).toContain(`"price":${sent}`);
	});

	it.each([[0], [101], ['1000']])('Page Size %p is out of bounds (1..100)', async (value) => {
		ctx.engine.typeVersion = 1;
		await expectRefused({ resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', pageSize: value }, '"Page Size"');
	});
});

describe('path parameters that are not text are refused, for every path operation', () => {
	const pathOperations: Array<[string, string, IDataObject]> = [
		['Get Member', 'Card Number', { resource: 'member', operation: 'getMember', cardNo: '' }],
		['Get Member List', 'Customer Code', { resource: 'member', operation: 'getMemberList', consumerCode: '' }],
		['Query Third Accounts', 'Union ID', { resource: 'consumer', operation: 'queryThirdAccountsByUnionId', unionId: '' }],
		['Update Customer (PUT)', 'Customer Code', { resource: 'consumer', operation: 'updateConsumer', consumerCode: '', updateFields: { name: 'N' } }],
		['Get Transaction List', 'Customer Code', { resource: 'order', operation: 'getTransactionList', consumerCode: '' }],
		['Get Transaction Detail', 'Order Code', { resource: 'order', operation: 'getTransactionDetail', orderCode: '' }],
		['Get Points Account', 'Card Number', { resource: 'points', operation: 'getPointsAccount', cardNo: '' }],
		['Get Points Records', 'Points Account Code', { resource: 'points', operation: 'getPointsRecords', accountCode: '' }],
	];
	const values: Array<[string, string, string]> = [
		['an object', expr('({ code: "C1" })'), 'must be text'],
		['an empty object', expr('({})'), 'must be text'],
		['a list of two', expr('["C1", "C2"]'), 'must be text'],
		['a list of one', expr('["C1"]'), 'must be text'],
		['an empty list', expr('[]'), 'must be text'],
		['a lone surrogate', expr('"C\\uD800"'), 'broken character'],
		['a trailing lone surrogate', expr('"C1" + String.fromCharCode(0xDC00)'), 'broken character'],
		['".."', '..', 'cannot be'],
	];
	for (const [operation, label, parameters] of pathOperations) {
		const parameter = Object.keys(parameters).find((key) => parameters[key] === '')!;
		it.each(values)(`${operation}: %s → refused naming "${label}"`, async (_what, value, text) => {
			const error = await expectRefused({ ...parameters, [parameter]: value }, `"${label}"`);
			expect(error.message).toContain(text);
		});
	}

	it('a path parameter with slashes or ? stays inside its segment', async () => {
		await ctx.engine.run({ resource: 'member', operation: 'getMember', cardNo: 'a/../b?x=1#f' });
		expect(ctx.sandbox.apiRequests('/v1/member')[0].path).toBe('/v1/member/a%2F..%2Fb%3Fx%3D1%23f');
	});
});

describe('every failure names the field or the real cause', () => {
	it.each([
		['a body text field', { resource: 'consumer', operation: 'createConsumer', name: expr('"N\\uD800"'), mobilePhone: '1', phonePrefCode: '+86', organizationCode: 'O' }, '"Name"'],
		['a query field', { resource: 'member', operation: 'getMemberList', consumerCode: 'C0001', loyaltyCode: expr('"L\\uDFFF"') }, '"Loyalty Program'],
		['a JSON property value', {
			resource: 'consumer', operation: 'importConsumerEventData',
			data: { event: [{ eventKey: 'k', customerCode: 'C0001', eventId: 'e', tenantId: 't', eventTime: 1800000000000, properties: '{"k":"\\ud800"}' }] },
		}, 'broken character'],
	])('a lone surrogate in %s → named, not "URI malformed"', async (_what, parameters, text) => {
		const error = await expectRefused(parameters as IDataObject, text);
		expect(error.message).toContain('broken character');
	});

	it.each([
		['8.64e15 ms (the last valid JS date)', 8.64e15],
		['8.64e15 + 1 ms', 8.64e15 + 1],
		['-8.64e15 ms', -8.64e15],
	])('an out-of-range date %s → named, not "Invalid time value"', async (_what, value) => {
		for (const field of dateFields) {
			await expectRefused(field.parameters(value), `"${field.label}"`);
		}
	});

	const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
	const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
	it.each([
		['Properties nested 100 levels', { data: { event: [{ eventKey: 'k', customerCode: 'C0001', eventId: 'e', tenantId: 't', eventTime: 1800000000000, properties: `{"x":${deep(100)}}` }] } }, '"Properties"'],
		['Properties nested 20,000 levels', { data: { event: [{ eventKey: 'k', customerCode: 'C0001', eventId: 'e', tenantId: 't', eventTime: 1800000000000, properties: `{"x":${deep(20000)}}` }] } }, '"Properties"'],
		['Events (JSON) nested 20,000 levels', { inputMode: 'json', eventsJson: `[{"eventKey":"k","customerCode":"C","properties":${deepObject(20000)}}]` }, 'nested'],
	])('deeply nested JSON: %s → named, not "Maximum call stack size exceeded"', async (_what, overrides, text) => {
		const error = await expectRefused({ resource: 'consumer', operation: 'importConsumerEventData', ...overrides } as IDataObject, text);
		expect(error.message).toMatch(/nested/);
	});

	it('Order (JSON) nested 20,000 levels → named', async () => {
		const orderJson = `{"type":1,"params":"1","transactionCode":"T","orderDate":"2026-01-01 00:00:00","details":${deep(20000)}}`;
		const error = await expectRefused({ resource: 'order', operation: 'syncTransaction', inputMode: 'json', orderJson }, 'nested');
		expect(error.message).not.toMatch(/could not connect/);
	});

	describe('a token endpoint failing is reported as what happened, not as rejected keys', () => {
		let reply: { status: number; body: unknown; headers?: Record<string, string> } = { status: 500, body: '' };
		const server = new HostileServer(() => reply);
		beforeAll(async () => {
			await server.start();
		});
		afterAll(async () => {
			await server.stop();
		});
		it.each([
			['HTTP 500 with SocialHub’s envelope', { status: 500, body: { code: '500', msg: 'NullPointerException' } }, /token service failed \(HTTP 500\): NullPointerException/],
			['HTTP 502 with an HTML page', { status: 502, body: '<html><body>Bad Gateway</body></html>', headers: { 'Content-Type': 'text/html' } }, /token service failed \(HTTP 502\)/],
			['HTTP 200 with an HTML page (wrong Base URL)', { status: 200, body: '<!DOCTYPE html><html><title>Login</title></html>', headers: { 'Content-Type': 'text/html' } }, /did not answer with SocialHub's JSON \(HTTP 200: <!DOCTYPE html>/],
			['HTTP 200 with an empty body', { status: 200, body: '' }, /did not answer with SocialHub's JSON/],
			['HTTP 404', { status: 404, body: { code: '404', msg: 'Not Found' } }, /refused the token request \(HTTP 404\): Not Found\. Check the Base URL/],
			['HTTP 200, success, no token', { status: 200, body: { code: '200', msg: 'ok', data: {} } }, /issued no usable access token/],
		])('%s', async (_what, answer, expected) => {
			reply = answer;
			resetProcessState();
			const engine = newEngine();
			engine.setCredential({ baseUrl: server.url, appId: 'app', appSecret: 'secret-123456' });
			const { error } = await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
			expect(error?.message).toMatch(expected);
			expect(error?.message).not.toContain('rejected the App ID and App Secret');
		});

		it.each([
			['HTTP 401', { status: 401, body: { code: '401', msg: 'bad signature' } }],
			['HTTP 200, code 40001', { status: 200, body: { code: '40001', msg: 'Invalid appId or appSecret' } }],
		])('%s → rejected keys, the one case that says so', async (_what, answer) => {
			reply = answer;
			resetProcessState();
			const engine = newEngine();
			engine.setCredential({ baseUrl: server.url, appId: 'app', appSecret: 'secret-123456' });
			const { error } = await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
			expect(error?.message).toContain('rejected the App ID and App Secret');
		});
	});
});
