import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { attempt } from './attempt';
import type { Field } from './fields';
import type { FieldRule } from './values';
import { InvalidFieldError, isBlank, shown } from './refusal';
import { convertField, pathSegment } from './values';
import { parseJson } from './typedJson';

/**
 * Placing a field's value on the request: read once per item, checked by the field's rule and
 * put where SocialHub takes it (path, query, body; rows as arrays), blank optional values left out.
 */

/**
 * The rules of `fields` keyed by SocialHub's names. For objects given as JSON, a field whose
 * property has a default (e.g. an option) or that is marked optionalInJson may be left out.
 */
export function rulesOf(fields: Field[], givenAsJson = false): Record<string, FieldRule> {
	return Object.fromEntries(
		fields
			.filter((f) => f.in && !(givenAsJson && f.anyJson))
			.map((f) => [
				f.as,
				givenAsJson && (f.optionalInJson || !isBlank(f.property.default)) ? { ...f.rule, required: false } : f.rule,
			]),
	);
}

/**
 * Checks and converts `source` (keyed by SocialHub's names) with `rules`: blank optional values
 * are dropped (SocialHub never receives "" for a field left empty), unknown keys pass unchanged.
 */
export function applyRules(
	source: IDataObject,
	rules: Record<string, FieldRule>,
	timeZone: string,
): IDataObject {
	const target: IDataObject = {};
	for (const [key, value] of Object.entries(source)) {
		if (!isBlank(value)) target[key] = value;
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

/** Applies `rules` to each row; errors say which row ("Event 2: …", counting from 1). */
export function applyRowRules(
	value: unknown,
	rules: Record<string, FieldRule>,
	rowLabel: string,
	timeZone: string,
): IDataObject[] {
	if (!Array.isArray(value) || value.length === 0) {
		throw new InvalidFieldError(`At least one ${rowLabel.toLowerCase()} is required`);
	}
	return value.map((row, index) => {
		if (!row || typeof row !== 'object' || Array.isArray(row)) {
			throw new InvalidFieldError(`${rowLabel} ${index + 1} must be an object, not ${shown(row)}`);
		}
		const outcome = attempt(() => applyRules(row as IDataObject, rules, timeZone));
		if ('failed' in outcome) {
			if (outcome.failed instanceof InvalidFieldError) {
				throw new InvalidFieldError(`${rowLabel} ${index + 1}: ${outcome.failed.message}`);
			}
			throw outcome.failed;
		}
		return outcome.value;
	});
}


function targetOf(options: IHttpRequestOptions, location: 'body' | 'query'): IDataObject {
	if (location === 'query') return (options.qs ??= {}) as IDataObject;
	if (!options.body || typeof options.body !== 'object' || Array.isArray(options.body)) options.body = {};
	return options.body as IDataObject;
}

/** Puts one field's value where SocialHub takes it, checked and converted by its rule. */
export function place(options: IHttpRequestOptions, target: Field, value: unknown, timeZone: string) {
	const { rule } = target;
	if (target.in === 'path') {
		options.url = options.url.replace(`{${target.as}}`, pathSegment(value, rule.label));
		return;
	}
	if (target.children) {
		const added = value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
		for (const child of target.children) {
			if (child.property.name in added) place(options, child, added[child.property.name], timeZone);
		}
		return;
	}
	if (!target.in) return;
	let converted: unknown;
	const rowsSpec = target.rows ?? target.jsonRows;
	if (rowsSpec) {
		let rowValue = target.rows
			? (value as IDataObject | undefined)?.[rowsSpec.group]
			: parseJson(value, rule.label);
		if (rowsSpec.key && rowValue && typeof rowValue === 'object' && !Array.isArray(rowValue)) {
			rowValue = (rowValue as IDataObject)[rowsSpec.key];
		}
		if (isBlank(rowValue) && !rule.required) return;
		converted = applyRowRules(rowValue, rulesOf(rowsSpec.fields, !target.rows), rowsSpec.rowLabel, timeZone);
		if (rowsSpec.asBody) {
			options.body = converted as IDataObject[];
			return;
		}
	} else if (isBlank(value)) {
		if (rule.required) throw new InvalidFieldError(`"${rule.label}" is required`);
		return;
	} else {
		converted = convertField(value, rule, timeZone);
	}
	targetOf(options, target.in)[target.as] = converted as IDataObject[string];
}

/** Reads a field's value for this item: resource locators give their plain value. */
export function readField(context: IExecuteSingleFunctions, target: Field): unknown {
	const extractValue = target.property.type === 'resourceLocator';
	return context.getNodeParameter(target.property.name, undefined, { extractValue });
}
