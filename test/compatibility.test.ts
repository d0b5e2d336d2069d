import type { IDataObject } from 'n8n-workflow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { useSandbox } from './fixture';

const ctx = useSandbox();

interface StoredNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: IDataObject;
	credentials?: Record<string, unknown>;
}

const workflow = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'vendor-workflow.json'), 'utf8')) as { nodes: StoredNode[] };
const nodeNamed = (name: string) => workflow.nodes.find((node) => node.name === name)!;

/** What the vendor's workflow must make SocialHub receive, per node (SocialHub's documented requests). */
const expected: Record<string, { method: string; path: string; query?: object; body?: object }> = {
	'Adjust Points': {
		method: 'POST', path: '/v1/points/adjustment',
		body: { accountType: 2, accountCode: 'M0001', operationId: 'vendor-op-1', operationType: 6, pointValue: 50, pointDesc: 'Welcome bonus', effectiveEndTime: Date.UTC(2027, 11, 31), upgradeTierFlag: 0 },
	},
	Enroll: {
		method: 'POST', path: '/v1/member/admission',
		body: { loyaltyProgramCode: 'LP002', phonePrefCode: '+86', mobilePhone: '13600000006', name: 'Vendor User', storeCode: 'S01', sourceCode: '10140001' },
	},
	'Member List': { method: 'GET', path: '/v1/member/list/C0001', query: { pageNo: '1', pageSize: '10' } },
	'Points Records': { method: 'GET', path: '/v1/points/pointsRecords/PA0001', query: { pageNo: '1', pageSize: '20', status: '0' } },
	'Find Customer': { method: 'GET', path: '/v1/consumer/info', query: { type: '1', query: '13800000001', phonePrefCode: '+86' } },
	'Add Store': { method: 'POST', path: '/v1/masterdata/store', body: { organizationCode: 'S-BJ-01', organizationName: 'Beijing Store', type: 99, storeStatus: 10 } },
};

describe('a workflow stored by the vendor’s package runs unchanged', () => {
	it('uses the same node type, version and credential type', () => {
		for (const name of Object.keys(expected)) {
			const node = nodeNamed(name);
			expect(node.type).toBe('n8n-nodes-socialhub.socialHub');
			expect(node.typeVersion).toBe(1);
			expect(Object.keys(node.credentials ?? {})).toEqual(['socialHubApi']);
			expect(ctx.engine.nodeType.description.name).toBe('socialHub');
		}
	});

	it.each(Object.keys(expected))('%s sends the documented request and succeeds', async (name) => {
		const { error, items } = await ctx.engine.run(nodeNamed(name).parameters);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ code: '200' });
		const [request] = ctx.sandbox.requests.filter((r) => r.path !== '/v1/auth/token');
		const want = expected[name];
		expect(request.method).toBe(want.method);
		expect(request.path).toBe(want.path);
		if (want.body) expect(request.body).toEqual(want.body);
		if (want.query) expect(request.query).toMatchObject(want.query);
	});
});
