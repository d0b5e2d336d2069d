import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INode, IWorkflowBase } from 'n8n-workflow';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, useSandbox } from './support/fixture';

const folder = join(__dirname, '..', 'examples');
const NODE_TYPE = 'n8n-nodes-socialhub.socialHub';
/** Node types the examples may use: ours and the n8n-nodes-base nodes every n8n ships. */
const SHIPPED_TYPES = ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.noOp', 'n8n-nodes-base.stickyNote'];

type Example = Pick<IWorkflowBase, 'nodes' | 'connections'>;
const readExample = (file: string) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as Example;

/**
 * The harness knows only the Manual Trigger and SocialHub: drop the rest (No Op labels, sticky
 * notes) and their connections. What a SocialHub node outputs on each output is unchanged.
 */
function runnablePart(workflow: Example): Example {
	const runnable = (node: INode) => node.type === NODE_TYPE || node.type === 'n8n-nodes-base.manualTrigger';
	const kept = new Set(workflow.nodes.filter(runnable).map((node) => node.name));
	const connections: Example['connections'] = {};
	for (const [source, outputs] of Object.entries(workflow.connections)) {
		if (!kept.has(source)) continue;
		connections[source] = {
			main: (outputs.main ?? []).map((targets) => (targets ?? []).filter((target) => kept.has(target.node))),
		};
	}
	return { nodes: workflow.nodes.filter(runnable), connections };
}

describe('examples/', () => {
	const files = readdirSync(folder).filter((file) => file.endsWith('.json'));
	it.each(files)('%s is importable n8n JSON without secrets', (file) => {
		const text = readFileSync(join(folder, file), 'utf8');
		const workflow = JSON.parse(text) as {
			nodes: Array<{ type: string; credentials?: Record<string, { name: string }> }>;
		};
		expect(text).not.toContain(SANDBOX_APP_SECRET);
		expect(text).not.toMatch(/appSecret|accessToken/);
		const socialHubNodes = workflow.nodes.filter((node) => node.type === NODE_TYPE);
		expect(socialHubNodes.length).toBeGreaterThan(0);
		for (const node of socialHubNodes) {
			expect(node.credentials?.socialHubApi.name).toBe('SocialHub sandbox');
		}
		for (const node of workflow.nodes) expect([NODE_TYPE, ...SHIPPED_TYPES]).toContain(node.type);
	});

	describe('refused-adjustment.json', () => {
		const ctx = useSandbox();
		const deduct = 'Deduct Too Many Points';

		beforeEach(() => {
			const keys = { appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET };
			ctx.engine.setCredential({ baseUrl: ctx.sandbox.url, ...keys }, 'socialhub-sandbox');
		});

		async function runExample(pointValue?: number) {
			const workflow = readExample('refused-adjustment.json');
			if (pointValue !== undefined) {
				const node = workflow.nodes.find((candidate) => candidate.name === deduct)!;
				node.parameters = { ...node.parameters, pointValue };
			}
			const run = await ctx.engine.runWorkflow(runnablePart(workflow));
			const [deducted = [], refused = []] = run.data.resultData.runData[deduct]?.[0]?.data?.main ?? [];
			return { run, deducted: deducted ?? [], refused: refused ?? [] };
		}

		it('routes the refusal to the Refused branch (the error output), with SocialHub’s reason', async () => {
			const example = readExample('refused-adjustment.json');
			expect(example.nodes.find((node) => node.name === deduct)?.onError).toBe('continueErrorOutput');
			expect(example.connections[deduct].main[1]?.[0]?.node).toBe('Refused');

			const { run, deducted, refused } = await runExample();
			expect(run.data.resultData.error).toBeUndefined();
			expect(deducted).toHaveLength(0);
			expect(refused).toHaveLength(1);
			expect(refused[0].json.error).toBe(
				'Adjust Member Points failed: Insufficient points: balance 1000, deduction 999999',
			);
			expect(ctx.sandbox.apiRequests('/v1/points/adjustment')[0].body).toMatchObject({
				accountType: 2,
				accountCode: 'M0001',
				operationType: 8,
			});
			expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1000);
		});

		it('sends a deduction the member can afford to the Deducted branch', async () => {
			const { deducted, refused } = await runExample(10);
			expect(refused).toHaveLength(0);
			expect(deducted).toHaveLength(1);
			expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(990);
		});
	});
});
