/**
 * A stand-in for n8n's HTTP Request node (Custom API Call) with the SocialHub credential: one
 * request per item through n8n's own request helpers, the legacy `requestWithAuthentication`
 * (what HTTP Request 4.x calls, HttpRequestV3.node.ts) or `httpRequestWithAuthentication`.
 * A failed request becomes an item `{ error, description }`, as with Continue On Fail.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeType } from 'n8n-workflow';

import { CREDENTIAL_REF, CREDENTIAL_TYPE, type SocialHubEngine } from '../../harness/engine';

export type RequestHelper = 'legacy' | 'http';

class HttpRequestStandIn implements INodeType {
	description = {
		displayName: 'HTTP Request',
		name: 'httpRequestStandIn',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'HTTP Request' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Helper', name: 'helper', type: 'string', default: 'legacy' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
		],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions) {
		const out = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const url = this.getNodeParameter('url', i) as string;
			const method = this.getNodeParameter('method', i) as 'GET' | 'POST';
			const raw = this.getNodeParameter('body', i) as string;
			const body = raw ? { body: JSON.parse(raw) as IDataObject } : {};
			try {
				const answer =
					this.getNodeParameter('helper', i) === 'legacy'
						? await this.helpers.requestWithAuthentication.call(this, CREDENTIAL_TYPE, { uri: url, method, json: true, ...body }, undefined, i)
						: await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, { url, method, json: true, ...body });
				out.push({ json: answer as IDataObject, pairedItem: { item: i } });
			} catch (error) {
				out.push({ json: { error: (error as Error).message, description: (error as { description?: string }).description ?? null }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}

/** Registers the stand-in with the engine (call in beforeEach: each test's engine is fresh). */
export function registerHttpRequest(engine: SocialHubEngine): void {
	engine.registerNodeType('test.httpRequest', new HttpRequestStandIn());
}

/** What the stand-in is asked to do. `url` may be an expression (`={{ $json.url }}`). */
export interface HttpRequestParameters {
	url: string;
	helper?: RequestHelper;
	method?: 'GET' | 'POST';
	body?: IDataObject;
}

/** Runs Manual Trigger → the stand-in over `items`; the stand-in's output items, in order. */
export async function runHttpRequest(engine: SocialHubEngine, parameters: HttpRequestParameters, items: IDataObject[] = [{}]): Promise<IDataObject[]> {
	const { url, helper = 'legacy', method = 'GET', body } = parameters;
	const nodes: INode[] = [
		{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'h', name: 'HTTP Request', type: 'test.httpRequest', typeVersion: 1, position: [200, 0],
			parameters: { url, helper, method, body: body ? JSON.stringify(body) : '' },
			credentials: { [CREDENTIAL_TYPE]: CREDENTIAL_REF },
		},
	];
	const connections = { Start: { main: [[{ node: 'HTTP Request', type: 'main' as const, index: 0 }]] } };
	const run = await engine.runWorkflow({ nodes, connections }, { Start: items });
	if (run.data.resultData.error) throw run.data.resultData.error;
	return run.data.resultData.runData['HTTP Request'][0].data!.main[0]!.map((item) => item.json);
}
