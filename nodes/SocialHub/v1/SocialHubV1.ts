import type { INodeType, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';

import { versionDescription } from '../description';
import { v1Behaviour } from './behaviour';
import { CREDENTIAL_TEST, testSocialHubCredential } from '../transport/credentialTest';

/** The vendor package's parameters, names, defaults and options: its saved workflows run unchanged. */
export class SocialHubV1 implements INodeType {
	description: INodeTypeDescription;

	methods = { credentialTest: { [CREDENTIAL_TEST]: testSocialHubCredential } };

	constructor(base: INodeTypeBaseDescription) {
		this.description = versionDescription(base, v1Behaviour);
	}
}
