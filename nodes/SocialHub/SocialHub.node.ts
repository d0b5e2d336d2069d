import type { INodeType, INodeTypeBaseDescription } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { SocialHubV1 } from './v1/SocialHubV1.node';
import { SocialHubV2 } from './v2/SocialHubV2.node';

/**
 * Version 1 keeps the vendor package's parameters so its saved workflows run unchanged; new
 * nodes get version 2. n8n keeps every saved node on the version it was created with.
 */
export class SocialHub extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'SocialHub',
			name: 'socialHub',
			icon: { light: 'file:socialhub.svg', dark: 'file:socialhub.dark.svg' },
			group: ['transform'],
			description: 'Manage SocialHub members, customers, orders, points and master data',
			defaultVersion: 2,
		};
		const versions: Record<number, INodeType> = { 1: new SocialHubV1(baseDescription), 2: new SocialHubV2(baseDescription) };
		super(versions, baseDescription);
	}
}
