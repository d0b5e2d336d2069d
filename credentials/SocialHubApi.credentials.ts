import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, DEFAULT_BASE_URL } from '../nodes/SocialHub/transport/constants';
import { authenticateRequest, renewToken } from '../nodes/SocialHub/transport/authenticate';

export class SocialHubApi implements ICredentialType {
	name = CREDENTIAL_TYPE;

	displayName = 'SocialHub API';

	icon: Icon = { light: 'file:socialhub.svg', dark: 'file:socialhub.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-socialhub/n8n-nodes-socialhub#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			placeholder: `e.g. ${DEFAULT_BASE_URL}`,
			description: 'The SocialHub OpenAPI address of your tenant (production, UAT or another region)',
			required: true,
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			// `password` keeps the live token out of n8n's REST answers (includeData) and the editor.
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			// Which Base URL, App ID and App Secret the stored token was issued for (a keyed hash,
			// never the secret): a token is only sent with the keys it belongs to.
			displayName: 'Token Fingerprint',
			name: 'tokenFingerprint',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	/**
	 * n8n calls this when the stored token is empty and after a failed request. It has no access
	 * to the node's Request Options; the runner passes them along (proxy, Ignore SSL Issues,
	 * Timeout). When and for whom it exchanges a token: transport/authenticate.ts, `renewToken`.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await renewToken(this.helpers, credentials);
	}

	/**
	 * A function rather than the generic expression form: it runs once per request, so keeping
	 * n8n's expression engine out of it (base URL included) makes every item cheaper.
	 */
	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => authenticateRequest(credentials, requestOptions);

	// The credential test is the node's (`testedBy`, nodes/SocialHub/transport/credentialTest.ts):
	// it asks SocialHub for a token with the keys being tested and shows SocialHub's own reason.
}
