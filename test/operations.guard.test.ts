/**
 * Every operation of the node is complete: its operation file, its own test file declaring a
 * baseline and bad input (when it has fields), a route in the sandbox and a README row.
 * Adding an operation without one of them fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { SocialHub } from '../nodes/SocialHub/SocialHub.node';
import { resources } from '../nodes/SocialHub/resources';
import { fieldsOf } from '../nodes/SocialHub/shared/operation';
import { BEHAVIOURS } from './support/fixture';
import { SandboxState } from '../sandbox/state';

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

const operations = resources.flatMap((resource) =>
	resource.operations.map((operation) => ({ key: `${resource.value}.${operation.value}`, resource: resource.value, operation })),
);

function describedOperations(version: 1 | 2): string[] {
	const node = new SocialHub();
	const properties: INodeProperties[] = node.nodeVersions[version].description.properties;
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((selector) =>
			(selector.options as Array<{ value: string }>).map(
				(option) => `${(selector.displayOptions!.show!.resource as string[])[0]}.${option.value}`,
			),
		)
		.sort();
}

describe('every operation of the node is complete', () => {
	it('both versions describe exactly the operations of resources/', () => {
		const keys = operations.map(({ key }) => key).sort();
		expect(describedOperations(1)).toEqual(keys);
		expect(describedOperations(2)).toEqual(keys);
	});

	it.each(operations)('$key', ({ key, resource, operation }) => {
		const missing: string[] = [];
		const testFile = join(root, 'test', resource, `${operation.value}.test.ts`);
		// The operation's test file declares its baseline and bad input (test/operationSuite.ts).
		if (!existsSync(testFile) || !readFileSync(testFile, 'utf8').includes(`describeOperation('${key}',`)) {
			missing.push(`test/${resource}/${operation.value}.test.ts calling describeOperation('${key}', …)`);
		}
		if (!existsSync(join(root, 'nodes/SocialHub/resources', resource, `${operation.value}.operation.ts`))) {
			missing.push(`nodes/SocialHub/resources/${resource}/${operation.value}.operation.ts`);
		}
		const hasFields = ([1, 2] as const).some((version) => fieldsOf(operation, BEHAVIOURS[version]).some((f) => f.in || f.children));
		if (hasFields && existsSync(testFile) && !/badInput: \[\s*\[/.test(readFileSync(testFile, 'utf8'))) {
			missing.push(`a bad-input case in test/${resource}/${operation.value}.test.ts`);
		}
		const path = operation.url.replace(/\{\w+\}/g, 'X1');
		if (new SandboxState(true).route(operation.method, path, {}, operation.method === 'GET' ? undefined : {}) === undefined) {
			missing.push(`a sandbox route for ${operation.method} ${operation.url}`);
		}
		if (!readme.includes(`(\`${operation.value}\`)`)) missing.push('a row in README.md’s operations table');
		expect(missing).toEqual([]);
	});
});
