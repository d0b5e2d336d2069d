/**
 * How the sandbox writes an answer: JSON text (64-bit IDs as bare numbers), its charset, extra
 * headers, or cut off mid-way like a connection lost while the body was on its way.
 */
import type http from 'node:http';

import iconv from 'iconv-lite';

/** How an answer is written. */
export interface AnswerStyle {
	/** Charset of the body's bytes, declared in Content-Type (an iconv-lite name: 'GBK', 'GB18030'); default UTF-8. */
	charset?: string;
	/** Further headers (Retry-After). */
	headers?: Record<string, string>;
	/** Promise the whole body in Content-Length, write half of it, then close the connection. */
	truncate?: boolean;
}

// A bigint becomes this string in JSON.stringify's pass, then the quotes and the mark go. Only a
// string that itself starts with a NUL character and this word could be taken for one.
const BIG_MARK = '\u0000bigint:';
const BIG_MARKED = /"\\u0000bigint:(-?\d+)"/g;

/** JSON text in which bigint values are written as bare numbers, the way a Java back end writes a Long. */
export function jsonText(value: unknown): string {
	try {
		return JSON.stringify(value);
	} catch (error) {
		if (!(error instanceof TypeError)) throw error;
		// Only answers that carry a bigint pay for the replacer.
		const marked = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? BIG_MARK + item.toString() : item));
		return marked.replace(BIG_MARKED, '$1');
	}
}

/** SocialHub's envelope of a success. */
export const ok = (data: unknown) => ({ code: '200', msg: 'success', data });
/** SocialHub's envelope of a refusal: `code` as a string, the reason in `msg`. */
export const fail = (code: number | string, msg: string) => ({ code: String(code), msg, data: null });

/** Whether iconv-lite can write this charset. */
export const knownCharset = (charset: string) => iconv.encodingExists(charset);

/** Writes `body` as a JSON answer with HTTP `status`, in the given style. */
export function writeJson(res: http.ServerResponse, status: number, body: unknown, style: AnswerStyle = {}): void {
	const text = jsonText(body);
	const bytes = style.charset ? iconv.encode(text, style.charset) : Buffer.from(text, 'utf8');
	const headers = { 'Content-Type': `application/json;charset=${style.charset ?? 'utf-8'}`, ...style.headers };
	if (!style.truncate) {
		res.writeHead(status, headers);
		res.end(bytes);
		return;
	}
	res.writeHead(status, { ...headers, 'Content-Length': String(bytes.length) });
	res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
}

/** The whole request body, as UTF-8 text. */
export async function readBody(req: http.IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}
