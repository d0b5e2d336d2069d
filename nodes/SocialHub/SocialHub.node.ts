import type { INodeTypeBaseDescription } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { SocialHubV1 } from './v1/SocialHubV1';
import { SocialHubV2 } from './v2/SocialHubV2';

/**
 * The node n8n loads (the only `*.node.ts`: n8n's community-package scanner takes every such file
 * for a node of its own, so the version classes in v1/ and v2/ are named without it).
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
		super({ 1: new SocialHubV1(baseDescription), 2: new SocialHubV2(baseDescription) }, baseDescription);
	}
}
