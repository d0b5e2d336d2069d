import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import type { Field } from './fields';
import { refuseUnevaluated } from './fixedText';
import { place, readField } from './placement';

/**
 * What an operation is (its spec sheet: call, fields, paging), what differs between the node's
 * versions beyond their fields (v1/behaviour.ts, v2/behaviour.ts), and how one item's request is
 * built from an operation's fields.
 */

/** 1: the vendor package's parameters (saved workflows run unchanged); 2: n8n's UX guidelines. */
export type NodeVersion = 1 | 2;

export interface OperationDefinition {
	value: string;
	name: string;
	action: string;
	description: string;
	method: 'GET' | 'POST' | 'PUT';
	/** `{name}` placeholders are filled by the path fields of the same name. */
	url: string;
	/** The fields in display order; a function when the versions differ. */
	fields: Field[] | ((version: NodeVersion) => Field[]);
	/** A paged list: SocialHub reads its paging from the query (GET) or the body (POST). */
	list?: 'query' | 'body';
	/** A read sent as POST (GET requests and lists are reads anyway): safe to send again. */
	readOnly?: boolean;
	/** Completes the request after the fields are placed (e.g. a generated nonce). */
	finish?: (this: IExecuteSingleFunctions, options: IHttpRequestOptions) => void;
	/** Names that read better in version 2 (n8n's wording: Get Many, Update…). */
	v2?: Partial<Pick<OperationDefinition, 'name' | 'action' | 'description'>>;
}

export interface ResourceDefinition {
	value: string;
	name: string;
	v2Name?: string;
	defaultOperation: string;
	operations: OperationDefinition[];
}

/** What the runner needs to know of an operation: its name for messages, and whether it only reads. */
export interface OperationInfo {
	label: string;
	readOnly: boolean;
}

/**
 * What differs between the node's versions beyond their fields. Each version's folder holds its
 * own (v1/behaviour.ts: the vendor's contract; v2/behaviour.ts: n8n's UX), so a reader of v2/
 * sees all that version 2 does differently.
 */
export interface VersionBehaviour {
	version: NodeVersion;
	/** The fields a list operation adds for paging, in display order. */
	listFields(location: 'query' | 'body'): Field[];
	/** Completes a list request's paging from those fields (after the fields are placed). */
	listRequest?: (this: IExecuteSingleFunctions, options: IHttpRequestOptions, location: 'query' | 'body') => void;
	/** Whether a list run outputs one item per row (else SocialHub's page as one item). */
	rowsFromLists(context: Pick<IExecuteSingleFunctions, 'getNodeParameter'>): boolean;
	/** The items one SocialHub answer (its envelope) becomes. */
	output(body: IDataObject): IDataObject[];
}

/** An operation's fields in one version, its list fields included. */
export function fieldsOf(operation: OperationDefinition, behaviour: VersionBehaviour): Field[] {
	const own = typeof operation.fields === 'function' ? operation.fields(behaviour.version) : operation.fields;
	return operation.list ? [...own, ...behaviour.listFields(operation.list)] : own;
}

/** Builds one item's request in place; throws InvalidFieldError (or n8n's own error) to refuse it. */
export type RequestBuild = (context: IExecuteSingleFunctions, options: IHttpRequestOptions) => void;

/** Wraps an operation's request build into the preSend n8n runs for each item (transport/prepare.ts). */
export type PreSendOf = (build: RequestBuild) => PreSendAction;

/**
 * Builds an item's request from the operation's fields: a fixed value holding `{{ … }}` is refused,
 * then every field it lists is read once, checked by its rule and put where SocialHub takes it.
 * Throws InvalidFieldError (naming the field) for a refused value, or n8n's own error for an
 * expression n8n cannot evaluate.
 */
export function requestBuild(operation: OperationDefinition, behaviour: VersionBehaviour): RequestBuild {
	const checked = fieldsOf(operation, behaviour);
	const fields = checked.filter((f) => f.in || f.children);
	const { list } = operation;
	return function (context, options) {
		// n8n keeps only the parameters shown for this node's settings (defaults filled in).
		const shown = context.getNode().parameters;
		const timeZone = context.getTimezone();
		// Only values that are sent: a field kept for vendor workflows and never sent is never judged.
		for (const { property } of fields) if (property.name in shown) refuseUnevaluated(property, shown[property.name]);
		for (const target of fields) {
			if (target.in !== 'path' && !(target.property.name in shown)) continue;
			const value = target.property.name in shown ? readField(context, target) : undefined;
			place(options, target, value, timeZone);
		}
		operation.finish?.call(context, options);
		if (list) behaviour.listRequest?.call(context, options, list);
	};
}
