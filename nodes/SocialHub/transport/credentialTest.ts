import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { attemptAsync } from '../shared/attempt';
import { baseUrlOf } from './baseUrl';
import { exchangeToken, type TokenResponse, type TokenSender } from './exchange';

/** The name the node's credential entry gives n8n (`testedBy`) for the test below. */
export const CREDENTIAL_TEST = 'socialHubApiTest';

/** The token request through the credential test's only helper, n8n's legacy `request`. */
function legacySender(helpers: ICredentialTestFunctions['helpers']): TokenSender {
	return async (options: IHttpRequestOptions) =>
		(await helpers.request({
			method: options.method,
			uri: options.url,
			headers: options.headers,
			body: options.body,
			json: true,
			encoding: null,
			timeout: options.timeout,
			followRedirect: false,
			followAllRedirects: false,
			resolveWithFullResponse: true,
			simple: false,
		})) as TokenResponse;
}

/**
 * The credential test (n8n's editor runs it on Save): asks SocialHub for a token with exactly the
 * App ID and App Secret being tested, whatever token is stored, and shows SocialHub's own reason
 * when none is issued. It is the node's (`testedBy`) rather than the credential's request test, so
 * that n8n asks the credential for no token first and the failure text is SocialHub's, not fixed.
 */
export async function testSocialHubCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as ICredentialDataDecryptedObject;
	const outcome = await attemptAsync(async () => await exchangeToken(legacySender(this.helpers), baseUrlOf(data), data, undefined));
	if ('failed' in outcome) {
		return { status: 'Error', message: (outcome.failed as Error).message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
