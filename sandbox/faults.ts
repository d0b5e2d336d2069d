/**
 * Faults a test injects: an error status, a hang, a dropped or cut-off connection, a body that is
 * not JSON or not UTF-8. They stand between a request and its real answer.
 */
import type http from 'node:http';

import { fail, knownCharset, writeJson, type AnswerStyle } from './answer';

export interface Fault {
	/** Matches requests whose path starts with this. */
	path: string;
	method?: string;
	/** Let this many matching requests through first. */
	skip?: number;
	/** How many matching requests fail (default 1; Infinity for all). */
	times?: number;
	status?: number;
	body?: unknown;
	/** Accept the connection and never answer. */
	hang?: boolean;
	/** Answer HTTP 200 with a body that is not JSON. */
	malformed?: boolean;
	/** Close the connection without answering. */
	drop?: boolean;
	/** Echo the request (headers and body) back in the error message, as some gateways do. */
	echo?: boolean;
	/** Carry the request out, then answer with the fault anyway (a lost response). */
	applyFirst?: boolean;
	/**
	 * Carry the request out and answer it cut off: Content-Length promises the whole body (the
	 * real answer, or `status`/`body` when given), half of it is written, the connection closes.
	 */
	truncate?: boolean;
	/**
	 * Write the answer in this charset and declare it (`application/json;charset=GBK`); any
	 * iconv-lite name. With `status` or `body`: that answer. Alone: the request is carried out
	 * and its real answer is written in this charset.
	 */
	charset?: string;
	/** Retry-After header of the fault's answer: seconds, or a string sent as is (an HTTP-date). */
	retryAfter?: number | string;
}

/** The faults in force, matched in the order they were added. */
export class FaultBook {
	private faults: Array<Fault & { seen: number; used: number }> = [];

	/** Adds a fault; throws on one without a path or with a charset iconv-lite cannot write. */
	add(fault: Fault): void {
		if (typeof fault?.path !== 'string') throw new Error('A fault needs a path');
		if (fault.charset !== undefined && !knownCharset(fault.charset)) throw new Error(`Unknown charset "${fault.charset}"`);
		this.faults.push({ ...fault, seen: 0, used: 0 });
	}

	clear(): void {
		this.faults = [];
	}

	/** The fault this request meets, if any (counting it as seen and, when it applies, used). */
	match(method: string, path: string): Fault | undefined {
		for (const fault of this.faults) {
			if (!path.startsWith(fault.path)) continue;
			if (fault.method && fault.method !== method) continue;
			fault.seen++;
			if (fault.seen <= (fault.skip ?? 0)) continue;
			if (fault.used >= (fault.times ?? 1)) continue;
			fault.used++;
			return fault;
		}
		return undefined;
	}
}

/** Whether the request is handled as usual and the fault only changes how its answer is written. */
export function passesThrough(fault: Fault): boolean {
	if (fault.truncate) return true;
	const replaces = fault.status !== undefined || fault.body !== undefined || fault.hang || fault.drop || fault.malformed || fault.echo;
	return fault.charset !== undefined && !replaces;
}

/** How the fault writes an answer: charset, Retry-After, cut off. */
export function faultStyle(fault: Fault): AnswerStyle {
	return {
		charset: fault.charset,
		truncate: fault.truncate,
		headers: fault.retryAfter === undefined ? undefined : { 'Retry-After': String(fault.retryAfter) },
	};
}

/** Answers a request with the fault instead of its real answer. `hanging` keeps unanswered ones for stop(). */
export function answerFault(
	fault: Fault,
	req: http.IncomingMessage,
	res: http.ServerResponse,
	rawBody: string,
	hanging: Set<http.ServerResponse>,
): void {
	if (fault.hang) {
		hanging.add(res);
		res.on('close', () => hanging.delete(res));
		return;
	}
	if (fault.drop) {
		req.socket.destroy();
		return;
	}
	if (fault.malformed) {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{"code": "200", "data": {oops');
		return;
	}
	const style = faultStyle(fault);
	if (fault.echo) {
		const msg = `Gateway error for request ${JSON.stringify({ headers: req.headers, body: rawBody })}`;
		return writeJson(res, fault.status ?? 200, { code: '500', msg }, style);
	}
	const status = fault.status ?? 500;
	writeJson(res, status, fault.body ?? fail(status, `Injected HTTP ${status}`), style);
}
