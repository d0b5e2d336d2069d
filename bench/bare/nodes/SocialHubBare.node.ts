/**
 * Benchmark floor, never shipped: the least a declarative node can be — one routed field and a
 * static body, same credential. Its time per item is n8n's own, which no description goes below.
 */
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

export class SocialHubBare implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SocialHub Bare (bench)',
		name: 'socialHubBare',
		group: ['transform'],
		version: 1,
		description: 'Benchmark only: one routed field',
		defaults: { name: 'SocialHub Bare' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'socialHubApi', required: true }],
		requestDefaults: { headers: { 'Content-Type': 'application/json;charset=utf-8' }, json: true },
		properties: [
			{
				displayName: 'Operation ID',
				name: 'operationId',
				type: 'string',
				default: '',
				routing: {
					request: {
						method: 'POST',
						url: '/v1/points/adjustment',
						body: {
							accountType: 2,
							accountCode: 'M0001',
							operationType: 6,
							pointValue: 1,
							effectiveEndTime: Date.UTC(2027, 11, 31),
							upgradeTierFlag: 0,
						},
					},
					send: { type: 'body', property: 'operationId' },
				},
			},
		],
	};
}
