/**
 * JSON text read without changing a digit. SocialHub's Java back end answers IDs as 64-bit JSON
 * numbers (`"recordId": 1234567890123456789`); `JSON.parse` turns every integer beyond ±2^53 into
 * the nearest double (…6800). Such integers are kept exactly, as text ("1234567890123456789").
 * One implementation for Node 20 (n8n 1.x), whose `JSON.parse` cannot see a number's source text.
 */

const DIGIT_RUN = /\d{16}/;

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Wraps every integer literal beyond ±2^53 (outside strings) in quotes; other text is unchanged. */
function quoteUnsafeIntegers(text: string): string {
	let out = '';
	let copiedUpTo = 0;
	let at = 0;
	while (at < text.length) {
		const code = text.charCodeAt(at);
		if (code === 34) {
			// A string: skip to its closing quote, past escaped characters.
			at++;
			while (at < text.length && text.charCodeAt(at) !== 34) at += text.charCodeAt(at) === 92 ? 2 : 1;
			at++;
			continue;
		}
		if (code !== 45 && !isDigit(code)) {
			at++;
			continue;
		}
		let end = code === 45 ? at + 1 : at;
		while (end < text.length && isDigit(text.charCodeAt(end))) end++;
		let next = end;
		while (next < text.length && /[.eE+\-\d]/.test(text[next])) next++;
		const literal = text.slice(at, end);
		if (next === end && !Number.isSafeInteger(Number(literal))) {
			out += `${text.slice(copiedUpTo, at)}"${literal}"`;
			copiedUpTo = end;
		}
		at = next;
	}
	return out + text.slice(copiedUpTo);
}

/**
 * `JSON.parse`, except that integers beyond ±2^53 arrive as strings of their exact digits.
 * Throws what `JSON.parse` throws for text that is not JSON.
 */
export function parseExactJson(text: string): unknown {
	return JSON.parse(DIGIT_RUN.test(text) ? quoteUnsafeIntegers(text) : text);
}

/** The charset a Content-Type declares (`application/json;charset=GBK` → `gbk`), default UTF-8. */
export function charsetOf(contentType: unknown): string {
	const match = /charset\s*=\s*"?([^";\s]+)/i.exec(typeof contentType === 'string' ? contentType : '');
	return match ? match[1].toLowerCase() : 'utf-8';
}

/**
 * Bytes as text in the charset they declare (GBK, GB18030, Big5, … as Node's ICU knows them);
 * an unknown charset is read as UTF-8. Strings pass unchanged.
 */
export function decodeText(body: unknown, contentType?: unknown): string {
	if (typeof body === 'string') return body;
	if (body === undefined || body === null) return '';
	const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : (body as Uint8Array);
	let decoder: InstanceType<typeof TextDecoder>;
	try {
		decoder = new TextDecoder(charsetOf(contentType));
	} catch {
		decoder = new TextDecoder('utf-8');
	}
	return decoder.decode(bytes);
}
