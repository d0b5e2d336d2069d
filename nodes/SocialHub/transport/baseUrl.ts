import { createHmac } from 'node:crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ProcessCache } from '../shared/processState';
import { DEFAULT_BASE_URL } from './constants';
import { SocialHubAuthError } from './errors';
import { displayUrl } from './redact';

/**
 * The credential's Base URL, checked, and the fingerprint of the keys a token is issued for:
 * a token is bound to the Base URL, App ID and App Secret it was issued for (the credential stores
 * the fingerprint beside it), so it is never sent with other keys, in this process or another.
 */

function refuseBaseUrl(raw: string, why: string): never {
	throw new SocialHubAuthError(`The credential's Base URL "${displayUrl(raw)}" ${why}`, 'refused');
}

/** The credential's Base URL without a trailing slash; refuses anything but a plain http(s) URL. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const raw = String(credentials.baseUrl ?? '').trim();
	let url: URL | undefined;
	try {
		url = new URL(raw);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		refuseBaseUrl(raw, `is not an http(s) URL. Set it to e.g. ${DEFAULT_BASE_URL}`);
	}
	if (url.username || url.password) {
		refuseBaseUrl(raw, 'contains a user name or password. Remove them: the App ID and App Secret are all SocialHub needs');
	}
	if (url.search || raw.includes('?')) {
		refuseBaseUrl(raw, `contains a query string ("?..."). Use only the address, e.g. ${DEFAULT_BASE_URL}`);
	}
	if (url.hash || raw.includes('#')) {
		refuseBaseUrl(raw, `contains a fragment ("#..."). Use only the address, e.g. ${DEFAULT_BASE_URL}`);
	}
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export interface Keys {
	baseUrl: string;
	fingerprint: string;
}

const keysMemo = new ProcessCache<string, Keys>('credential keys', 32);

/**
 * The Base URL and the fingerprint of (Base URL, App ID, App Secret). The fingerprint is an HMAC
 * keyed by the App Secret, so it never reveals the secret; n8n stores it as a password field.
 */
export function keysOf(credentials: ICredentialDataDecryptedObject): Keys {
	const memoKey = `${String(credentials.baseUrl)}\u0000${String(credentials.appId)}\u0000${String(credentials.appSecret)}`;
	let keys = keysMemo.touch(memoKey);
	if (!keys) {
		const baseUrl = baseUrlOf(credentials);
		const fingerprint = `v1:${createHmac('sha256', String(credentials.appSecret ?? ''))
			.update(`socialhub-token\n${baseUrl}\n${String(credentials.appId ?? '')}`)
			.digest('base64url')}`;
		keys = { baseUrl, fingerprint };
		keysMemo.set(memoKey, keys);
	}
	return keys;
}
