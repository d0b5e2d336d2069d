/** Unit tests of shared/values.ts: conversion rules and their refusals. */
import { InvalidFieldError, shown } from '../../nodes/SocialHub/shared/refusal';
import { MAX_JSON_DEPTH, nestingDepth, parseJson } from '../../nodes/SocialHub/shared/typedJson';
import { convertField, hasLoneSurrogate, pathSegment } from '../../nodes/SocialHub/shared/values';

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
