/**
 * Review: an Operation ID reused by the same node in a later run of that node within one
 * execution (a node fed by two branches, or Loop Over Items with batch size 1: every batch's
 * item is item 0) is taken for "Retry On Fail" and sent again; SocialHub answers the repeat as
 * a success, so the second adjustment is silently not applied (issue 10, class 18).
 */
import type { INode } from 'n8n-workflow';

import { CREDENTIAL_REF, NODE_TYPE } from '../../harness/engine';
import { ADJUST } from '../adjustment';
import { useSandbox } from '../fixture';

const ctx = useSandbox();

const node = (name: string, parameters: Record<string, unknown>, x: number): INode => ({
	id: name, name, type: NODE_TYPE, typeVersion: 2, position: [x, 0], parameters: parameters as INode['parameters'],
	credentials: { socialHubApi: CREDENTIAL_REF },
});

describe('review: Operation ID duplicates across runs of one node in one execution', () => {
	it('the same Operation ID on item 0 of a second run of the node is refused, not re-sent', async () => {
		const nodes: INode[] = [
			{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			node('Feed', { resource: 'member', operation: 'getMember', cardNo: 'M0001' }, 200),
			node('Adjust', { ...ADJUST, operationId: 'loop-op-1' }, 400),
		];
		const connections = {
			Start: { main: [[{ node: 'Adjust', type: 'main' as const, index: 0 }, { node: 'Feed', type: 'main' as const, index: 0 }]] },
			Feed: { main: [[{ node: 'Adjust', type: 'main' as const, index: 0 }]] },
		};
		const run = await ctx.engine.runWorkflow({ nodes, connections });
		const adjustRuns = run.data.resultData.runData.Adjust ?? [];
		// The node ran twice, each time with one item (item 0) carrying the same Operation ID.
		expect(adjustRuns.length).toBe(2);
		const sent = ctx.sandbox.apiRequests('/v1/points/adjustment');
		// Only the first may reach SocialHub; the second must be refused like a second item is.
		expect(sent).toHaveLength(1);
		expect(run.data.resultData.error?.message ?? '').toContain('loop-op-1');
	});
});
