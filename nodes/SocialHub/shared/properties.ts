import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { NodeVersion, OperationDefinition, OperationInfo, PreSendOf, ResourceDefinition, VersionBehaviour } from './operation';
import { fieldsOf, requestBuild } from './operation';

/**
 * One version's properties, assembled from the resources' operations: the Resource selector, each
 * resource's Operation selector (whose routing carries the operation's preSend), every field once
 * shown for the operations that list it, then the node's own Options.
 */

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

const nameOf = (operation: OperationDefinition, version: NodeVersion) =>
	(version === 2 && operation.v2?.name) || operation.name;

function operationOption(operation: OperationDefinition, behaviour: VersionBehaviour, preSendOf: PreSendOf): INodePropertyOptions {
	const { version } = behaviour;
	const v2 = version === 2 ? operation.v2 ?? {} : {};
	return {
		name: nameOf(operation, version),
		value: operation.value,
		action: v2.action ?? operation.action,
		description: v2.description ?? operation.description,
		routing: {
			request: { method: operation.method, url: operation.url },
			send: { preSend: [preSendOf(requestBuild(operation, behaviour))] },
		},
	};
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
export function versionProperties(resources: ResourceDefinition[], behaviour: VersionBehaviour, preSendOf: PreSendOf): VersionProperties {
	const { version } = behaviour;
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
				.map((operation) => operationOption(operation, behaviour, preSendOf))
				.sort((a, b) => a.name.localeCompare(b.name)),
		});
		for (const operation of resource.operations) {
			// Errors keep the operation's full name ("Adjust Member Points failed: …") in every version.
			labels[`${resource.value}.${operation.value}`] = {
				label: operation.name,
				readOnly: operation.method === 'GET' || operation.list !== undefined || operation.readOnly === true,
			};
			names[`${resource.value}.${operation.value}`] = `${(version === 2 && resource.v2Name) || resource.name}: ${nameOf(operation, version)}`;
			for (const { property } of fieldsOf(operation, behaviour)) {
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
	const fields = [...usage.values()].flatMap(({ property, resources: shownFor, operations }) =>
		updateDisplayOptions({ show: { resource: [...shownFor], operation: [...operations] } }, [property]),
	);
	return { properties: [resourceSelector, ...selectors, ...fields, nodeOptions], labels, names };
}
