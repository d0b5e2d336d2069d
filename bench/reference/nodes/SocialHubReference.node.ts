/**
 * Benchmark peer, never shipped: what a programmatic node doing Adjust Member Points looks like.
 * One request per item, in order, through n8n's `httpRequestWithAuthentication` with the same
 * socialHubApi credential (so the same preAuthentication and authenticate run).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export class SocialHubReference implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SocialHub Reference (bench)',
		name: 'socialHubReference',
		group: ['transform'],
		version: 1,
		description: 'Benchmark only: Adjust Member Points in an execute loop',
		defaults: { name: 'SocialHub Reference' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'socialHubApi', required: true }],
		properties: [
			{ displayName: 'Account Type', name: 'accountType', type: 'number', default: 2 },
			{ displayName: 'Account Code', name: 'accountCode', type: 'string', default: '' },
			{ displayName: 'Operation ID', name: 'operationId', type: 'string', default: '' },
			{ displayName: 'Operation Type', name: 'operationType', type: 'number', default: 6 },
			{ displayName: 'Point Value', name: 'pointValue', type: 'number', default: 1 },
			{ displayName: 'Effective End Time', name: 'effectiveEndTime', type: 'dateTime', default: '' },
			{ displayName: 'Upgrade Tier', name: 'upgradeTierFlag', type: 'number', default: 0 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentials = await this.getCredentials('socialHubApi');
		const baseUrl = String(credentials.baseUrl).replace(/\/+$/, '');
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const body: IDataObject = {
				accountType: this.getNodeParameter('accountType', i) as number,
				accountCode: this.getNodeParameter('accountCode', i) as string,
				operationId: this.getNodeParameter('operationId', i) as string,
				operationType: this.getNodeParameter('operationType', i) as number,
				pointValue: this.getNodeParameter('pointValue', i) as number,
				effectiveEndTime: Date.parse(this.getNodeParameter('effectiveEndTime', i) as string),
				upgradeTierFlag: this.getNodeParameter('upgradeTierFlag', i) as number,
			};
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'socialHubApi', {
				method: 'POST',
				url: `${baseUrl}/v1/points/adjustment`,
				headers: { 'Content-Type': 'application/json;charset=utf-8' },
				body,
				json: true,
			})) as IDataObject;
			if (String(response.code) !== '200') {
				throw new NodeOperationError(this.getNode(), `SocialHub answered ${String(response.code)}: ${String(response.msg)}`, { itemIndex: i });
			}
			output.push({ json: response, pairedItem: { item: i } });
		}
		return [output];
	}
}
