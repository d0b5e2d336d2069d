/**
 * The checks every operation gets, declared in its own test file with `describeOperation`:
 * its baseline reaches SocialHub in both node versions, bad input is refused before anything is
 * sent (the error names the field), path values are URL-encoded and cannot change the endpoint,
 * and a Base URL that is not http(s) is refused.
 */
import type { IDataObject } from 'n8n-workflow';

import { resources } from '../../nodes/SocialHub/resources';
import { fieldsOf } from '../../nodes/SocialHub/shared/operation';
import { BEHAVIOURS, SANDBOX_APP_ID, SANDBOX_APP_SECRET, useSandbox } from './fixture';

export const BLANK = '={{ "" }}';

export interface OperationSpec {
	/** The least a workflow stores for the operation; per version when the versions differ. */
	baseline: IDataObject | { 1: IDataObject; 2: IDataObject };
	/** SocialHub's business answer to the baseline when it is not a success (e.g. not found). */
	answer?: RegExp;
	/** Values refused before anything is sent: what, the overrides, the message, the version (default 2). */
	badInput: Array<[what: string, overrides: IDataObject, message: string, version?: 1 | 2]>;
}

const versions = [1, 2] as const;

export function definitionOf(key: string) {
	const [resourceValue, operationValue] = key.split('.');
	const operation = resources
		.find((resource) => resource.value === resourceValue)
		?.operations.find((candidate) => candidate.value === operationValue);
	if (!operation) throw new Error(`The node has no operation ${key}`);
	return operation;
}

/** `value` with '{{ $json.value }}' as fixed text in place of its first text (a nested row's, for collections). */
function withTemplate(value: unknown): unknown {
	if (!value || typeof value !== 'object') return '{{ $json.value }}';
	const copy = structuredClone(value) as Record<string, unknown>;
	const stack: Array<Record<string, unknown>> = [copy];
	while (stack.length > 0) {
		const node = stack.shift()!;
		for (const [key, child] of Object.entries(node)) {
			if (typeof child === 'string' && !child.startsWith('=')) {
				node[key] = '{{ $json.value }}';
				return copy;
			}
			if (child && typeof child === 'object') stack.push(child as Record<string, unknown>);
		}
	}
	return copy;
}

/** Registers the common checks of operation `key` ("resource.operation"); returns the test context. */
export function describeOperation(key: string, spec: OperationSpec) {
	const ctx = useSandbox();
	const [resource, operation] = key.split('.');
	const baseline = (version: 1 | 2): IDataObject => ({
		resource,
		operation,
		...(1 in spec.baseline ? (spec.baseline as Record<1 | 2, IDataObject>)[version] : spec.baseline),
	});
	const apiRequests = () => ctx.sandbox.requests.filter((r) => r.path !== '/v1/auth/token');
	const pathFields = versions.flatMap((version) =>
		fieldsOf(definitionOf(key), BEHAVIOURS[version])
			.filter((field) => field.in === 'path')
			.map((field) => [version, field.property.name] as const),
	);

	describe(`${key}: common checks`, () => {
		it.each(versions)('v%s: the baseline reaches SocialHub', async (version) => {
			const { error } = await ctx.engine.run(baseline(version), [{}], { typeVersion: version });
			if (spec.answer) expect(error?.message).toMatch(spec.answer);
			else expect(error).toBeUndefined();
			expect(apiRequests().length).toBeGreaterThan(0);
		});

		if (spec.badInput.length > 0) {
			it.each(spec.badInput)('refuses %s before any request', async (_what, overrides, message, version = 2) => {
				const { error } = await ctx.engine.run({ ...baseline(version), ...overrides }, [{}], { typeVersion: version });
				expect(error?.message).toContain(message);
				expect(error?.message).not.toMatch(/\n\s+at /);
				expect(ctx.sandbox.requests).toHaveLength(0);
			});
		}

		if (pathFields.length > 0) {
			it.each(pathFields)('v%s: %s is sent URL-encoded and cannot change the endpoint', async (version, name) => {
				await ctx.engine.run({ ...baseline(version), [name]: '../x/y?z=1#frag' }, [{}], { typeVersion: version });
				const [request] = apiRequests();
				expect(request.path).toContain('..%2Fx%2Fy%3Fz%3D1%23frag');
				expect(request.path.startsWith(definitionOf(key).url.split('{')[0])).toBe(true);
				expect(request.query.z).toBeUndefined();
			});
		}

		const fixedFields = versions.flatMap((version) =>
			Object.keys(baseline(version))
				.filter((name) => !['resource', 'operation'].includes(name))
				.map((name) => [version, name] as const),
		);
		if (fixedFields.length > 0) {
			it.each(fixedFields)('v%s: %s holding {{ … }} as fixed text is refused naming the field, before any request', async (version, name) => {
				const { error } = await ctx.engine.run({ ...baseline(version), [name]: withTemplate(baseline(version)[name]) as IDataObject[string] }, [{ value: 'x' }], { typeVersion: version });
				expect(error?.message).toContain("holds n8n's expression syntax as fixed text ({{ $json.value }})");
				expect(error?.message).toContain('Switch the field to Expression');
				expect(ctx.sandbox.requests).toHaveLength(0);
			});
		}

		it('a Base URL that is not http(s) is refused before any request', async () => {
			ctx.engine.setCredential({ baseUrl: 'file:///etc/passwd', appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
			const { error } = await ctx.engine.run(baseline(2));
			expect(error?.message).toContain('Base URL "file:///etc/passwd" is not an http(s) URL');
			expect(ctx.sandbox.requests).toHaveLength(0);
		});
	});
	return ctx;
}
