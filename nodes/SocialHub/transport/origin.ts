import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * Where a request authenticated with the SocialHub credential really goes. The credential adds
 * the access token only to requests for the Base URL's origin: n8n hands `authenticate` every
 * request made with the credential (the HTTP Request node's and Custom API Call's included), and
 * their URL may come from data.
 */

/** A request as n8n hands it to `authenticate`: `url` (helpers) or `uri` (the legacy request). */
export type AuthenticatedRequest = IHttpRequestOptions & { uri?: string };

/** axios's test for an absolute URL: a scheme followed by `//`, or a protocol-relative `//host`. */
const ABSOLUTE = /^([a-z][a-z\d+\-.]*:)?\/\//i;

/**
 * The full URL the request is sent to, resolved the way axios resolves it: an absolute or
 * protocol-relative URL as is, anything else appended to `baseURL` (or to the credential's Base
 * URL when the request names none). Undefined when it is no valid URL.
 */
export function requestTarget(options: AuthenticatedRequest, baseUrl: string): string | undefined {
	const raw = String(options.url ?? options.uri ?? '');
	let joined: string;
	if (ABSOLUTE.test(raw)) joined = raw;
	else joined = `${String(options.baseURL ?? baseUrl).replace(/\/+$/, '')}/${raw.replace(/^\/+/, '')}`;
	try {
		return new URL(joined, baseUrl).href;
	} catch {
		return undefined;
	}
}

/**
 * Why the credential must not authenticate this request: its WHATWG origin (scheme, host, port)
 * is not the Base URL's. Undefined when it is the Base URL's origin.
 */
export function foreignOrigin(options: AuthenticatedRequest, baseUrl: string): string | undefined {
	const own = new URL(baseUrl).origin;
	const target = requestTarget(options, baseUrl);
	const origin = target === undefined ? undefined : new URL(target).origin;
	if (origin === own) return undefined;
	const where = origin && origin !== 'null' ? origin : 'an address that is not an http(s) URL';
	return `The SocialHub API credential only authenticates requests to ${own}; this request goes to ${where}`;
}
