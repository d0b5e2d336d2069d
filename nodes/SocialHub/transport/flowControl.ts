import { sleep } from 'n8n-workflow';

/**
 * Flow control for the requests this process sends to one SocialHub tenant (Base URL + App ID).
 * n8n's declarative engine starts every item's request at once; a gateway that limits requests
 * at a time or per second then refuses most of them. The gate keeps a window of requests in
 * flight and, once SocialHub has throttled, paces requests at the rate SocialHub accepted:
 * - the window starts at MAX_WINDOW (as many at once as n8n would send: no cost where SocialHub
 *   is not limited; it also bounds sockets, one per request in n8n), shrinks on a throttle to the
 *   number that was in flight when the refused request left, and grows by one per window's worth
 *   of answers;
 * - the pace is set on a throttle to the rate answered in the last second (once any was) and
 *   grows by 0.1 request/s per answer, i.e. 10 % a second.
 * Waiting uses n8n-workflow's `sleep` (n8n's rules forbid timers) and ends when the run is cancelled.
 */

export const MAX_WINDOW = 512;
const MIN_RATE = 1;

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

/** One request's passage through the gate. */
export interface Ticket {
	sentAt: number;
	/** Requests of this gate in flight when it left. */
	othersInFlight: number;
}

/** How an answered request counts: accepted, throttled (or the machine's own limit), or neither. */
export type Signal = 'ok' | 'throttled' | 'neutral';

export class Gate {
	window = MAX_WINDOW;
	/** Requests per second once SocialHub has throttled; undefined: unpaced. */
	rate?: number;
	private readonly places = new Places(() => Math.max(1, Math.floor(this.window)));
	private growth = 0;
	private lastCut = 0;
	private nextSlotAt = 0;
	private readonly answeredAt: number[] = [];
	private busySince = 0;

	get inFlight(): number {
		return this.places.inUse;
	}

	/** Waits for a place in the window and, when paced, for the next slot; then the request may leave. */
	async enter(owner: object, signal?: AbortSignal): Promise<Ticket> {
		await this.places.take(owner);
		if (this.rate !== undefined) {
			const now = Date.now();
			const slot = Math.max(now, this.nextSlotAt);
			this.nextSlotAt = slot + 1000 / this.rate;
			if (slot > now) await pause(slot - now, signal);
			if (signal?.aborted) {
				this.places.give();
				throw new Cancelled();
			}
		}
		if (this.places.inUse === 1) this.busySince = Date.now();
		return { sentAt: Date.now(), othersInFlight: this.places.inUse - 1 };
	}

	/** The request is answered (or failed): its place is free; the window and pace learn from it. */
	leave(ticket: Ticket, signal: Signal): void {
		const now = Date.now();
		if (signal === 'ok') {
			this.answeredAt.push(now);
			if (this.answeredAt.length > 4096) this.answeredAt.splice(0, 2048);
			if (this.window < MAX_WINDOW) {
				this.growth += 1 / this.window;
				if (this.growth >= 1) {
					this.window = Math.min(MAX_WINDOW, this.window + 1);
					this.growth -= 1;
				}
			}
			if (this.rate !== undefined) this.rate += 0.1;
		} else if (signal === 'throttled' && ticket.sentAt >= this.lastCut) {
			// Requests sent before the last cut saw the old window: they do not cut again.
			this.lastCut = now;
			this.window = Math.max(1, Math.min(this.window - 1, ticket.othersInFlight));
			// Without an answer accepted yet (a limit at a time refuses at once) only the window learns.
			const accepted = this.acceptedRate(now);
			if (accepted > 0) this.rate = Math.max(MIN_RATE, Math.min(this.rate ?? Infinity, accepted));
		}
		this.places.give();
	}

	/** Answers accepted per second over the last second (or since the gate got busy, if later). */
	private acceptedRate(now: number): number {
		const span = Math.max(200, Math.min(1000, now - this.busySince));
		let count = 0;
		for (let at = this.answeredAt.length - 1; at >= 0 && this.answeredAt[at] >= now - span; at--) count++;
		return (count * 1000) / span;
	}

	/** Stops every request of `owner` still waiting for a place. */
	cancel(owner: object): void {
		this.places.cancel(owner, new Cancelled());
	}
}

const gates = new Map<string, Gate>();
const MAX_GATES = 100;

/** The gate of a tenant (key: Base URL and App ID), shared by every run of this process. */
export function gateFor(key: string): Gate {
	let gate = gates.get(key);
	if (!gate) {
		if (gates.size >= MAX_GATES) gates.delete(gates.keys().next().value as string);
		gate = new Gate();
		gates.set(key, gate);
	}
	return gate;
}

/** Forgets what the gates learned (tests and benchmarks start cold). */
export function clearGates(): void {
	gates.clear();
}
