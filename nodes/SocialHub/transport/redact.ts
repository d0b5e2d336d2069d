/**
 * Redaction of secrets in any text that may reach the user: error messages, descriptions and
 * whatever a server echoed back. A gateway may echo a secret JSON-escaped, URL-encoded (either
 * `%20` or form `+` style), upper- or lower-cased, or base64-encoded (standard or URL-safe, on
 * its own or inside a longer string such as `appId:appSecret`); every one of those forms is
 * replaced, case-insensitively.
 */

const MIN_SECRET_LENGTH = 4;

function base64Forms(secret: string): string[] {
	const forms: string[] = [];
	const bytes = Buffer.from(secret, 'utf8');
	// The secret may start at any of the three positions of a base64 block inside a longer
	// string: the characters that depend on the secret alone are the same in all of them.
	for (let shift = 0; shift < 3; shift++) {
		const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
		const start = shift === 0 ? 0 : 4;
		const stableEnd = Math.floor((shift + bytes.length) / 3) * 4;
		const core = encoded.slice(start, stableEnd);
		if (core.length >= 6) forms.push(core);
	}
	const whole = bytes.toString('base64');
	forms.push(whole, whole.replace(/=+$/, ''));
	return forms.flatMap((form) => [form, form.replace(/\+/g, '-').replace(/\//g, '_')]);
}

/** Every form `secret` can take in echoed text (forms of forms included: a URL-encoded JSON body). */
export function secretForms(secret: string): string[] {
	const bases = [secret];
	for (let level = 0; level < 3; level++) bases.push(JSON.stringify(bases[level]).slice(1, -1));
	const forms = new Set<string>();
	for (const base of new Set(bases)) {
		const uri = encodeURIComponent(base);
		for (const form of [
			base,
			uri,
			uri.replace(/%20/g, '+'),
			new URLSearchParams({ s: base }).toString().slice(2),
			encodeURI(base),
			escape(base),
			...base64Forms(base),
		]) {
			forms.add(form);
		}
	}
	return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every form of every secret (strings of at least 4 characters) in `text` with `***`. */
export function redact(text: string, secrets: Array<unknown>): string {
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.trim().length < MIN_SECRET_LENGTH) continue;
		for (const form of secretForms(secret)) forms.add(form);
	}
	if (forms.size === 0 || !text) return text;
	// Longest first, so a form inside another (the bare secret inside its escaped form) never
	// leaves part of the longer one behind.
	const pattern = [...forms]
		.sort((a, b) => b.length - a.length)
		.map(escapeRegExp)
		.join('|');
	return text.replace(new RegExp(pattern, 'gi'), '***');
}

/** A URL as it may be shown: no user name or password, no query string or fragment. */
export function displayUrl(raw: string): string {
	try {
		const url = new URL(raw);
		return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
	} catch {
		return raw.replace(/\/\/[^/@\s]*@/g, '//').replace(/[?#].*$/s, '');
	}
}

/** The origin (scheme, host and port) of a URL, or of `raw` resolved against `base`. */
export function originOf(raw: unknown, base?: string): string | undefined {
	if (typeof raw !== 'string' || raw === '') return undefined;
	try {
		return new URL(raw, base).origin;
	} catch {
		return undefined;
	}
}
