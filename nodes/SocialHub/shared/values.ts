import { formatDate, formatDateTime, toEpochMs } from './dates';

/**
 * What a field's value must be and how it is converted for SocialHub: one rule per field, and
 * every refusal names the field.
 */

export type FieldKind =
	| 'text'
	| 'integer'
	| 'nonZeroInteger'
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

export type FieldRules = Record<string, FieldRule>;

export interface RequestRules {
	/** `{name}` placeholders in the URL, filled from the parameter of that name (all required). */
	path?: Record<string, string>;
	body?: FieldRules;
	qs?: FieldRules;
}

export class InvalidFieldError extends Error {}

export function isBlank(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(typeof value === 'number' && Number.isNaN(value))
	);
}

export const shown = (value: unknown) => {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

function asNumber(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '') return Number(value.trim());
	return Number.NaN;
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
			result = String(value).trim();
			break;
		case 'integer':
		case 'nonZeroInteger': {
			const number = asNumber(value);
			if (!Number.isInteger(number) || (rule.kind === 'nonZeroInteger' && number === 0)) {
				const what = rule.kind === 'nonZeroInteger' ? 'a whole number other than 0' : 'a whole number';
				throw new InvalidFieldError(`"${label}" must be ${what} (got ${shown(value)})`);
			}
			result = number;
			break;
		}
		case 'number': {
			const number = asNumber(value);
			if (!Number.isFinite(number)) {
				throw new InvalidFieldError(`"${label}" must be a number (got ${shown(value)})`);
			}
			result = number;
			break;
		}
		case 'epochMs':
		case 'dateTime':
		case 'date': {
			const ms = toEpochMs(value, timeZone);
			if (ms === undefined) {
				throw new InvalidFieldError(
					`"${label}" is not a valid date/time (got ${shown(value)}); use e.g. 2026-12-31T23:59:59`,
				);
			}
			if (rule.kind === 'epochMs') result = ms;
			else if (rule.kind === 'dateTime') result = formatDateTime(ms, timeZone);
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

export function parseJson(value: unknown, label: string): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch (error) {
		throw new InvalidFieldError(`"${label}" is not valid JSON (${(error as Error).message})`);
	}
}

/** A path segment that can never change the endpoint it is put into. */
export function pathSegment(value: unknown, label: string): string {
	const text = isBlank(value) ? '' : String(value).trim();
	if (text === '') throw new InvalidFieldError(`"${label}" is required`);
	if (text === '.' || text === '..') {
		throw new InvalidFieldError(`"${label}" cannot be "${text}"`);
	}
	return encodeURIComponent(text);
}
