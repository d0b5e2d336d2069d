/**
 * Operation-ID claims (operationIds.ts, prepare.ts): two items of one run with the same ID are
 * refused before anything is sent; another node or another run of this node in the execution may
 * not reuse an ID SocialHub applied (or may have applied); claims outlive other executions'
 * claims. Unit tests with a mocked context, then runs through the engine.
 */
import type { IDataObject, IExecutePaginationFunctions, INode } from 'n8n-workflow';
import { CREDENTIAL_REF, NODE_TYPE } from '../../harness/engine';
import { claimOperationId } from '../../nodes/SocialHub/transport/operationIds';
import { ADJUST } from '../support/adjustment';
import { adjustParameters, useSandbox } from '../support/fixture';

const context = (executionId: string, itemIndex: number) =>
	({
		getExecutionId: () => executionId,
		getItemIndex: () => itemIndex,
		getNode: () => ({ name: 'Adjust' }),
		getRunIndex: () => 0,
	}) as unknown as IExecutePaginationFunctions;
const adjustment = (operationId: string) => operationId;

describe('Operation ID claims of a long run while other executions start', () => {
	it('item 1 reusing item 0’s ID is refused even after 50 other executions claimed IDs', () => {
		expect(claimOperationId(context('long-run', 0), adjustment('dup-1'), 'same request')).toBeUndefined();
		for (let i = 0; i < 50; i++) claimOperationId(context(`other-${i}`, 0), adjustment(`other-op-${i}`), 'same request');
		expect(claimOperationId(context('long-run', 1), adjustment('dup-1'), 'same request')).toBeDefined();
	});
});

const ctx = useSandbox();

const node = (name: string, parameters: Record<string, unknown>, x: number): INode => ({
	id: name, name, type: NODE_TYPE, typeVersion: 2, position: [x, 0], parameters: parameters as INode['parameters'],
	credentials: { socialHubApi: CREDENTIAL_REF },
});

describe('Operation ID duplicates across runs of one node in one execution', () => {
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

describe('the same Operation ID twice in one run', () => {
	const adjustments = () => ctx.sandbox.apiRequests('/v1/points/adjustment');
	const byItem = adjustParameters({ operationId: '={{ $json.op }}', accountCode: '={{ $json.card }}' });

	it('two items, different cards: the run is refused before anything is sent, naming both items', async () => {
		ctx.sandbox.state.accounts.set('PA0009', { accountCode: 'PA0009', cardNo: 'M0009', pointsGroupCode: 'PG01', balance: 0 });
		const { error, items } = await ctx.engine.run(byItem, [{ op: 'dup-1', card: 'M0001' }, { op: 'dup-1', card: 'M0009' }]);
		expect(items).toHaveLength(0);
		expect(error?.message).toContain('Operation ID "dup-1" of item 1 was already used by item 0');
		expect(error?.description).toContain('Nothing was sent to SocialHub for any of the 2 items');
		expect(adjustments()).toHaveLength(0);
	});

	it('with Continue On Fail: item 0 succeeds, item 1 is an error item (not a success)', async () => {
		const { items } = await ctx.engine.run(byItem, [{ op: 'dup-2', card: 'M0001' }, { op: 'dup-2', card: 'M0001' }], { continueOnFail: true });
		expect(items[0].json).not.toHaveProperty('error');
		expect(String(items[1].json.error)).toContain('already used by item 0');
		expect(adjustments()).toHaveLength(1);
	});

	it('items 0 and 2 share an ID among 4: only item 2 is refused', async () => {
		const { items } = await ctx.engine.run(
			byItem,
			[{ op: 'a', card: 'M0001' }, { op: 'b', card: 'M0001' }, { op: 'a', card: 'M0001' }, { op: 'c', card: 'M0001' }],
			{ continueOnFail: true },
		);
		expect(items.map((item) => (item.json.error ? 'error' : 'ok'))).toEqual(['ok', 'ok', 'error', 'ok']);
		expect(String(items[2].json.error)).toContain('item 2 was already used by item 0');
		// Items are sent concurrently: the order they arrive in is not theirs.
		expect(adjustments().map((r) => (r.body as IDataObject).operationId).sort()).toEqual(['a', 'b', 'c']);
	});

	it('a number and the same digits as text are the same ID', async () => {
		const { items } = await ctx.engine.run(adjustParameters({ operationId: '={{ $json.op }}' }), [{ op: 77 }, { op: '77' }], { continueOnFail: true });
		expect(String(items[1].json.error)).toContain('Operation ID "77"');
	});

	it('Retry On Fail re-sends the same item with its ID: allowed', async () => {
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', status: 502, times: 1 });
		const { error, items } = await ctx.engine.run(adjustParameters({ operationId: 'retry-1' }), [{}], { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 });
		expect(error).toBeUndefined();
		expect(items[0].json).not.toHaveProperty('error');
		expect(adjustments()).toHaveLength(2);
	});

	it('the same ID in two separate runs is not refused by the node (SocialHub’s idempotency applies)', async () => {
		const engine = ctx.engine;
		expect((await engine.run(adjustParameters({ operationId: 'twice' }))).error).toBeUndefined();
		expect((await engine.run(adjustParameters({ operationId: 'twice' }))).error).toBeUndefined();
		expect(adjustments()).toHaveLength(2);
	});

	it('200 items with distinct IDs: all sent, none refused', async () => {
		const inputs = Array.from({ length: 200 }, (_, i) => ({ op: `bulk-${i}`, card: 'M0001' }));
		const { error, items } = await ctx.engine.run(byItem, inputs);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(200);
		expect(adjustments()).toHaveLength(200);
	});
});
