/**
 * Outside test of the credential's renewal for other nodes' requests (authenticate.ts renewToken
 * + tokenCheck.ts): n8n's HTTP Request node (legacy helper) asks for a new token after ANY
 * failure and then sends the request again; httpRequestWithAuthentication re-sends after any
 * HTTP 401 whether or not preAuthentication returned a token. The change claims a write is sent
 * again only when SocialHub really rejected the token, "or a write SocialHub answered 500 after
 * applying it would be sent twice". A POST sent twice by a user's HTTP Request node is a
 * doubled order / points adjustment (no Operation-ID dedupe outside this node's adjustments).
 */
import type { IDataObject, IExecuteFunctions, INode, INodeType } from 'n8n-workflow';

import { CREDENTIAL_REF, CREDENTIAL_TYPE } from '../../harness/engine';
import { SandboxState } from '../../sandbox/state';
import { useSandbox } from '../support/fixture';

const ctx = useSandbox();

class HttpPost implements INodeType {
	description = {
		displayName: 'HTTP Post',
		name: 'httpPost',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'HTTP Post' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Helper', name: 'helper', type: 'string', default: 'legacy' },
		],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions) {
		const out = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const url = this.getNodeParameter('url', i) as string;
			const body = { accountType: 2, accountCode: 'M0001', operationId: `http-${i}`, operationType: 6, pointValue: 5, effectiveEndTime: 1830297599000, upgradeTierFlag: 0 };
			try {
				const answer =
					this.getNodeParameter('helper', i) === 'legacy'
						? await this.helpers.requestWithAuthentication.call(this, CREDENTIAL_TYPE, { uri: url, method: 'POST', body, json: true }, undefined, i)
						: await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, { url, method: 'POST', body, json: true });
				out.push({ json: answer as IDataObject, pairedItem: { item: i } });
			} catch (error) {
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}

beforeEach(() => ctx.engine.registerNodeType('test.httpPost', new HttpPost()));

async function post(helper: 'legacy' | 'http') {
	const nodes: INode[] = [
		{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'p', name: 'Post', type: 'test.httpPost', typeVersion: 1, position: [200, 0],
			parameters: { url: `${ctx.sandbox.url}/v1/points/adjustment`, helper }, credentials: { [CREDENTIAL_TYPE]: CREDENTIAL_REF },
		},
	];
	const connections = { Start: { main: [[{ node: 'Post', type: 'main' as const, index: 0 }]] } };
	const run = await ctx.engine.runWorkflow({ nodes, connections }, { Start: [{}] });
	expect(run.data.resultData.error).toBeUndefined();
	return run.data.resultData.runData.Post[0].data!.main[0]![0].json;
}

/** A stored token, as after an earlier run; then SocialHub's records are fresh again. */
async function withStoredToken() {
	expect(await post('http')).toMatchObject({ code: '200' });
	expect(ctx.engine.storedCredential()?.accessToken).toBe(ctx.sandbox.issuedTokens[0]);
	ctx.sandbox.state = new SandboxState(true, false);
	ctx.sandbox.clearRequests();
}

const sent = () => ctx.sandbox.apiRequests('/v1/points/adjustment').length;

describe.each(['legacy', 'http'] as const)('%s helper', (helper) => {
	it('a write answered HTTP 500 after it was applied (token good) is sent once', async () => {
		await withStoredToken();
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', status: 500, applyFirst: true });
		const json = await post(helper);
		expect(json.error).toBeDefined();
		expect(sent()).toBe(1);
		expect(ctx.sandbox.tokenCalls).toBe(0);
	});

	it('a write answered HTTP 401 after it was applied (token good: a gateway quirk) is sent once', async () => {
		await withStoredToken();
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', status: 401, applyFirst: true });
		await post(helper);
		expect(sent()).toBe(1);
	});

	// Known limit, legacy helper only: n8n's legacy request asks the credential for a token after
	// any failure and sends the request again when it gets one. The credential renews only when
	// SocialHub rejects the request's token, asked right after the failure; a token that dies in
	// the milliseconds between a write's HTTP 500 and that question looks like the 401 case. (An
	// adjustment carries its Operation ID, so SocialHub applies it once even then.)
	(helper === 'legacy' ? it.failing : it)('a write answered HTTP 500 after it was applied, the token expiring right then, is not sent again', async () => {
		await withStoredToken();
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', status: 500, applyFirst: true });
		// The token's two hours end between the write and the credential's check of the token.
		const faults = (ctx.sandbox as unknown as { faults: { match: (m: string, p: string) => unknown } }).faults;
		const match = faults.match;
		faults.match = (method: string, path: string) => {
			const fault = match.call(faults, method, path);
			if (fault && path === '/v1/points/adjustment') setImmediate(() => ctx.sandbox.expireTokens());
			return fault;
		};
		try {
			await post(helper);
		} finally {
			faults.match = match;
		}
		expect(sent()).toBe(1);
	});
});
