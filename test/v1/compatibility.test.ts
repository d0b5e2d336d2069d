/**
 * Workflows built with the vendor's package (n8n-nodes-socialhub 1.0.0, typeVersion 1) run
 * unchanged on version 1 of this node: every parameter of its contract is read as stored, and
 * every operation sends the vendor's request (minus its known defects) whether the workflow
 * stored every value or was saved by n8n's editor, which leaves out values at their default.
 */
import type { IDataObject, INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { CREDENTIAL_REF, NODE_TYPE } from '../../harness/engine';
import { V1, useSandbox } from '../support/fixture';
import type { VendorParameter } from '../support/vendorParameters';
import { vendorParameters } from '../support/vendorParameters';
import type { ExpectedRequest } from '../../e2e/expectations';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { SaveStyle } from '../support/vendorWorkflows';
import { savedByEditor, storedInFull, vendorCases, vendorExpectation, vendorWorkflow } from '../support/vendorWorkflows';

const ctx = useSandbox();
const operations = Object.keys(vendorParameters);

/** Where version 1 knowingly differs from the vendor's parameter list, and why. */
const deliberateDefaults: Record<string, unknown> = {
	// The vendor sent gender 0 and both flags as 1 on every update (wiping gender and
	// re-subscribing the customer): version 1 starts them at "Keep Current" and sends them only when set.
	'consumer.updateConsumer.gender': '',
	'consumer.updateConsumer.receiveSmsFlag': '',
	'consumer.updateConsumer.receiveEmailFlag': '',
};

function v1Description(): INodeTypeDescription {
	const type = ctx.engine.nodeType;
	if (!('nodeVersions' in type)) throw new Error('SocialHub is a versioned node');
	return type.nodeVersions[1].description;
}

function propertyFor(key: string, name: string): INodeProperties | undefined {
	const [resource, operation] = key.split('.');
	return v1Description().properties.find(
		(property) =>
			property.name === name &&
			(property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) &&
			(property.displayOptions?.show?.operation as string[] | undefined)?.includes(operation),
	);
}

function optionValues(property: INodeProperties | { options?: unknown }): unknown[] {
	return ((property.options ?? []) as Array<{ value?: unknown }>).map((option) => option.value);
}

function expectSameParameter(ours: INodeProperties | undefined, vendor: VendorParameter, where: string) {
	expect({ where, found: Boolean(ours) }).toEqual({ where, found: true });
	expect({ where, type: ours!.type }).toEqual({ where, type: vendor.type });
	const deliberate = deliberateDefaults[where];
	expect({ where, default: ours!.default }).toEqual({ where, default: deliberate ?? vendor.default });
	if (vendor.values) expect(optionValues(ours!)).toEqual(expect.arrayContaining(vendor.values));
}

function expectRequest(expected: ExpectedRequest) {
	const requests = ctx.sandbox.requests.filter((r) => r.path !== '/v1/auth/token');
	expect(requests).toHaveLength(1);
	const [request] = requests;
	expect(request.method).toBe(expected.method);
	expect(request.path).toBe(expected.path);
	if (expected.body !== undefined) expect(request.body).toEqual(expected.body);
	if (expected.query) expect(request.query).toMatchObject(expected.query);
	for (const key of expected.generated ?? []) expect(request.query[key]).toMatch(key === 'timestamp' ? /^\d{13}$/ : /^[0-9a-f]{32}$/);
}

describe('version 1 reads every parameter of the vendor’s node', () => {
	it('the node type, credential type and default version', () => {
		const type = ctx.engine.nodeType;
		expect(type.description.name).toBe('socialHub');
		expect(v1Description().credentials).toEqual([{ name: 'socialHubApi', required: true, testedBy: 'socialHubApiTest' }]);
		expect(ctx.engine.defaultVersion()).toBe(2);
	});

	it('Resource defaults to member, and each resource to the vendor’s operation', () => {
		const properties = v1Description().properties;
		expect(properties.find((p) => p.name === 'resource')?.default).toBe('member');
		const defaults = Object.fromEntries(
			properties
				.filter((p) => p.name === 'operation')
				.map((p) => [(p.displayOptions!.show!.resource as string[])[0], p.default]),
		);
		expect(defaults).toEqual({
			member: 'getLoyaltyPrograms', consumer: 'createConsumer', order: 'getTransactionList',
			points: 'getPointsAccount', masterdata: 'batchSyncProduct',
		});
	});

	it.each(operations)('%s: name, type, default and option values of every parameter', (key) => {
		for (const vendor of vendorParameters[key]) {
			const ours = propertyFor(key, vendor.name);
			expectSameParameter(ours, vendor, `${key}.${vendor.name}`);
			if (!vendor.rows) continue;
			const group = (ours!.options as Array<{ name: string; values: INodeProperties[] }>)[0];
			expect(group.name).toBe(vendor.group);
			for (const row of vendor.rows) {
				expectSameParameter(group.values.find((value) => value.name === row.name), row, `${key}.${vendor.name}.${row.name}`);
			}
		}
	});
});

describe('a vendor node runs unchanged on version 1', () => {
	it.each(operations)('%s, every value stored: the vendor’s request', async (key) => {
		const { error } = await ctx.engine.run(storedInFull(key), [{}], V1);
		if (vendorCases[key].answer) expect(error?.message).toMatch(vendorCases[key].answer!);
		else expect(error).toBeUndefined();
		expectRequest(vendorCases[key].expected);
	});

	it.each(operations)('%s, saved by n8n’s editor (defaults left out): the vendor’s request', async (key) => {
		const { error } = await ctx.engine.run(savedByEditor(key), [{}], V1);
		if (vendorCases[key].answer) expect(error?.message).toMatch(vendorCases[key].answer!);
		else expect(error).toBeUndefined();
		expectRequest(vendorCases[key].expectedWhenSaved ?? vendorCases[key].expected);
	});

	it('an update saved with nothing to change is refused, never sent empty', async () => {
		const { error } = await ctx.engine.run({ resource: 'consumer', operation: 'updateConsumer', consumerCode: 'C0001' }, [{}], V1);
		expect(error?.message).toContain('Nothing to update for this customer');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it('a version 1 and a version 2 node in one workflow each run as their version', async () => {
		const node = (name: string, typeVersion: number, parameters: IDataObject, x: number): INode => ({
			id: name, name, type: NODE_TYPE, typeVersion, position: [x, 0], parameters: parameters as INode['parameters'],
			credentials: { socialHubApi: CREDENTIAL_REF },
		});
		const nodes: INode[] = [
			{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			node('Vendor List', 1, savedByEditor('points.getPointsAccount'), 200),
			node('New List', 2, { resource: 'points', operation: 'getPointsAccount', cardNo: 'M0001' }, 400),
		];
		const connections = {
			Start: { main: [[{ node: 'Vendor List', type: 'main' as const, index: 0 }]] },
			'Vendor List': { main: [[{ node: 'New List', type: 'main' as const, index: 0 }]] },
		};
		const run = await ctx.engine.runWorkflow({ nodes, connections });
		const output = (name: string) => run.data.resultData.runData[name][0].data!.main[0]!.map((item) => item.json);
		expect(run.data.resultData.error).toBeUndefined();
		expect(output('Vendor List')).toEqual([expect.objectContaining({ code: '200', data: expect.objectContaining({ total: 1 }) })]);
		expect(output('New List')).toEqual([expect.objectContaining({ accountCode: 'PA0001', balance: 1000 })]);
		const queries = ctx.sandbox.apiRequests('/v1/points').map((r) => r.query);
		expect(queries).toEqual([{ pageNo: '1', pageSize: '10' }, { pageNo: '1', pageSize: '50' }]);
	});
});

describe('the real-n8n e2e runs these same vendor workflows', () => {
	it.each(['stored-in-full', 'saved-by-editor'] as SaveStyle[])('e2e/workflows/vendor-%s.json is current', (style) => {
		const read = (file: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'e2e', 'workflows', file), 'utf8'));
		// Regenerate with: npx ts-node --transpile-only scripts/vendor-workflows.ts
		expect(read(`vendor-${style}.json`)).toEqual(vendorWorkflow(style));
		expect(read(`vendor-${style}.expect.json`)).toEqual(vendorExpectation(style));
	});
});
