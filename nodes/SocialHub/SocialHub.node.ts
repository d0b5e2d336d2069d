import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { consumerFields, consumerOperations } from './descriptions/ConsumerDescription';
import { masterDataFields, masterDataOperations } from './descriptions/MasterDataDescription';
import { memberFields, memberOperations } from './descriptions/MemberDescription';
import { orderFields, orderOperations } from './descriptions/OrderDescription';
import { pointsFields, pointsOperations } from './descriptions/PointsDescription';
import { contactFields, identifierFields, queryPagingFields } from './descriptions/SharedFields';
import { createOperationRunner } from './transport/runner';

const resourceDescriptions: Array<{ operations: INodeProperties[]; fields: INodeProperties[] }> = [
	{ operations: memberOperations, fields: memberFields },
	{ operations: consumerOperations, fields: consumerFields },
	{ operations: orderOperations, fields: orderFields },
	{ operations: pointsOperations, fields: pointsFields },
	{ operations: masterDataOperations, fields: masterDataFields },
];

/** "resource.operation" → the operation's display name, for error messages. */
function operationLabels(): Record<string, string> {
	const labels: Record<string, string> = {};
	for (const { operations } of resourceDescriptions) {
		for (const selector of operations) {
			for (const resource of (selector.displayOptions?.show?.resource ?? []) as string[]) {
				for (const option of selector.options ?? []) {
					if ('value' in option) labels[`${resource}.${String(option.value)}`] = option.name;
				}
			}
		}
	}
	return labels;
}

export class SocialHub implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SocialHub',
		name: 'socialHub',
		icon: 'file:socialhub.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage SocialHub members, customers, orders, points and master data',
		defaults: { name: 'SocialHub' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'socialHubApi', required: true }],
		// The base URL comes from the credential's `authenticate`, so no expression runs per item.
		requestDefaults: {
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json;charset=utf-8',
			},
			json: true,
		},
		requestOperations: { pagination: createOperationRunner(operationLabels()) },
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Customer Management', value: 'consumer' },
					{ name: 'Master Data Management', value: 'masterdata' },
					{ name: 'Member Management', value: 'member' },
					{ name: 'Order Management', value: 'order' },
					{ name: 'Points Management', value: 'points' },
				],
				default: 'points',
				// Sends every operation through the runner in `requestOperations.pagination`.
				routing: { send: { paginate: true } },
			},
			// The editor shows properties in this order: operation, identifiers, the operation's own fields.
			...resourceDescriptions.flatMap(({ operations }) => operations),
			...identifierFields,
			...resourceDescriptions.flatMap(({ fields }) => fields),
			...contactFields,
			...queryPagingFields,
		],
	};
}
