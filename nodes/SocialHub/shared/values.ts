import { InvalidFieldError, isBlank, shown } from './refusal';
import { parseJson } from './typedJson';
import { MIN_DATE_MS, MIN_EPOCH_MS, formatDate, formatDateTime, readDateTime, wallClockText } from './dates';

/**
 * What a field's value must be and how it is converted for SocialHub: one rule per field, and
 * every refusal names the field.
 */

export type FieldKind =
	| 'text'
	| 'integer'
	| 'positiveInteger'
	| 'number'
	| 'epochMs'
	| 'dateTime'
	| 'date'
	| 'json'
	| 'jsonObject';

export interface FieldRule {
	/** The field's name as the user sees it, used in every error about it. */
	label: string;
	kind?: FieldKind;
	required?: boolean;
	oneOf?: Array<string | number>;
	min?: number;
	max?: number;
}

/** Plain decimal notation only: "0x10", "0b11", "0o17", "1_000" or "Infinity" are not numbers here. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function asNumber(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value.trim());
	return Number.NaN;
}

/** A lone UTF-16 surrogate cannot be encoded into a URL or UTF-8 body without changing it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
	return LONE_SURROGATE.test(text);
}

function checkText(text: string, label: string): string {
	if (hasLoneSurrogate(text)) {
		throw new InvalidFieldError(
			`"${label}" contains a broken character (a lone UTF-16 surrogate); remove it or fix the text's encoding`,
		);
	}
	return text;
}

/** Checks and converts one value; throws InvalidFieldError with a message naming the field. */
export function convertField(value: unknown, rule: FieldRule, timeZone: string): unknown {
	const { label } = rule;
	let result: unknown = value;
	switch (rule.kind ?? 'text') {
		case 'text':
			if (typeof value === 'object') {
				throw new InvalidFieldError(`"${label}" must be text, not ${shown(value)}`);
			}
			refuseInexactNumber(value, label);
			result = checkText(String(value).trim(), label);
			break;
		case 'integer':
		case 'positiveInteger': {
			const number = asNumber(value);
			// A negative value is left to the field's own check, which can say why (e.g. Point Value's sign).
			if (!Number.isInteger(number) || (rule.kind === 'positiveInteger' && number === 0)) {
				const what = rule.kind === 'positiveInteger' ? 'a whole number above 0' : 'a whole number';
				throw new InvalidFieldError(`"${label}" must be ${what} in decimal digits (got ${shown(value)})`);
			}
			if (!Number.isSafeInteger(number)) {
				throw new InvalidFieldError(
					`"${label}" is too large to send exactly (got ${shown(value)}); whole numbers must be within ±${Number.MAX_SAFE_INTEGER}`,
				);
			}
			result = number;
			break;
		}
		case 'number': {
			const number = asNumber(value);
			if (!Number.isFinite(number)) {
				throw new InvalidFieldError(`"${label}" must be a number in decimal digits (got ${shown(value)})`);
			}
			if (Math.abs(number) > Number.MAX_SAFE_INTEGER) {
				throw new InvalidFieldError(
					`"${label}" is too large to send exactly (got ${shown(value)}); numbers must be within ±${Number.MAX_SAFE_INTEGER}`,
				);
			}
			result = number;
			break;
		}
		case 'epochMs':
		case 'dateTime':
		case 'date': {
			const reading = readDateTime(value, timeZone, rule.kind === 'date' ? MIN_DATE_MS : MIN_EPOCH_MS);
			if (!('ms' in reading)) {
				throw new InvalidFieldError(
					`"${label}" is not a valid date/time (got ${shown(value)}): ${reading.problem}; use e.g. 2026-12-31T23:59:59`,
				);
			}
			if (rule.kind === 'epochMs') result = reading.ms;
			else if (rule.kind === 'dateTime') result = wallClockText(value) ?? formatDateTime(reading.ms, timeZone);
			else result = formatDate(value, timeZone);
			break;
		}
		case 'json':
			result = parseJson(value, label);
			break;
		case 'jsonObject':
			result = parseJson(value, label);
			if (!result || typeof result !== 'object' || Array.isArray(result)) {
				throw new InvalidFieldError(`"${label}" must be a JSON object, not ${shown(value)}`);
			}
			break;
	}
	if (rule.oneOf) {
		const numeric = typeof rule.oneOf[0] === 'number';
		const candidate = numeric ? asNumber(result) : String(result);
		if (!rule.oneOf.includes(candidate)) {
			throw new InvalidFieldError(
				`"${label}" must be one of ${rule.oneOf.join(', ')} (got ${shown(value)})`,
			);
		}
		result = candidate;
	}
	if (typeof result === 'number') {
		if (rule.min !== undefined && result < rule.min) {
			throw new InvalidFieldError(`"${label}" must be at least ${rule.min} (got ${result})`);
		}
		if (rule.max !== undefined && result > rule.max) {
			throw new InvalidFieldError(`"${label}" must be at most ${rule.max} (got ${result})`);
		}
	}
	return result;
}

/**
 * A code, card number or ID that arrived as a JSON number beyond ±2^53 (from an upstream node's
 * JSON.parse) has already lost digits: sent as text it would name another card. Refused; the
 * same digits as text are fine.
 */
function refuseInexactNumber(value: unknown, label: string): void {
	if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
		throw new InvalidFieldError(
			`"${label}" arrived as the number ${shown(value)}, which is beyond ±${Number.MAX_SAFE_INTEGER} and has lost its exact digits on the way; give it as text (a string of digits), e.g. from the source's original text`,
		);
	}
}

/**
 * A path segment that can never change the endpoint it is put into. Objects and arrays are
 * refused (they would be sent as "[object Object]" or "a,b"), as are broken characters.
 */
export function pathSegment(value: unknown, label: string): string {
	if (value !== null && typeof value === 'object') {
		throw new InvalidFieldError(`"${label}" must be text, not ${shown(value)}`);
	}
	refuseInexactNumber(value, label);
	const text = isBlank(value) ? '' : String(value).trim();
	if (text === '') throw new InvalidFieldError(`"${label}" is required`);
	if (text === '.' || text === '..') {
		throw new InvalidFieldError(`"${label}" cannot be "${text}"`);
	}
	return encodeURIComponent(checkText(text, label));
}
