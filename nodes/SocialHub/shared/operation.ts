import type {
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import type { Field } from './fields';
import { field, place, readField } from './fields';
import { refuseUnevaluated } from './fixedText';

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

const returnAll = field({
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
});

// No typeOptions.minValue: n8n's number box would silently turn what the user typed into another
// number. Limit is checked when the run starts instead (transport/runOptions.ts).
const limit = (shown: IDisplayOptions) =>
	// eslint-disable-next-line n8n-nodes-base/node-param-type-options-missing-from-limit
	field({
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		description: 'Max number of results to return',
		displayOptions: shown,
	});

/** Version 1's paging: the vendor's Page Number and Page Size, plus Return All / Split Into Items. */
function v1PagingFields(location: 'query' | 'body'): Field[] {
	return [
		returnAll,
		field(
			{
				displayName: 'Page Number',
				name: 'pageNo',
				type: 'number',
				default: 1,
				description: 'The page to read, starting at 1',
				displayOptions: { show: { returnAll: [false] } },
			},
			{ in: location, kind: 'integer', min: 1 },
		),
		field(
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				default: 10,
				description: 'Rows per page, at most 100. With Return All, fewer larger pages mean fewer requests.',
			},
			{ in: location, kind: 'integer', min: 1, max: 100, required: true },
		),
		field({
			displayName: 'Split Into Items',
			name: 'splitIntoItems',
			type: 'boolean',
			default: false,
			description:
				"Whether to output one item per row (reading on from Page Number up to Limit) instead of SocialHub's page response as one item",
			displayOptions: { show: { returnAll: [false] } },
		}),
		limit({ show: { returnAll: [false], splitIntoItems: [true] } }),
	];
}

/** Version 2's paging, as n8n's own Get Many operations: Return All or a Limit, rows as items. */
const v2PagingFields: Field[] = [returnAll, limit({ show: { returnAll: [false] } })];

const pagingFields: Record<NodeVersion, Record<'query' | 'body', Field[]>> = {
	1: { query: v1PagingFields('query'), body: v1PagingFields('body') },
	2: { query: v2PagingFields, body: v2PagingFields },
};

/** Options of the node itself, for every operation: how it sends, not what. */
const nodeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			default: 10,
			description:
				"At most this many of this node's requests to SocialHub at once (a whole number from 1 to 512). Without it the node adapts to what SocialHub accepts by itself.",
		},
	],
};

/** SocialHub's largest page: version 2 reads as few pages as it can. */
const MAX_PAGE_SIZE = 100;

function v2Paging(location: 'query' | 'body') {
	return function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = Number(this.getNodeParameter('limit', 50));
		const pageSize = returnAll || !(limit > 0) ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, Math.ceil(limit));
		const target =
			location === 'query'
				? (options.qs ??= {})
				: ((options.body ??= {}) as Record<string, unknown>);
		target.pageNo = 1;
		target.pageSize = pageSize;
	};
}

export function fieldsOf(operation: OperationDefinition, version: NodeVersion): Field[] {
	const own = typeof operation.fields === 'function' ? operation.fields(version) : operation.fields;
	return operation.list ? [...own, ...pagingFields[version][operation.list]] : own;
}

/**
 * Builds an item's request from the operation's fields: every field it lists is read once,
 * checked by its rule and put where SocialHub takes it. Throws InvalidFieldError (naming the
 * field) for a refused value, or n8n's own error for an expression n8n cannot evaluate.
 */
function requestBuild(operation: OperationDefinition, version: NodeVersion) {
	const checked = fieldsOf(operation, version);
	const fields = checked.filter((f) => f.in || f.children);
	const steps = [operation.finish, version === 2 && operation.list ? v2Paging(operation.list) : undefined];
	return function (context: IExecuteSingleFunctions, options: IHttpRequestOptions): void {
		// n8n keeps only the parameters shown for this node's settings (defaults filled in).
		const shown = context.getNode().parameters;
		const timeZone = context.getTimezone();
		for (const { property } of checked) if (property.name in shown) refuseUnevaluated(property, shown[property.name]);
		for (const target of fields) {
			if (target.in !== 'path' && !(target.property.name in shown)) continue;
			const value = target.property.name in shown ? readField(context, target) : undefined;
			place(options, target, value, timeZone);
		}
		for (const step of steps) step?.call(context, options);
	};
}

/** Wraps an operation's request build into the preSend n8n runs for each item (transport/prepare.ts). */
export type PreSendOf = (build: (context: IExecuteSingleFunctions, options: IHttpRequestOptions) => void) => PreSendAction;

const nameOf = (operation: OperationDefinition, version: NodeVersion) =>
	(version === 2 && operation.v2?.name) || operation.name;

function operationOption(operation: OperationDefinition, version: NodeVersion, preSendOf: PreSendOf): INodePropertyOptions {
	const v2 = version === 2 ? operation.v2 ?? {} : {};
	return {
		name: nameOf(operation, version),
		value: operation.value,
		action: v2.action ?? operation.action,
		description: v2.description ?? operation.description,
		routing: {
			request: { method: operation.method, url: operation.url },
			send: { preSend: [preSendOf(requestBuild(operation, version))] },
		},
	};
}

function mergeShow(extra: IDisplayOptions | undefined, resources: string[], operations: string[]) {
	return {
		...extra,
		show: { ...extra?.show, resource: resources, operation: operations },
	};
}

/** What the runner needs to know of an operation: its name for messages, and whether it only reads. */
export interface OperationInfo {
	label: string;
	readOnly: boolean;
}

export interface VersionProperties {
	properties: INodeProperties[];
	/** "resource.operation" → the operation's name (for error messages) and whether it only reads. */
	labels: Record<string, OperationInfo>;
	/** "resource.operation" → "Resource: Operation", for the node's subtitle. */
	names: Record<string, string>;
}

/**
 * The node's properties for one version: the Resource selector, each resource's Operation
 * selector, then every field once, shown for the operations that list it.
 */
export function versionProperties(resources: ResourceDefinition[], version: NodeVersion, preSendOf: PreSendOf): VersionProperties {
	const labels: Record<string, OperationInfo> = {};
	const names: Record<string, string> = {};
	// Fields declared alike (same property) share one property, shown for every operation using it.
	const usage = new Map<string, { property: INodeProperties; resources: Set<string>; operations: Set<string> }>();
	const selectors: INodeProperties[] = [];
	for (const resource of resources) {
		const { defaultOperation } = resource;
		selectors.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			default: defaultOperation,
			options: resource.operations
				.map((operation) => operationOption(operation, version, preSendOf))
				.sort((a, b) => a.name.localeCompare(b.name)),
		});
		for (const operation of resource.operations) {
			// Errors keep the operation's full name ("Adjust Member Points failed: …") in every version.
			labels[`${resource.value}.${operation.value}`] = {
				label: operation.name,
				readOnly: operation.method === 'GET' || operation.list !== undefined || operation.readOnly === true,
			};
			names[`${resource.value}.${operation.value}`] = `${(version === 2 && resource.v2Name) || resource.name}: ${nameOf(operation, version)}`;
			for (const { property } of fieldsOf(operation, version)) {
				const key = JSON.stringify(property);
				const use = usage.get(key) ?? { property, resources: new Set<string>(), operations: new Set<string>() };
				use.resources.add(resource.value);
				use.operations.add(operation.value);
				usage.set(key, use);
			}
		}
	}
	const firstResource = resources[0].value;
	const resourceSelector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources
			.map((resource) => ({ name: (version === 2 && resource.v2Name) || resource.name, value: resource.value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: firstResource,
		// `paginate` hands every request of every operation to `requestOperations.pagination`,
		// the node's one runner (transport/runner.ts): envelope check, error mapping and paging.
		routing: { send: { paginate: true } },
	};
	const fields = [...usage.values()].map(({ property, resources: shownFor, operations }) => ({
		...property,
		displayOptions: mergeShow(property.displayOptions, [...shownFor], [...operations]),
	}));
	return { properties: [resourceSelector, ...selectors, ...fields, nodeOptions], labels, names };
}
