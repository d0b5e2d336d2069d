import { sleep } from 'n8n-workflow';

/**
 * Waiting, as n8n's rules allow it (no timers in the package: n8n-workflow's `sleep`), and places
 * handed out first come, first served — both ending when the run is cancelled.
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
	owner: object;
	resolve: () => void;
	reject: (error: Error) => void;
}

/** A FIFO of places, at most `limit()` taken at once; waiters of one owner can be cancelled together. */
export class Places {
	private taken = 0;
	private readonly queue: Waiter[] = [];

	constructor(private readonly limit: () => number) {}

	get inUse(): number {
		return this.taken;
	}

	async take(owner: object): Promise<void> {
		if (this.queue.length === 0 && this.taken < this.limit()) {
			this.taken++;
			return;
		}
		await new Promise<void>((resolve, reject) => this.queue.push({ owner, resolve, reject }));
	}

	give(): void {
		this.taken--;
		this.drain();
	}

	drain(): void {
		while (this.queue.length > 0 && this.taken < this.limit()) {
			this.taken++;
			this.queue.shift()!.resolve();
		}
	}

	/** Rejects every waiter of `owner` with `error` (they hold no place). */
	cancel(owner: object, error: Error): void {
		for (let at = this.queue.length - 1; at >= 0; at--) {
			if (this.queue[at].owner !== owner) continue;
			const [waiter] = this.queue.splice(at, 1);
			waiter.reject(error);
		}
	}
}

