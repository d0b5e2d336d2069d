/**
 * n8n's node setting "Execute Once" hands the node only the first input item; the node's run
 * (NodeRun) must then be that one item, not the upstream node's whole output. An n8n user meets
 * it with Get Loyalty Programs (or one adjustment) placed after a node that outputs many items.
 */
import type { IDataObject, INode, IRun } from 'n8n-workflow';

import { CREDENTIAL_REF, CREDENTIAL_TYPE, NODE_TYPE } from '../../harness/engine';
import { adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

async function runOnce(parameters: IDataObject, items: IDataObject[], typeVersion: number): Promise<IRun> {
	const nodes: INode[] = [
		{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 's', name: 'SocialHub', type: NODE_TYPE, typeVersion, position: [200, 0], executeOnce: true,
			parameters: parameters as INode['parameters'], credentials: { [CREDENTIAL_TYPE]: CREDENTIAL_REF },
		},
	];
	const connections = { Start: { main: [[{ node: 'SocialHub', type: 'main' as const, index: 0 }]] } };
	return await ctx.engine.runWorkflow({ nodes, connections }, { Start: items });
}

const output = (run: IRun) => run.data.resultData.runData.SocialHub?.[0]?.data?.main?.[0] ?? [];

describe.each([1, 2])('Execute Once (version %i)', (typeVersion) => {
	it('an adjustment after a node with 3 items: the first item is sent and output, never silently dropped', async () => {
		const run = await runOnce(adjustParameters({ operationId: '={{ "once-" + $json.i }}' }), [{ i: 0 }, { i: 1 }, { i: 2 }], typeVersion);
		expect(run.data.resultData.error).toBeUndefined();
		expect(ctx.sandbox.apiRequests('/v1/points/adjustment').map((r) => (r.body as IDataObject).operationId)).toEqual(['once-0']);
		expect(output(run)).toHaveLength(1);
	});

	it('Get Loyalty Programs once after a node with 5 items: SocialHub is asked once and the programs are output', async () => {
		const run = await runOnce({ resource: 'member', operation: 'getLoyaltyPrograms' }, [{}, {}, {}, {}, {}], typeVersion);
		expect(run.data.resultData.error).toBeUndefined();
		expect(ctx.sandbox.apiRequests('/v1/member/loyaltyprograms')).toHaveLength(1);
		expect(output(run).length).toBeGreaterThan(0);
	});
});
