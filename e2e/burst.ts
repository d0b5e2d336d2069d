/**
 * What the run-level checks share (e2e/scale.ts, e2e/runOutcomes.ts, e2e/queueLimits.ts): rows of
 * adjustments fed one item each through n8n's Split Out into a SocialHub node (version 2, Points →
 * Adjust, every varying field read from the item), and what SocialHub saw of such a run.
 */
import type { SocialHubSandbox } from '../sandbox/server';
import type { ExecutionOutput } from './expectations';
import type { ExecuteOptions, N8nLine } from './n8n';
import type { CredentialRef, WorkflowBody } from './origin-workflows';

/** One adjustment: its Operation ID, its points and its Operation Type (6 adds, 7 deducts). */
export interface Row {
	op: string;
	points: number;
	type: number;
}

/** `count` rows adding 1 point each, Operation IDs `<prefix>-0`, `<prefix>-1`, … */
export const rows = (count: number, prefix: string): Row[] =>
	Array.from({ length: count }, (_, index) => ({ op: `${prefix}-${index}`, points: 1, type: 6 }));

export const ADJUST_PATH = '/v1/points/adjustment';
/** The seed account every row adjusts, and its balance before a run (sandbox/state.ts). */
export const ACCOUNT = 'PA0001';
export const SEED_BALANCE = 1000;

export type WorkflowNode = Record<string, unknown> & { name: string };

/** A node as a workflow file holds it; `type` without a package is one of n8n's own nodes. */
export function workflowNode(name: string, type: string, typeVersion: number, position: [number, number], parameters: Record<string, unknown>): WorkflowNode {
	const id = name.toLowerCase().replace(/\W+/g, '-');
	return { id, name, type: type.includes('.') ? type : `n8n-nodes-base.${type}`, typeVersion, position, parameters };
}

/**
 * The SocialHub node, Adjust with the item's Operation ID (behind `prefix`, so two nodes fed the
 * same rows never share one), points and type; `onError` as n8n stores the node's On Error setting.
 */
export function adjustNode(
	name: string,
	position: [number, number],
	credential: CredentialRef,
	settings: { prefix?: string; onError?: 'continueRegularOutput' | 'continueErrorOutput' } = {},
): WorkflowNode {
	return {
		...workflowNode(name, 'n8n-nodes-socialhub.socialHub', 2, position, {
			resource: 'points',
			operation: 'adjustPoints',
			accountType: 1,
			accountCode: ACCOUNT,
			operationId: `={{ ${JSON.stringify(settings.prefix ?? '')} + $json.op }}`,
			operationType: '={{ $json.type }}',
			pointValue: '={{ $json.points }}',
			effectiveEndTime: '2035-12-31T00:00:00',
			upgradeTierFlag: 0,
			options: {},
		}),
		credentials: { socialHubApi: credential },
		...(settings.onError ? { onError: settings.onError } : {}),
	};
}

/** n8n's connections from one node's main output to `targets`. */
export const link = (...targets: string[]) => ({ main: [targets.map((node) => ({ node, type: 'main', index: 0 }))] });

/**
 * Manual Trigger → the rows as one JSON item (a Set node) → Split Out (one item per row) → each of
 * `fed`; `nodes` may hold further nodes wired by `connections`.
 */
export function rowsWorkflow(
	name: string,
	data: Row[],
	fed: WorkflowNode[],
	nodes: WorkflowNode[] = [],
	connections: Record<string, unknown> = {},
): WorkflowBody {
	const start = workflowNode('Start', 'manualTrigger', 1, [0, 0], {});
	const source = workflowNode('Rows', 'set', 3.4, [220, 0], { mode: 'raw', jsonOutput: JSON.stringify({ rows: data }), options: {} });
	const split = workflowNode('Split Out', 'splitOut', 1, [440, 0], { fieldToSplitOut: 'rows', options: {} });
	return {
		name,
		nodes: [start, source, split, ...fed, ...nodes],
		connections: {
			Start: link('Rows'),
			Rows: link('Split Out'),
			'Split Out': link(...fed.map((node) => node.name)),
			...connections,
		},
		settings: { timezone: 'UTC', executionOrder: 'v1' },
	};
}

/**
 * Webhook (POST /webhook/`path`, answering with the last node's first item) → Split Out of the
 * body's `field` (one item per entry) → `node`: what the queue-mode bursts fire at.
 */
export function webhookWorkflow(name: string, path: string, webhookId: string, field: string, node: WorkflowNode): WorkflowBody {
	const parameters = { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} };
	const split = workflowNode('Split Out', 'splitOut', 1, [220, 0], { fieldToSplitOut: `body.${field}`, include: 'noOtherFields', options: {} });
	return {
		name,
		nodes: [{ ...workflowNode('Webhook', 'webhook', 2, [0, 0], parameters), webhookId }, split, { ...node, position: [440, 0] }],
		connections: { Webhook: link('Split Out'), 'Split Out': link(node.name) },
		settings: { timezone: 'UTC', executionOrder: 'v1' },
	};
}

/** How a check file reaches n8n and the sandbox (built by e2e/run.ts per release line). */
export interface LineChecks {
	line: N8nLine;
	sandbox: SocialHubSandbox;
	credential: CredentialRef;
	/** Saves a workflow through REST and runs it with `n8n execute` on fresh sandbox data. */
	run: (name: string, workflow: WorkflowBody, options?: ExecuteOptions) => Promise<ExecutionOutput>;
	check: (ok: boolean, what: string, detail?: string) => void;
}

/** Operation IDs among `ops` that SocialHub did not apply exactly once. */
export const notAppliedOnce = (sandbox: SocialHubSandbox, ops: string[]) =>
	ops.filter((op) => sandbox.state.appliedTimes.get(op) !== 1);

/** What SocialHub saw of a burst of `items` adjustments, throttled answers included. */
export function measureBurst(sandbox: SocialHubSandbox, items: number) {
	const sent = sandbox.apiRequests(ADJUST_PATH);
	let first = Infinity;
	let last = -Infinity;
	for (const request of sent) {
		first = Math.min(first, request.at);
		last = Math.max(last, request.answeredAt ?? request.at);
	}
	const { throttled, maxInFlight } = sandbox.stats();
	const seconds = sent.length ? (last - first) / 1000 : 0;
	return { first, last, seconds, requestsPerItem: sent.length / items, throttled, maxInFlight };
}

/** The measure in words; with the limit's own minimum time when there is one. */
export function describeBurst(measure: ReturnType<typeof measureBurst>, minimumSeconds?: number): string {
	const share = minimumSeconds
		? ` = ${(measure.seconds / minimumSeconds).toFixed(2)} × the limit's minimum ${minimumSeconds.toFixed(1)} s (${((100 * minimumSeconds) / measure.seconds).toFixed(0)} % of its throughput)`
		: '';
	return (
		`first request → last answer ${measure.seconds.toFixed(1)} s${share}; ` +
		`${measure.requestsPerItem.toFixed(2)} requests per item (${measure.throttled} throttled), at most ${measure.maxInFlight} in flight`
	);
}

/**
 * n8n's own time for a node's run (executionTime), and how much of it came before the burst's
 * first request (n8n preparing every item) and after its last answer, in words.
 */
export function describeNodeTime(run: ExecutionOutput, node: string, measure: ReturnType<typeof measureBurst>): string {
	const task = run.data?.resultData?.runData?.[node]?.[0];
	const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	if (task?.startTime === undefined || task.executionTime === undefined) return 'no executionTime';
	const end = task.startTime + task.executionTime;
	return (
		`node executionTime ${seconds(task.executionTime)} (${seconds(measure.first - task.startTime)} before the first request, ` +
		`${seconds(end - measure.last)} after the last answer)`
	);
}
