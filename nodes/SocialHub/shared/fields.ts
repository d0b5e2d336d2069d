import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import type { FieldKind, FieldRule } from './values';

/**
 * One declaration per field: the n8n property the user sees, the rule its value must meet and
 * where it goes on the wire all come from `field(...)`. Operations list the fields they use; the
 * request is built from those same declarations (no `routing.send` on the fields: a routed
 * expression is evaluated once more per item by n8n's engine).
 */

export type WireLocation = 'body' | 'query' | 'path';

export interface FieldSpec {
	/** Where SocialHub takes the value; none for fields that only steer the node. */
	in?: WireLocation;
	/** SocialHub's name for it, when it differs from the parameter name. */
	as?: string;
	kind?: FieldKind;
	min?: number;
	max?: number;
	/** Refused when blank; defaults to the property's own `required`. */
	required?: boolean;
	/** Allowed values; defaults to the values of an `options` property. */
	oneOf?: Array<string | number>;
	/** The options only suggest values (e.g. channel codes): any value is sent. */
	openOptions?: boolean;
	/** Given as JSON, any value passes unchanged (e.g. tags as a list). */
	anyJson?: boolean;
	/** Required in the panel, but an object given as JSON may leave it out. */
	optionalInJson?: boolean;
}

export interface Field {
	readonly property: INodeProperties;
	readonly rule: FieldRule;
	readonly in?: WireLocation;
	/** SocialHub's name of the value. */
	readonly as: string;
	/** Fields of a collection, each sent on its own when the user added it. */
	readonly children?: Field[];
	/** Rows of a fixed collection, sent as an array. */
	readonly rows?: RowsSpec;
	readonly anyJson?: boolean;
	readonly optionalInJson?: boolean;
	/** The same rows given as JSON (an array, or an object holding it under `key`). */
	readonly jsonRows?: RowsSpec;
}

export interface RowsSpec {
	/** The fixed collection's group holding the rows (e.g. `event` in `data.event`). */
	group: string;
	/** The rows are the whole body (a JSON array), not a property of it. */
	asBody?: boolean;
	/** Given as JSON: the key that may hold the array when an object is given instead. */
	key?: string;
	/** What one row is called in messages: "Event 2: …". */
	rowLabel: string;
	fields: Field[];
}

function optionValues(property: INodeProperties): Array<string | number> | undefined {
	if (property.type !== 'options' || !Array.isArray(property.options)) return undefined;
	const values = property.options
		.map((option) => ('value' in option ? option.value : undefined))
		.filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
		.filter((value) => value !== '')
		.sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : 0));
	return values.length > 0 ? values : undefined;
}

export function field(property: INodeProperties, spec: FieldSpec = {}): Field {
	const values = optionValues(property);
	const oneOf = spec.oneOf ?? (spec.openOptions ? undefined : values);
	const numeric = values !== undefined && typeof values[0] === 'number';
	const kind = spec.kind ?? (numeric ? 'integer' : undefined);
	return {
		property,
		in: spec.in,
		anyJson: spec.anyJson,
		optionalInJson: spec.optionalInJson,
		as: spec.as ?? property.name,
		rule: {
			label: property.displayName,
			kind,
			required: spec.required ?? property.required ?? false,
			oneOf,
			min: spec.min,
			max: spec.max,
		},
	};
}

/** A collection whose added fields are each sent on their own (e.g. Update Fields). */
export function collection(property: Omit<INodeProperties, 'options' | 'type'>, children: Field[]): Field {
	return {
		property: { ...property, type: 'collection', options: children.map((child) => child.property) },
		as: property.name,
		rule: { label: property.displayName },
		children,
	};
}

/** A fixed collection of rows (events, order lines, products) sent as an array under `as`. */
export function rows(
	property: Omit<INodeProperties, 'options' | 'type'> & { rowDisplayName: string },
	spec: RowsSpec & { in?: 'body'; as?: string },
): Field {
	const { rowDisplayName, ...rest } = property;
	const group: INodePropertyCollection = {
		displayName: rowDisplayName,
		name: spec.group,
		values: spec.fields.map((child) => child.property),
	};
	return {
		property: {
			...rest,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, ...rest.typeOptions },
			options: [group],
		},
		in: spec.in ?? 'body',
		as: spec.as ?? property.name,
		rule: { label: property.displayName, required: property.required ?? false },
		rows: spec,
	};
}

/** The rows of `rows` given as JSON instead, e.g. from an expression. */
export function jsonRows(property: INodeProperties, spec: RowsSpec & { as?: string }): Field {
	return {
		property: { ...property, type: 'json' },
		in: 'body',
		as: spec.as ?? property.name,
		rule: { label: property.displayName, required: true },
		jsonRows: spec,
	};
}

/** Whether `what` is entered as fields or given as JSON; fields by default, as in the vendor's node. */
export const inputMode = (what: string): Field =>
	field({
		displayName: `Specify ${what}`,
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'fields',
	});

/** Rows entered as fields or, switched by `inputMode`, given as JSON. */
export function rowsInput(what: string, rowsField: Field, jsonField: Field): Field[] {
	const mode = (value: string) => ({ show: { inputMode: [value] } });
	return [
		inputMode(what),
		{ ...rowsField, property: { ...rowsField.property, displayOptions: mode('fields') } },
		{ ...jsonField, property: { ...jsonField.property, displayOptions: mode('json') } },
	];
}
