import { ProcessCache } from '../shared/processState';
import { Cancelled, Places, pause } from './places';

/**
 * Flow control for the requests this process sends to one SocialHub tenant (Base URL + App ID).
 * n8n's declarative engine starts every item's request at once; a gateway that limits requests
 * at a time or per second then refuses most of them. The gate holds a window of requests in flight
 * (as TCP does) and, where a window cannot hold to a limit, a pace:
 * - the window of a tenant new to this process starts at INITIAL_WINDOW and doubles with every
 *   window's worth of accepted answers up to MAX_WINDOW (no limit seen: as many at once as n8n
 *   would send; it also bounds sockets, one per request in n8n);
 * - on a throttle (once per round of requests): when fewer than half of it left before the refused
 *   request and are still in flight (SocialHub took those), it halves (not below them); otherwise
 *   it shrinks by one. It grows again doubling per round while below half of where it was cut,
 *   then by one every PROBE_ROUNDS rounds;
 * - when SocialHub still throttles with one or two requests in flight (a limit per second close
 *   by), requests are also paced just below the rate SocialHub accepted over the last second;
 *   the pace grows by 3 % a second while SocialHub accepts.
 * The gate outlives runs, so a run that follows another at once starts where it ended. A limit
 * is not assumed to last: after IDLE_MS with nothing in flight, or PACE_MEMORY_MS without a
 * throttle, the pace is dropped and the window grows by doubling again from at least
 * RELAXED_WINDOW (SocialHub says so again at once if the limit is still there). Waiting uses
 * n8n-workflow's `sleep` (n8n's rules forbid timers) and ends when the run is cancelled.
 */

export const MAX_WINDOW = 512;
export const INITIAL_WINDOW = 64;
const MIN_RATE = 1;
/** Pace growth per accepted answer (requests/s): 3 % a second at any pace. */
const RATE_GROWTH = 0.03;
/** Above its last cut, the window tries one more request after this many rounds of answers. */
const PROBE_ROUNDS = 4;
/** A gate idle this long (nothing in flight) forgets the limit it learnt (ms). */
const IDLE_MS = 1000;
/** A pace this long without a throttle is dropped (ms). */
const PACE_MEMORY_MS = 30_000;
/** The least window a gate that forgot its limit starts from. */
const RELAXED_WINDOW = 8;

/** One request's passage through the gate. */
export interface Ticket {
	sentAt: number;
	/** Its place in the order requests left the gate. */
	seq: number;
}

/** How an answered request counts: accepted, throttled (or the machine's own limit), or neither. */
export type Signal = 'ok' | 'throttled' | 'neutral';

export class Gate {
	window = INITIAL_WINDOW;
	/** Below this the window doubles per round; above it, it grows by one. */
	private threshold = MAX_WINDOW;
	/** Requests per second once SocialHub throttled below a full window; undefined: unpaced. */
	rate?: number;
	private readonly places = new Places(() => Math.max(1, Math.floor(this.window)));
	private growth = 0;
	/** The last request that had left when the window was last cut. */
	private lastCut = 0;
	private nextSlotAt = 0;
	/** When recent answers were accepted (ms epoch). */
	private readonly answeredAt: number[] = [];
	private activeSince = 0;
	private lastActive = 0;
	private lastThrottleAt = 0;
	private seq = 0;
	/** Requests in flight, by the order they left. */
	private readonly flying = new Set<number>();

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
		const now = Date.now();
		if (now - this.lastActive > IDLE_MS) {
			this.activeSince = now;
			if (this.flying.size === 0) this.relax();
		}
		this.lastActive = now;
		const seq = ++this.seq;
		this.flying.add(seq);
		return { sentAt: now, seq };
	}

	/** The request is answered (or failed): its place is free; the window and pace learn from it. */
	leave(ticket: Ticket, signal: Signal): void {
		const now = Date.now();
		this.lastActive = now;
		this.flying.delete(ticket.seq);
		if (signal === 'ok') {
			this.answeredAt.push(now);
			if (this.answeredAt.length > 8192) this.answeredAt.splice(0, 4096);
			if (this.window < MAX_WINDOW) {
				this.growth += this.window < this.threshold ? 1 : 1 / (PROBE_ROUNDS * this.window);
				while (this.growth >= 1) {
					this.window = Math.min(MAX_WINDOW, this.window + 1);
					this.growth -= 1;
				}
			}
			if (this.rate !== undefined) this.rate += RATE_GROWTH;
			if (this.rate !== undefined && now - this.lastThrottleAt > PACE_MEMORY_MS) this.relax();
		} else if (signal === 'throttled' && ticket.seq > this.lastCut) {
			this.lastThrottleAt = now;
			// Requests that left before the last cut saw the old window: they do not cut again.
			this.lastCut = this.seq;
			// A throttle is answered at once: requests that left before it and are still in flight were
			// accepted. That many fit the limit (never less than half the window: answers cross).
			let ahead = 0;
			for (const seq of this.flying) if (seq < ticket.seq) ahead++;
			// Far above what SocialHub took: halve (at most). Near it: one less, since n8n's own time around
			// each request counts in the window too, so SocialHub holds fewer than the window.
			const before = this.window;
			this.window = ahead < before / 2 ? Math.max(1, Math.floor(before / 2), ahead) : Math.max(1, before - 1);
			this.threshold = Math.max(2, Math.floor(before / 2));
			if (before <= 2) {
				const accepted = this.acceptedRate(now);
				if (accepted > 0) this.rate = Math.max(MIN_RATE, accepted * 0.95);
			}
		}
		this.places.give();
	}

	/** Forgets the limit learnt: no pace, and the window doubles again from at least RELAXED_WINDOW. */
	private relax(): void {
		this.rate = undefined;
		this.nextSlotAt = 0;
		this.threshold = MAX_WINDOW;
		this.window = Math.max(this.window, RELAXED_WINDOW);
	}

	/** Answers accepted per second over the last second (or since the gate got busy, if later). */
	private acceptedRate(now: number): number {
		const span = Math.max(200, Math.min(1000, now - this.activeSince));
		let count = 0;
		for (let at = this.answeredAt.length - 1; at >= 0 && this.answeredAt[at] >= now - span; at--) count++;
		return (count * 1000) / span;
	}

	/** Stops every request of `owner` still waiting for a place. */
	cancel(owner: object): void {
		this.places.cancel(owner, new Cancelled());
	}
}

const gates = new ProcessCache<string, Gate>('flow-control gates', 100);

/** The gate of a tenant (key: Base URL and App ID), shared by every run of this process. */
export function gateFor(key: string): Gate {
	let gate = gates.touch(key);
	if (!gate) {
		gate = new Gate();
		gates.set(key, gate);
	}
	return gate;
}
