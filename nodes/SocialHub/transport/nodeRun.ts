import type {
	ICredentialDataDecryptedObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import type { FailureKind } from './errors';
import type { Gate } from './flowControl';
import { Cancelled, pause, Places } from './places';

/**
 * What the node knows about one run of itself over many items. n8n's declarative engine prepares
 * every item (its expressions, the node's preSend) before the first request leaves, then hands
 * each item to the runner on its own; nothing in n8n ties them together. A NodeRun does: keyed by
 * the run's input data (one object per node run, the same across n8n's Retry On Fail tries, on
 * n8n 1.x and 2.x), it holds which items were prepared and which were refused, the outcome of each
 * item, and whether the run has stopped. Forgotten with the run (a WeakMap).
 */

/** An item refused while it was prepared: by the node's own field check, or by n8n evaluating it. */
export interface Problem {
	error: Error;
	/** The node's own check (InvalidFieldError): its message names the field. */
	field: boolean;
}

/** An item's final outcome, kept across n8n's Retry On Fail tries so that no item is sent twice. */
export type Outcome =
	| { applied: true; items: INodeExecutionData[]; operationId?: string }
	| { applied: false; error: NodeApiError | NodeOperationError; kind: FailureKind; operationId?: string };

type Context = Pick<IExecuteSingleFunctions, 'getExecuteData' | 'getNode' | 'continueOnFail'> & {
	getExecutionCancelSignal?: () => AbortSignal | undefined;
};

/** A node run's input: its items per connection type. */
type RunInput = { main?: unknown[][] | null[]; ai_tool?: unknown[][] } & object;

const runs = new WeakMap<object, NodeRun>();

export class NodeRun {
	/** Items in the run (the node's input). */
	readonly total: number;
	readonly continueOnFail: boolean;
	/** n8n's Batching with an interval: items are prepared and sent batch by batch. */
	readonly batched: boolean;
	readonly signal?: AbortSignal;
	/** Outcomes that hold for every try of this node run. */
	readonly outcomes = new Map<number, Outcome>();
	/** The credential, read once for the run. */
	credentials?: Promise<ICredentialDataDecryptedObject>;
	/** The node's own cap on requests in flight (Options > Max Concurrent Requests), when set. */
	ownPlaces?: Places;

	// The current try.
	readonly prepared = new Set<number>();
	readonly problems = new Map<number, Problem>();
	readonly operationIds = new Map<string, number>();
	readonly notSent = new Set<number>();
	private readonly settled = new Set<number>();
	private lastPreparedAt = Date.now();
	/** Set when an item failed finally without Continue On Fail: items not yet sent stay unsent. */
	stopped = false;
	private wakers: Array<() => void> = [];
	/** The gates this run's requests wait at: a cancelled run leaves them at once. */
	private readonly gates = new Set<Gate>();

	private constructor(context: Context, data: RunInput) {
		this.total = (data.main?.[0] ?? data.ai_tool?.[0] ?? []).length;
		this.continueOnFail = context.continueOnFail();
		const batching = (context.getNode().parameters.requestOptions as { batching?: { batch?: { batchInterval?: unknown } } } | undefined)?.batching;
		this.batched = Number(batching?.batch?.batchInterval) > 0;
		this.signal = context.getExecutionCancelSignal?.();
	}

	/**
	 * The run `context`'s item belongs to (created by its first item). Keyed by the input data n8n
	 * hands the node run (its items: one with Execute Once; a tool call's own as an AI agent's tool,
	 * whose contexts share the agent's execute data) — the same object in every Retry On Fail try.
	 */
	static of(context: Context): NodeRun {
		const input = (context as unknown as { inputData?: RunInput }).inputData ?? context.getExecuteData().data;
		let run = runs.get(input);
		if (!run) {
			run = new NodeRun(context, input);
			runs.set(input, run);
		}
		return run;
	}

	/** Requests of this run wait at `gate`: when the execution is cancelled, they stop waiting (never sent). */
	watch(gate: Gate): void {
		if (this.gates.has(gate)) return;
		if (this.gates.size === 0) {
			this.signal?.addEventListener('abort', () => {
				for (const watched of this.gates) watched.cancel(this);
				this.ownPlaces?.cancel(this, new Cancelled());
			}, { once: true });
		}
		this.gates.add(gate);
	}

	/** n8n prepares `item` (its preSend runs); a second preparation of an item starts a new try. */
	preparing(item: number): void {
		if (this.prepared.has(item)) this.newTry();
		this.prepared.add(item);
		this.lastPreparedAt = Date.now();
	}

	/** `item` may not be sent: its input was refused while it was prepared. */
	refuse(item: number, problem: Problem): void {
		this.problems.set(item, problem);
	}

	private newTry(): void {
		this.prepared.clear();
		this.problems.clear();
		this.operationIds.clear();
		this.notSent.clear();
		this.settled.clear();
		this.stopped = false;
	}

	/**
	 * Whether every item of the run was prepared. Without Batching, n8n prepares them all before
	 * the first runner starts: fewer means n8n stopped preparing (an expression it could not
	 * evaluate) and has already failed the node, so nothing may be sent.
	 */
	get complete(): boolean {
		return this.prepared.size >= this.total;
	}

	/** This item's outcome is known (sent or not): runs waiting for the whole run may go on. */
	settle(item: number, notSent = false): void {
		if (notSent) this.notSent.add(item);
		this.settled.add(item);
		for (const wake of this.wakers.splice(0)) wake();
	}

	/**
	 * Waits until every item of the run has settled (so an error can say what else happened).
	 * With Batching, items still to come are waited for while n8n keeps preparing them; if it stops
	 * (no new item for the batch interval and 10 s more), the wait ends with what is known.
	 */
	async allSettled(stallMs = 10_000): Promise<void> {
		while (this.settled.size < (this.batched ? this.total : this.prepared.size)) {
			if (this.signal?.aborted) return;
			if (this.batched && this.settled.size >= this.prepared.size && Date.now() - this.lastPreparedAt > stallMs) return;
			await Promise.race([new Promise<void>((wake) => this.wakers.push(wake)), pause(1000, this.signal)]);
		}
	}

	/** Items applied in this run (by any try), in item order, with their Operation IDs. */
	applied(): Array<{ item: number; operationId?: string }> {
		return [...this.outcomes.entries()]
			.filter(([, outcome]) => outcome.applied)
			.sort(([a], [b]) => a - b)
			.map(([item, outcome]) => ({ item, operationId: outcome.operationId }));
	}

	/** Items whose final failure left them possibly applied (their answer was lost). */
	maybeApplied(): Array<{ item: number; operationId?: string }> {
		return [...this.outcomes.entries()]
			.filter(([, outcome]) => !outcome.applied && outcome.kind === 'unknown')
			.sort(([a], [b]) => a - b)
			.map(([item, outcome]) => ({ item, operationId: outcome.operationId }));
	}
}
