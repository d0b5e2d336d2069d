import { sleep } from 'n8n-workflow';

/**
 * Waiting, as n8n's rules allow it (no timers in the package: n8n-workflow's `sleep`), and places
 * handed out in turns between runs, first come first served within each — both ending when the
 * run is cancelled.
 */

/** Waits `ms`, in steps of at most 250 ms so that a cancelled run stops waiting. */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	const until = Date.now() + ms;
	while (!signal?.aborted) {
		const left = until - Date.now();
		if (left <= 0) return;
		await sleep(Math.min(left, 250));
	}
}

/** Raised for requests still waiting when their run is cancelled: they were never sent. */
export class Cancelled extends Error {
	constructor() {
		super('The execution was cancelled before this request was sent');
		this.name = 'Cancelled';
	}
}

interface Waiter {
	resolve: () => void;
	reject: (error: Error) => void;
}

/**
 * At most `limit()` places taken at once. Owners (runs) take turns: a freed place goes to the
 * owner next in rotation, first come first served within each owner, so that a one-item run of
 * another workflow never waits behind a whole batch of the same tenant. Waiters of one owner can
 * be cancelled together.
 */
export class Places {
	private taken = 0;
	private waiting = 0;
	/** Owners with waiters, in the order of their next turn; each with its waiters in order. */
	private readonly turns = new Map<object, Waiter[]>();

	constructor(private readonly limit: () => number) {}

	get inUse(): number {
		return this.taken;
	}

	async take(owner: object): Promise<void> {
		if (this.waiting === 0 && this.taken < this.limit()) {
			this.taken++;
			return;
		}
		await new Promise<void>((resolve, reject) => {
			const queue = this.turns.get(owner) ?? [];
			queue.push({ resolve, reject });
			this.turns.set(owner, queue);
			this.waiting++;
		});
	}

	give(): void {
		this.taken--;
		this.drain();
	}

	drain(): void {
		while (this.waiting > 0 && this.taken < this.limit()) {
			const [owner, queue] = this.turns.entries().next().value as [object, Waiter[]];
			// This owner's turn is used: it goes to the back of the rotation if it waits for more.
			this.turns.delete(owner);
			const waiter = queue.shift()!;
			if (queue.length > 0) this.turns.set(owner, queue);
			this.waiting--;
			this.taken++;
			waiter.resolve();
		}
	}

	/** Rejects every waiter of `owner` with `error` (they hold no place). */
	cancel(owner: object, error: Error): void {
		const queue = this.turns.get(owner);
		if (!queue) return;
		this.turns.delete(owner);
		this.waiting -= queue.length;
		for (const waiter of queue) waiter.reject(error);
	}
}
