import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, DEFAULT_BASE_URL } from '../nodes/SocialHub/transport/constants';
import { authenticateRequest, renewToken } from '../nodes/SocialHub/transport/token';

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
	 * n8n calls this when the stored token is empty, after an HTTP 401 and for a credential test.
	 * It has no access to the node's Request Options; the runner passes them along (proxy, Ignore
	 * SSL Issues, Timeout), see transport/token.ts.
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

	/**
	 * The test asks for a token with the App ID and App Secret being tested, so a stored token
	 * never vouches for a freshly edited secret.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/auth/token',
			method: 'POST',
			headers: { 'Content-Type': 'application/json;charset=utf-8' },
			body: {
				appId: '={{$credentials.appId}}',
				appSecret: '={{$credentials.appSecret}}',
			},
			json: true,
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'data.accessToken',
					value: undefined,
					message:
						'SocialHub rejected the App ID and App Secret (no access token was issued). Check both keys and the Base URL.',
				},
			},
		],
	};
}
