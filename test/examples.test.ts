import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SANDBOX_APP_SECRET } from './fixture';

const folder = join(__dirname, '..', 'examples');

describe('examples/', () => {
	it.each(readdirSync(folder).filter((file) => file.endsWith('.json')))('%s is importable n8n JSON without secrets', (file) => {
		const text = readFileSync(join(folder, file), 'utf8');
		const workflow = JSON.parse(text) as { nodes: Array<{ type: string; credentials?: Record<string, { name: string }> }> };
		expect(text).not.toContain(SANDBOX_APP_SECRET);
		expect(text).not.toMatch(/appSecret|accessToken/);
		const socialHubNodes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-socialhub.socialHub');
		expect(socialHubNodes.length).toBeGreaterThan(0);
		for (const node of socialHubNodes) expect(node.credentials?.socialHubApi.name).toBe('SocialHub sandbox');
	});
});
