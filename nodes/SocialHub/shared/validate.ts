import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldRules, RequestRules } from './values';
import { InvalidFieldError, convertField, isBlank, parseJson, pathSegment, shown } from './values';

export * from './values';

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
