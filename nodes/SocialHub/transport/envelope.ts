export { redact } from './redact';

/** SocialHub answers `code` as "200" or 200, and some deployments use `resultCode`. */
export function isSuccessCode(body: unknown): boolean {
	if (!body || typeof body !== 'object') return false;
	const envelope = body as Record<string, unknown>;
	const code = envelope.code ?? envelope.resultCode;
	return String(code) === '200';
}

export function envelopeCode(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const envelope = body as Record<string, unknown>;
	const code = envelope.code ?? envelope.resultCode;
	return code === undefined || code === null ? undefined : String(code);
}

/** The human-readable message SocialHub put in its envelope, if any. */
export function envelopeMessage(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const envelope = body as Record<string, unknown>;
	for (const key of ['msg', 'resultMessage', 'message']) {
		const value = envelope[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}
