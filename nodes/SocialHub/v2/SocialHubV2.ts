import type { INodeType, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';

import { searchLoyaltyPrograms } from '../methods/listSearch';
import { versionDescription } from '../description';
import { v2Behaviour } from './behaviour';
import { CREDENTIAL_TEST, testSocialHubCredential } from '../transport/credentialTest';

/** New nodes: n8n's wording, Get Many with Return All and Limit, pickers fed by SocialHub. */
export class SocialHubV2 implements INodeType {
	description: INodeTypeDescription;

	methods = {
		listSearch: { searchLoyaltyPrograms },
		credentialTest: { [CREDENTIAL_TEST]: testSocialHubCredential },
	};

	constructor(base: INodeTypeBaseDescription) {
		this.description = versionDescription(base, v2Behaviour);
	}
}
