import type { INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';

import { versionDescription } from '../description';
import { v1Behaviour } from './behaviour';
import { CREDENTIAL_TEST, testSocialHubCredential } from '../transport/credentialTest';

/** The vendor package's parameters, names, defaults and options: its saved workflows run unchanged. */
// Not `implements INodeType`: the icon is the versioned node's (SocialHub.node.ts), which n8n's
// community-nodes lint cannot see through the shared base description; the shell checks the type.
export class SocialHubV1 {
	description: INodeTypeDescription;

	methods = { credentialTest: { [CREDENTIAL_TEST]: testSocialHubCredential } };

	constructor(base: INodeTypeBaseDescription) {
		this.description = versionDescription(base, v1Behaviour);
	}
}
