/**
 * Workflow files with expectations: every e2e/workflows/<name>.json is imported into n8n and run
 * with `n8n execute`; e2e/workflows/<name>.expect.json beside it says what SocialHub must receive
 * and what n8n must output. Adding a compatibility case (e.g. a workflow saved by another version
 * of the node) is two files, no code. See e2e/workflows/README.md for the expectation format.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import type { RecordedRequest } from '../sandbox/server';

export const WORKFLOWS_DIR = join(__dirname, 'workflows');

export interface ExpectedRequest {
	method: string;
	path: string;
	/** Compared exactly; absent means no query string. */
	query?: Record<string, string>;
	/** Compared exactly (deep, key order ignored); absent means no body. */
	body?: unknown;
	/** Query values made at run time (e.g. a timestamp): they must be present, their value is not compared. */
	generated?: string[];
}

export interface WorkflowExpectation {
	/** One line: which operation, what it proves. */
	about: string;
	/** The execution's status (default "success"). */
	status?: string;
	/** The error that stopped the run, as a subset (e.g. its `message` and `description`). */
	error?: Record<string, unknown>;
	/** Every request SocialHub receives, in order, token exchanges left out. */
	requests: ExpectedRequest[];
	/** A node's output items, each matched as a subset (see `mismatches`). */
	output?: { node: string; items: unknown[] };
	/** A subset of the sandbox's state snapshot afterwards. */
	sandboxAfter?: Record<string, unknown>;
	/** Run only on these n8n release lines ("1", "2"); default all. */
	lines?: string[];
}

export interface WorkflowCase {
	file: string;
	workflow: WorkflowJson;
	expectation: WorkflowExpectation;
}

export interface WorkflowJson {
	name: string;
	nodes: Array<{ name: string; credentials?: Record<string, { id: string; name: string }> }>;
	[key: string]: unknown;
}

/** The workflow files of a folder and their expectations; a workflow without one is an error. */
export function loadWorkflowCases(folder = WORKFLOWS_DIR): WorkflowCase[] {
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json') && !file.endsWith('.expect.json'))
		.sort()
		.map((file) => {
			const expectationName = file.replace(/\.json$/, '.expect.json');
			const expectationFile = join(folder, expectationName);
			if (!existsSync(expectationFile)) throw new Error(`${file} has no ${expectationName} beside it`);
			return {
				file,
				workflow: JSON.parse(readFileSync(join(folder, file), 'utf8')) as WorkflowJson,
				expectation: JSON.parse(readFileSync(expectationFile, 'utf8')) as WorkflowExpectation,
			};
		});
}

/** A copy of the workflow whose SocialHub nodes use the given credential. */
export function withCredential(
	workflow: WorkflowJson,
	credential: { id: string; name: string },
): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		if (!node.credentials?.socialHubApi) continue;
		node.credentials.socialHubApi = { id: credential.id, name: credential.name };
	}
	return copy;
}

/**
 * Where `actual` differs from `expected`: a primitive must be equal, an array must have the same
 * length with each element matching, an object must have every expected key matching (other keys
 * are allowed).
 */
export function mismatches(actual: unknown, expected: unknown, at = '$'): string[] {
	const got = JSON.stringify(actual);
	if (Array.isArray(expected)) {
		if (!Array.isArray(actual)) return [`${at}: expected an array, got ${got}`];
		if (actual.length !== expected.length) {
			return [`${at}: expected ${expected.length} entries, got ${actual.length}`];
		}
		return expected.flatMap((entry, index) => mismatches(actual[index], entry, `${at}[${index}]`));
	}
	if (expected !== null && typeof expected === 'object') {
		if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
			return [`${at}: expected an object, got ${got}`];
		}
		const fields = actual as Record<string, unknown>;
		return Object.entries(expected).flatMap(([key, value]) =>
			mismatches(fields[key], value, `${at}.${key}`),
		);
	}
	return actual === expected ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${got}`];
}

type OutputItem = { json: Record<string, unknown>; pairedItem?: { item: number } | Array<{ item: number }> | number };

/** What `n8n execute --rawOutput` prints (the parts read here). */
export interface ExecutionOutput {
	status?: string;
	data?: {
		resultData?: {
			error?: { message?: string; description?: string };
			runData?: Record<string, Array<{ startTime?: number; executionTime?: number; data?: { main?: Array<OutputItem[] | null> } }>>;
		};
	};
}

/** A node's items on one of its outputs (0: the regular one, 1: the error output), as n8n keeps them. */
export const outputEntries = (run: ExecutionOutput, node: string, output = 0) =>
	run.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[output] ?? [];

export const outputItems = (run: ExecutionOutput, node: string) => outputEntries(run, node).map((item) => item.json);

/**
 * Every way the run, the requests SocialHub received (token exchanges excluded) and the sandbox's
 * state differ from the expectation; empty when they match. Each API request must also carry a
 * token SocialHub issued, raw (no "Bearer ").
 */
export function checkRun(
	expectation: WorkflowExpectation,
	run: ExecutionOutput,
	received: RecordedRequest[],
	issuedTokens: string[],
	sandboxState: unknown,
): string[] {
	const problems: string[] = [];
	const status = expectation.status ?? 'success';
	const error = run.data?.resultData?.error;
	if (run.status !== status) {
		const why = error ? `: ${error.message}` : '';
		problems.push(`status ${String(run.status)} (expected ${status})${why}`);
	}
	if (expectation.error) problems.push(...mismatches(error, expectation.error, 'error'));
	const api = received.filter((request) => request.path !== '/v1/auth/token');
	const GENERATED = '<made at run time>';
	const sent = api.map((request, index) => {
		const query = { ...request.query };
		for (const key of expectation.requests[index]?.generated ?? []) {
			if (query[key] !== undefined && query[key] !== '') query[key] = GENERATED;
		}
		return {
			method: request.method,
			path: request.path,
			query,
			...(request.body === undefined ? {} : { body: request.body }),
		};
	});
	const wanted = expectation.requests.map(({ generated, ...request }) => ({
		...request,
		query: { ...request.query, ...Object.fromEntries((generated ?? []).map((key) => [key, GENERATED])) },
	}));
	if (!isDeepStrictEqual(sent, wanted)) {
		problems.push(`SocialHub received ${JSON.stringify(sent)}, expected ${JSON.stringify(wanted)}`);
	}
	const untokened = api
		.map((request) => String(request.authorization ?? ''))
		.filter((authorization) => !issuedTokens.includes(authorization));
	if (untokened.length > 0) {
		const shown = untokened.map((authorization) => `${authorization.slice(0, 12)}…`).join(', ');
		problems.push(`${untokened.length} request(s) without a raw SocialHub token: ${shown}`);
	}
	if (expectation.output) {
		const { node, items } = expectation.output;
		problems.push(...mismatches(outputItems(run, node), items, `output of "${node}"`));
	}
	if (expectation.sandboxAfter) {
		problems.push(...mismatches(sandboxState, expectation.sandboxAfter, 'sandbox'));
	}
	return problems;
}
