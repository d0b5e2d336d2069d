/** How each version presents itself in the editor: subtitles that read, numbers kept as typed (issue 22). */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { useSandbox } from './support/fixture';

const ctx = useSandbox();

const description = (version: 1 | 2) =>
	(ctx.engine.nodeType as unknown as { nodeVersions: Record<number, { description: INodeTypeDescription }> }).nodeVersions[version].description;

/** The subtitle n8n shows under the node, for a resource and operation. */
function subtitle(version: 1 | 2, resource: string, operation: string): string {
	const expression = String(description(version).subtitle);
	const names = JSON.parse(/=\{\{ (\{.*\})\[/.exec(expression)![1]) as Record<string, string>;
	return names[`${resource}.${operation}`];
}

function everyProperty(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		property,
		...everyProperty(
			((property.options ?? []) as Array<{ type?: string; values?: INodeProperties[] }>).flatMap((option) =>
				option.type !== undefined ? [option as INodeProperties] : option.values ?? [],
			),
		),
	]);
}

describe('versions in the editor', () => {
	it.each([
		[2, 'points', 'adjustPoints', 'Points: Adjust'],
		[2, 'member', 'getMember', 'Member: Get'],
		[2, 'consumer', 'queryConsumer', 'Customer: Get'],
		[2, 'order', 'getTransactionDetail', 'Transaction: Get'],
		[1, 'points', 'adjustPoints', 'Points Management: Adjust Member Points'],
		[1, 'member', 'getMember', 'Member Management: Get Member'],
	] as const)('v%s %s.%s reads "%s"', (version, resource, operation, expected) => {
		expect(subtitle(version, resource, operation)).toBe(expected);
	});

	it.each([1, 2] as const)('v%s: no number field clamps or rounds what is typed (no minValue, maxValue or numberPrecision)', (version) => {
		// n8n's own Request Options (Batching, Timeout) are added by n8n's loader, not declared here.
		const own = description(version).properties.filter((property) => property.name !== 'requestOptions');
		const numbers = everyProperty(own).filter((property) => property.type === 'number');
		expect(numbers.length).toBeGreaterThan(0);
		for (const property of numbers) {
			expect({ name: property.name, typeOptions: property.typeOptions ?? {} }).toEqual({ name: property.name, typeOptions: {} });
		}
	});

	it('no placeholder or hint shows {{ … }} as something to type in a fixed field', () => {
		for (const version of [1, 2] as const) {
			for (const property of everyProperty(description(version).properties)) {
				expect(String(property.placeholder ?? '')).not.toContain('{{');
				if (property.hint?.includes('{{')) expect(property.hint).toContain('Expression');
			}
		}
	});
});
