import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { ProcessCache } from '../shared/processState';
import { keysOf } from './baseUrl';
import { TOKEN_TIMEOUT_MS } from './exchange';

/**
 * n8n's `preAuthentication` receives no node options, so the node's Request Options that matter to
 * a token exchange (proxy, Ignore SSL Issues, a short Timeout) are handed over here, per credential.
 */

/** The node's Request Options the token exchange honours (set by the runner for each request). */
export interface TransportOptions {
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
	timeout?: number;
}

/** How long Request Options a run set for a credential's token exchange stay in force. */
const TRANSPORT_MEMORY_MS = 60_000;

/** Per fingerprint: the Request Options a run set for the token exchange, and until when. */
const inForce = new ProcessCache<string, TransportOptions & { until: number }>('request options for token exchanges', 100);

/**
 * The Request Options that matter to a token exchange (proxy, Ignore SSL Issues, a Timeout below
 * the exchange's own), or undefined when none is set: a plain run costs nothing here.
 */
export function transportOf(options: IHttpRequestOptions): TransportOptions | undefined {
	const timeout = Number(options.timeout);
	const plain = !options.proxy && options.skipSslCertificateValidation !== true && !(timeout > 0 && timeout < TOKEN_TIMEOUT_MS);
	if (plain) return undefined;
	return {
		proxy: options.proxy,
		skipSslCertificateValidation: options.skipSslCertificateValidation === true,
		timeout: options.timeout,
	};
}

/**
 * n8n's `preAuthentication` receives no node options, so the runner hands them over here, per
 * credential, before a request that may need a token. They stay in force for a minute: a plain
 * run of the same credential right after one through a proxy also exchanges through that proxy
 * (never the reverse: a proxied run never sends the App Secret around its proxy).
 */
export function useTransport(credentials: ICredentialDataDecryptedObject, transport: TransportOptions): void {
	inForce.set(keysOf(credentials).fingerprint, { ...transport, until: Date.now() + TRANSPORT_MEMORY_MS });
}

/** The Request Options in force for a token exchange of these keys, if a run set any lately. */
export function transportFor(fingerprint: string): TransportOptions | undefined {
	const transport = inForce.get(fingerprint);
	return transport && Date.now() < transport.until ? transport : undefined;
}
