import type { INodeType, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';

import { versionDescription } from '../shared/description';

/** The vendor package's parameters, names, defaults and options: its saved workflows run unchanged. */
export class SocialHubV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(base: INodeTypeBaseDescription) {
		this.description = versionDescription(base, 1);
	}
}
