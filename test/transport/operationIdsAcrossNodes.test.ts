/**
 * Operation-ID claims across nodes of one execution, as n8n users build them: a retry branch on
 * the error output (the node's own advice after a lost answer is "run it again with the same
 * Operation ID"), and a second node whose one item collides with an earlier node's ID while its
 * other items go through. The guard may stop a different adjustment from reusing an ID; it may not
 * stop the retry it recommends, and it may not hide what else the run applied.
 */
import type { IDataObject, INode, IRun } from 'n8n-workflow';

import { CREDENTIAL_REF, NODE_TYPE } from '../../harness/engine';
import { ADJUST } from '../support/adjustment';
import { useSandbox } from '../support/fixture';

const ctx = useSandbox();

const node = (name: string, parameters: Record<string, unknown>, x: number, extra: Partial<INode> = {}): INode => ({
	id: name, name, type: NODE_TYPE, typeVersion: 2, position: [x, 0], parameters: parameters as INode['parameters'],
	credentials: { socialHubApi: CREDENTIAL_REF }, ...extra,
});
const trigger: INode = { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
const balance = () => ctx.sandbox.state.accounts.get('PA0001')?.balance;
const errorOf = (run: IRun, name: string) => run.data.resultData.runData[name]?.[0]?.error;

describe('a retry branch on the error output, with the same Operation ID (the node’s own advice)', () => {
	/** Adjust (On Error → error output) → Retry: the same adjustment, its Operation ID rebuilt from the trigger's item. */
	async function adjustThenRetry(): Promise<IRun> {
		const nodes: INode[] = [
			trigger,
			node('Adjust', { ...ADJUST, operationId: '={{ "order-" + $json.order + "-bonus" }}' }, 200, { onError: 'continueErrorOutput' }),
			node('Retry', { ...ADJUST, operationId: '={{ "order-" + $(\'Start\').item.json.order + "-bonus" }}' }, 400),
		];
		const connections = {
			Start: { main: [[{ node: 'Adjust', type: 'main' as const, index: 0 }]] },
			Adjust: { main: [[], [{ node: 'Retry', type: 'main' as const, index: 0 }]] },
		};
		return await ctx.engine.runWorkflow({ nodes, connections }, { Start: [{ order: 10086 }] });
	}

	it('after HTTP 502 (SocialHub applied nothing): the retry is sent and the points are awarded once', async () => {
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', status: 502, times: 1 });
		const run = await adjustThenRetry();
		expect(String(run.data.resultData.runData.Adjust[0].data?.main[1]?.[0]?.json.error)).toContain('Injected HTTP 502');
		expect(errorOf(run, 'Retry')).toBeUndefined();
		expect(balance()).toBe(1100);
		expect(ctx.sandbox.stats().appliedMoreThanOnce).toBe(0);
	});

	it('after an answer lost once SocialHub applied it: the retry goes, SocialHub answers it as the repeat it is, no error', async () => {
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', drop: true, applyFirst: true, times: 1 });
		const run = await adjustThenRetry();
		expect(errorOf(run, 'Retry')).toBeUndefined();
		expect(balance()).toBe(1100);
		expect(ctx.sandbox.stats().appliedMoreThanOnce).toBe(0);
	});
});

describe('one item refused for an Operation ID another node used, in a run of six', () => {
	it('the error says which of the other items were applied (never hides them), and the run stops sending', async () => {
		const nodes: INode[] = [
			trigger,
			// Item 2 (order 3) of Welcome happens to use the ID Bonus gives order 3.
			node('Welcome', { ...ADJUST, operationId: '={{ $json.order === 3 ? "order-3-bonus" : "welcome-" + $json.order }}' }, 200),
			node('Bonus', { ...ADJUST, operationId: '={{ "order-" + $(\'Start\').item.json.order + "-bonus" }}', options: { maxConcurrentRequests: 1 } }, 400),
		];
		const connections = {
			Start: { main: [[{ node: 'Welcome', type: 'main' as const, index: 0 }]] },
			Welcome: { main: [[{ node: 'Bonus', type: 'main' as const, index: 0 }]] },
		};
		const run = await ctx.engine.runWorkflow({ nodes, connections }, { Start: [1, 2, 3, 4, 5, 6].map((order) => ({ order })) });
		const error = errorOf(run, 'Bonus') as (Error & { description?: string }) | undefined;
		expect(error?.message).toContain('Operation ID "order-3-bonus" of item 2 was already used by item 2 of node "Welcome"');
		const bonusApplied = ctx.sandbox
			.apiRequests('/v1/points/adjustment')
			.map((r) => String((r.body as IDataObject).operationId))
			.filter((id) => id.endsWith('-bonus') && id !== 'order-3-bonus');
		// Whatever Bonus applied before (or beside) the refusal is named in the error, as for any other final failure.
		if (bonusApplied.length > 0) {
			expect(error?.description).toContain(`${bonusApplied.length} other item${bonusApplied.length === 1 ? ' was' : 's were'} applied`);
		}
		// Without Continue On Fail, a final failure stops the items not yet sent (here at most one at a time).
		expect(bonusApplied.length).toBeLessThan(5);
	});
});
