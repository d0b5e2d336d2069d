/**
 * A gateway's limit on open connections per client: beyond it, a new connection is reset.
 * The reset waits for the connection's first request so that admin calls still get through.
 */
import type { Socket } from 'node:net';

/** Admits connections up to a limit; the others are reset at their first API request. */
export class ConnectionGate {
	/** Connections reset since the last clear. */
	resets = 0;
	private admitted = new Set<Socket>();
	private refused = new WeakSet<Socket>();

	/** `limit` (open connections; undefined: none) is read at each new connection. */
	constructor(private readonly limit: () => number | undefined) {}

	/** Call for each new connection (the server's 'connection' event). */
	arrive(socket: Socket): void {
		const limit = this.limit();
		if (limit !== undefined && this.admitted.size >= limit) {
			this.refused.add(socket);
			return;
		}
		this.admitted.add(socket);
		socket.once('close', () => this.admitted.delete(socket));
	}

	/** Resets the connection (TCP RST, no answer) if it arrived beyond the limit; whether it did. */
	resetIfRefused(socket: Socket): boolean {
		if (!this.refused.has(socket)) return false;
		this.resets++;
		socket.resetAndDestroy();
		return true;
	}
}
