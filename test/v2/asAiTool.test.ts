/**
 * The node as an AI agent's tool (usableAsTool). n8n runs a declarative tool through RoutingNode in
 * a context whose execute data is the AGENT's (n8n-core, getInputConnectionData →
 * makeHandleToolInvocation: every invocation's context gets the parent's executeData), so
 * everything the node keys on that object is shared by every tool call of one agent run. An agent
 * that calls a tool twice in one turn ("give M0001 10 points and M0002 20"), or that runs for more
 * than one input item, must get each call carried out on its own.
 *
 * The tool type is built as n8n's NodeTypes builds it for a declarative node (node-types.js:
 * `execute = new RoutingNode(this, versionedNodeType).runNode()`); the agent is a stand-in that
 * invokes the tools n8n hands it.
 */
import { RoutingNode } from 'n8n-core';
import type { IDataObject, IExecuteFunctions, INode, INodeType, IRun, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { CREDENTIAL_REF, CREDENTIAL_TYPE } from '../../harness/engine';
import { useSandbox } from '../support/fixture';

const ctx = useSandbox();

type Tool = { name: string; invoke: (args: unknown) => Promise<unknown> };

/** A stand-in agent: calls the one connected tool with each of `calls`, in order, in one execution. */
function agentWith(calls: IDataObject[]): INodeType {
	return {
		description: {
			displayName: 'Agent', name: 'agentStandIn', group: ['transform'], version: 1, description: '',
			defaults: { name: 'Agent' }, inputs: ['main', { type: 'ai_tool', displayName: 'Tools' }], outputs: ['main'], properties: [],
		} as unknown as INodeType['description'],
		async execute(this: IExecuteFunctions) {
			const tools = ((await this.getInputConnectionData('ai_tool' as never, 0)) as Tool[]).flat();
			const answers: string[] = [];
			for (const args of calls) answers.push(String(await tools[0].invoke(args)));
			return [[{ json: { answers } }]];
		},
	};
}

/** The SocialHub node's version 2 as n8n makes a declarative node a tool. */
function socialHubTool(): INodeType {
	const v2 = NodeHelpers.getVersionedNodeType(ctx.engine.nodeType as IVersionedNodeType, 2) as INodeType;
	const tool = Object.create(v2) as INodeType;
	Object.defineProperty(tool, 'description', { value: { ...v2.description, name: 'socialHubTool', outputs: ['ai_tool'] } });
	tool.execute = async function (this: IExecuteFunctions) {
		return (await new RoutingNode(this as never, v2).runNode()) ?? [];
	};
	return tool;
}

async function runAgent(toolParameters: IDataObject, calls: IDataObject[], inputItems: IDataObject[] = [{ chatInput: 'hi' }]): Promise<IRun> {
	ctx.engine.registerNodeType('test.agent', agentWith(calls));
	ctx.engine.registerNodeType('n8n-nodes-socialhub.socialHubTool', socialHubTool());
	const nodes: INode[] = [
		{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'a', name: 'Agent', type: 'test.agent', typeVersion: 1, position: [200, 0], parameters: {} },
		{
			id: 's', name: 'SocialHub_tool', type: 'n8n-nodes-socialhub.socialHubTool', typeVersion: 2, position: [200, 200],
			parameters: toolParameters as INode['parameters'], credentials: { [CREDENTIAL_TYPE]: CREDENTIAL_REF },
		},
	];
	const connections = {
		Start: { main: [[{ node: 'Agent', type: 'main' as const, index: 0 }]] },
		SocialHub_tool: { ai_tool: [[{ node: 'Agent', type: 'ai_tool' as never, index: 0 }]] },
	};
	return await ctx.engine.runWorkflow({ nodes, connections } as never, { Start: inputItems });
}

const adjustTool = {
	resource: 'points', operation: 'adjustPoints', accountType: 2,
	accountCode: "={{ $fromAI('cardNumber', 'The member card number', 'string') }}",
	operationId: "={{ $fromAI('operationId', 'A unique id for this adjustment', 'string') }}",
	operationType: 6,
	pointValue: "={{ $fromAI('points', 'Points to add', 'number') }}",
	effectiveEndTime: '2027-12-31T23:59:59Z', upgradeTierFlag: 0,
};
const sentIds = () => ctx.sandbox.apiRequests('/v1/points/adjustment').map((r) => (r.body as IDataObject).operationId);
const answers = (run: IRun) => run.data.resultData.runData.Agent?.[0]?.data?.main?.[0]?.[0]?.json.answers as string[];

describe('Adjust member points as an agent’s tool', () => {
	it('two calls in one agent run: both adjustments are sent, each call answered with its own record', async () => {
		const run = await runAgent(adjustTool, [
			{ cardNumber: 'M0001', operationId: 'chat-1', points: 10 },
			{ cardNumber: 'M0001', operationId: 'chat-2', points: 20 },
		]);
		expect(run.data.resultData.error).toBeUndefined();
		expect(sentIds()).toEqual(['chat-1', 'chat-2']);
		expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1030);
		expect(answers(run)[1]).toContain('chat-2');
	});

	it('an agent run for two input items: the tool call is carried out (not silently answered with nothing)', async () => {
		const run = await runAgent(adjustTool, [{ cardNumber: 'M0001', operationId: 'chat-3', points: 10 }], [{ chatInput: 'a' }, { chatInput: 'b' }]);
		expect(run.data.resultData.error).toBeUndefined();
		expect(sentIds()).toEqual(['chat-3']);
	});
});

describe('Get member points accounts as an agent’s tool', () => {
	it('the second member asked about is looked up, never answered with the first member’s accounts', async () => {
		const accountsTool = { resource: 'points', operation: 'getPointsAccount', cardNo: "={{ $fromAI('cardNumber', 'The member card number', 'string') }}", returnAll: true };
		await runAgent(accountsTool, [{ cardNumber: 'M0001' }, { cardNumber: 'M0404' }]);
		expect(ctx.sandbox.apiRequests('/v1/points/pointsAccount').map((r) => r.path)).toEqual([
			'/v1/points/pointsAccount/M0001',
			'/v1/points/pointsAccount/M0404',
		]);
	});
});
