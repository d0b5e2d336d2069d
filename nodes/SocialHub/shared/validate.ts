import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { formatDate, formatDateTime, toEpochMs } from './dates';

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

const shown = (value: unknown) => {
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

/**
 * Applies `rules` to an object in place: blank optional values are removed (SocialHub should
 * never receive "" for a field the user left empty), required blanks and bad values throw.
 */
export function applyRules(target: IDataObject, rules: FieldRules, timeZone: string): IDataObject {
	for (const key of Object.keys(target)) {
		if (isBlank(target[key])) delete target[key];
	}
	for (const [key, rule] of Object.entries(rules)) {
		if (target[key] === undefined) {
			if (rule.required) throw new InvalidFieldError(`"${rule.label}" is required`);
			continue;
		}
		target[key] = convertField(target[key], rule, timeZone) as IDataObject[string];
	}
	return target;
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

export function fieldError(context: IExecuteSingleFunctions, error: unknown): Error {
	if (!(error instanceof InvalidFieldError)) return error as Error;
	return new NodeOperationError(context.getNode(), error.message, {
		itemIndex: context.getItemIndex(),
		description: 'Nothing was sent to SocialHub. Correct the field and run the node again.',
	});
}

/** The preSend step of an operation: fills the path, then checks and converts body and query. */
export function prepareRequest(
	rules: RequestRules,
	...extraSteps: Array<(this: IExecuteSingleFunctions, options: IHttpRequestOptions) => void>
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		try {
			const timeZone = this.getTimezone();
			for (const [name, label] of Object.entries(rules.path ?? {})) {
				options.url = options.url.replace(`{${name}}`, pathSegment(this.getNodeParameter(name), label));
			}
			for (const step of extraSteps) step.call(this, options);
			if (options.body && typeof options.body === 'object' && !Array.isArray(options.body)) {
				applyRules(options.body as IDataObject, rules.body ?? {}, timeZone);
			}
			if (options.qs) applyRules(options.qs, rules.qs ?? {}, timeZone);
		} catch (error) {
			throw fieldError(this, error);
		}
		return options;
	};
}

/** Applies `rules` to each row; errors say which row ("Event 2: ...", counting from 1). */
export function applyRowRules(
	rows: unknown,
	rules: FieldRules,
	rowLabel: string,
	timeZone: string,
): IDataObject[] {
	if (!Array.isArray(rows) || rows.length === 0) {
		throw new InvalidFieldError(`At least one ${rowLabel.toLowerCase()} is required`);
	}
	return rows.map((row, index) => {
		if (!row || typeof row !== 'object' || Array.isArray(row)) {
			throw new InvalidFieldError(`${rowLabel} ${index + 1} must be an object, not ${shown(row)}`);
		}
		try {
			return applyRules({ ...(row as IDataObject) }, rules, timeZone);
		} catch (error) {
			if (error instanceof InvalidFieldError) {
				throw new InvalidFieldError(`${rowLabel} ${index + 1}: ${error.message}`);
			}
			throw error;
		}
	});
}

/**
 * Rows given either as the entries of a fixed collection or, from an expression, as JSON
 * (an array, or an object holding the array under `key`).
 */
export function rowsFromParameters(
	context: IExecuteSingleFunctions,
	jsonParameter: string,
	collectionPath: string,
	label: string,
	key?: string,
): unknown {
	if (context.getNodeParameter('inputMode', 'fields') === 'json') {
		const parsed = parseJson(context.getNodeParameter(jsonParameter, '[]'), label);
		if (key && parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
			return (parsed as IDataObject)[key];
		}
		return parsed;
	}
	return context.getNodeParameter(collectionPath, []);
}
