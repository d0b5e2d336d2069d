/**
 * Issue 19 in a real n8n (run on the 2.x line): thousands of adjustments in one run (version 2,
 * the Operation ID from the item) against a SocialHub gateway 50 ms away that takes 10 requests
 * at a time (HTTP 429 with Retry-After: 1 beyond), then one that takes 200 a second; then a
 * SocialHub answering in 1 s to an `n8n execute` limited to 1,024 open files. Each run must be
 * green, every Operation ID applied exactly once and the balance exact. Printed for each: the
 * time from the first request to the last answer as a share of the limit's own minimum, requests
 * per item and the node's executionTime (n8n prepares every item before the first request).
 *
 * E2E_SCALE_ITEMS sets the items of each limited run (default 2,000; the issue's 5,000 with
 * E2E_SCALE_ITEMS=5000), E2E_OPEN_FILES_ITEMS those of the open-file run (default 2,500).
 */
import type { SandboxLimits } from '../sandbox/server';
import { ACCOUNT, SEED_BALANCE, adjustNode, describeBurst, describeNodeTime, measureBurst, rows, rowsWorkflow, type LineChecks } from './burst';
import { outputItems } from './expectations';

const ITEMS = Number(process.env.E2E_SCALE_ITEMS ?? 2000);
const OPEN_FILES_ITEMS = Number(process.env.E2E_OPEN_FILES_ITEMS ?? 2500);
const OPEN_FILES = 1024;
const count = (items: number) => items.toLocaleString('en-US');

interface ScaleCase {
	name: string;
	what: string;
	items: number;
	limits: SandboxLimits;
	latencyMs: number;
	/** The shortest time the limit allows for the run's requests, in seconds. */
	minimumSeconds?: number;
	openFiles?: number;
}

const CASES: ScaleCase[] = [
	{
		name: 'scale-10-at-a-time',
		what: `${count(ITEMS)} adjustments in one run, SocialHub 50 ms away taking 10 at a time (HTTP 429, Retry-After: 1 beyond)`,
		items: ITEMS,
		limits: { maxConcurrent: 10, retryAfter: 1 },
		latencyMs: 50,
		minimumSeconds: (ITEMS * 0.05) / 10,
	},
	{
		name: 'scale-200-per-second',
		what: `${count(ITEMS)} adjustments in one run, SocialHub 50 ms away taking 200 a second (HTTP 429 beyond)`,
		items: ITEMS,
		limits: { rateLimit: 200 },
		latencyMs: 50,
		minimumSeconds: ITEMS / 200,
	},
	{
		name: 'scale-open-files',
		what: `${count(OPEN_FILES_ITEMS)} adjustments in one run, SocialHub answering in 1 s, n8n limited to ${count(OPEN_FILES)} open files`,
		items: OPEN_FILES_ITEMS,
		limits: {},
		latencyMs: 1000,
		openFiles: OPEN_FILES,
	},
];

export async function checkScale(ctx: LineChecks): Promise<void> {
	for (const scaleCase of CASES) await checkCase(ctx, scaleCase);
}

async function checkCase({ sandbox, credential, run, check }: LineChecks, scaleCase: ScaleCase) {
	const { name, what, items, limits, latencyMs, minimumSeconds, openFiles } = scaleCase;
	const workflow = rowsWorkflow(`E2E: ${what}`, rows(items, name), [adjustNode('SocialHub', [660, 0], credential)]);
	sandbox.setLimits(limits);
	sandbox.options.latencyMs = latencyMs;
	sandbox.clearRequests();
	const started = Date.now();
	try {
		const output = await run(name, workflow, { timeoutMs: 900_000, openFiles, quiet: true });
		const wall = (Date.now() - started) / 1000;
		const { applied, appliedMoreThanOnce, tokenCalls } = sandbox.stats();
		const balance = sandbox.state.accounts.get(ACCOUNT)?.balance;
		const results = outputItems(output, 'SocialHub').length;
		const measure = measureBurst(sandbox, items);
		const numbers =
			`${describeBurst(measure, minimumSeconds)}; ${tokenCalls} token call(s); ` +
			`${describeNodeTime(output, 'SocialHub', measure)}; \`n8n execute\` ${wall.toFixed(0)} s`;
		const blamed = openFiles ? (JSON.stringify(output).match(/Base URL/g) ?? []).length : 0;
		check(
			output.status === 'success' &&
				results === items &&
				applied === items &&
				appliedMoreThanOnce === 0 &&
				balance === SEED_BALANCE + items &&
				blamed === 0,
			`issue 19: ${what}: the run is green, ${count(items)} output items, every Operation ID applied exactly once, balance exact` +
				(openFiles ? ', none blamed on the Base URL' : ''),
			`${String(output.status)}${output.status === 'success' ? '' : ` (${output.data?.resultData?.error?.message ?? ''})`}; ` +
				`${results} items, applied ${applied}, appliedMoreThanOnce ${appliedMoreThanOnce}, balance ${String(balance)}` +
				`${openFiles ? `, "Base URL" in the execution ${blamed}×` : ''}; ${numbers}`,
		);
	} finally {
		sandbox.setLimits(null);
		sandbox.options.latencyMs = 0;
	}
}
