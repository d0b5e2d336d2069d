/**
 * Issue 19 in queue mode (called by e2e/queue.ts): a burst of webhook executions, each carrying
 * hundreds of adjustments (SocialHub node version 2, the Operation ID from the item), against a
 * SocialHub 50 ms away that takes 10 requests at a time (HTTP 429 with Retry-After: 1 beyond).
 * Each worker process keeps its own flow control for the tenant; between them they must still
 * get every Operation ID applied exactly once and every execution green. Also here: which worker
 * ran which execution, read from the workers' logs (queue.ts uses it too).
 *
 * SOCIALHUB_QUEUE_LIMITED_RUNS × SOCIALHUB_QUEUE_LIMITED_ITEMS sets the burst (default 4 × 500;
 * the issue's 5,000 with 10 × 500).
 */
import { readFileSync } from 'node:fs';

import type { SocialHubSandbox } from '../sandbox/server';
import { ACCOUNT, adjustNode, describeBurst, measureBurst, notAppliedOnce, rows, webhookWorkflow, type Row } from './burst';
import type { N8nProcess } from './cluster';
import type { N8nRest } from './n8n';
import type { CredentialRef } from './origin-workflows';

const RUNS = Number(process.env.SOCIALHUB_QUEUE_LIMITED_RUNS ?? 4);
const ITEMS = Number(process.env.SOCIALHUB_QUEUE_LIMITED_ITEMS ?? 500);
const PATH = 'socialhub-queue-limited';
const WEBHOOK_ID = '0b7e4f55-3c1d-4a8e-9d2f-6a5b4c3d2e1f';
const LIMITS = { maxConcurrent: 10, retryAfter: 1 };
const LATENCY_MS = 50;

/** Which worker ran which execution, from the workers' logs ("Worker started execution 12") past `offsets`. */
export function executionsByWorker(workers: N8nProcess[], offsets: number[]): Map<string, string[]> {
	const byWorker = new Map<string, string[]>();
	workers.forEach((worker, index) => {
		const text = readFileSync(worker.logFile, 'utf8').slice(offsets[index]);
		byWorker.set(worker.name, [...text.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]));
	});
	return byWorker;
}

export const logSizes = (workers: N8nProcess[]) => workers.map((worker) => readFileSync(worker.logFile, 'utf8').length);

export interface QueueContext {
	rest: N8nRest;
	mainUrl: string;
	workers: N8nProcess[];
	sandbox: SocialHubSandbox;
	credential: CredentialRef;
	check: (ok: boolean, what: string, detail?: string) => void;
	log: (line: string) => void;
}

export async function checkLimitedBurst(ctx: QueueContext): Promise<void> {
	const { rest, mainUrl, workers, sandbox, credential, check, log } = ctx;
	const body = webhookWorkflow('Queue: adjust points from a webhook, SocialHub limited', PATH, WEBHOOK_ID, 'rows', adjustNode('SocialHub', [440, 0], credential));
	const workflow = await rest.call<{ id: string; versionId: string }>('POST', '/rest/workflows', body);
	const published = await rest.call('POST', `/rest/workflows/${workflow.data.id}/activate`, { versionId: workflow.data.versionId });
	check(published.status === 200, 'the limited-SocialHub workflow (node version 2) is saved and published', `HTTP ${workflow.status}, ${published.status}`);
	await new Promise((resolve) => setTimeout(resolve, 1000));

	const label = `limited burst (${RUNS} × ${ITEMS}, SocialHub 50 ms away taking 10 at a time, HTTP 429 with Retry-After: 1 beyond)`;
	const batches: Row[][] = Array.from({ length: RUNS }, (_, run) => rows(ITEMS, `queue-limited-run${run + 1}`));
	const ops = batches.flat().map((row) => row.op);
	const balanceBefore = sandbox.state.accounts.get(ACCOUNT)?.balance ?? 0;
	const offsets = logSizes(workers);
	sandbox.setLimits(LIMITS);
	sandbox.options.latencyMs = LATENCY_MS;
	sandbox.clearRequests();
	log(`\n${label}: ${RUNS} webhook calls at once`);
	const started = Date.now();
	let statuses: number[];
	try {
		statuses = await Promise.all(
			batches.map(async (batch) => {
				const response = await fetch(`${mainUrl}/webhook/${PATH}`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ rows: batch }),
					signal: AbortSignal.timeout(600_000),
				});
				await response.text();
				return response.status;
			}),
		);
	} finally {
		sandbox.setLimits(null);
		sandbox.options.latencyMs = 0;
	}
	const seconds = (Date.now() - started) / 1000;
	await new Promise((resolve) => setTimeout(resolve, 1500)); // the workers' last log lines
	const byWorker = executionsByWorker(workers, offsets);
	const spread = [...byWorker.entries()].map(([name, ids]) => `${name}: ${ids.length}`).join(', ');
	const filter = encodeURIComponent(JSON.stringify({ workflowId: workflow.data.id }));
	const executions = await rest.call<{ results?: Array<{ status: string }> }>('GET', `/rest/executions?filter=${filter}&limit=100`);
	const executionStatuses = (executions.data.results ?? []).map((execution) => execution.status);
	const missing = notAppliedOnce(sandbox, ops);
	const balance = sandbox.state.accounts.get(ACCOUNT)?.balance;
	const measure = measureBurst(sandbox, ops.length);
	check(
		statuses.every((status) => status === 200) &&
			executionStatuses.length === RUNS &&
			executionStatuses.every((status) => status === 'success'),
		`${label}: every webhook call answered 200, all ${RUNS} executions green`,
		`HTTP ${statuses.join(' ')}; executions ${executionStatuses.join('/')}; ${spread}`,
	);
	check(
		missing.length === 0 && sandbox.stats().appliedMoreThanOnce === 0 && balance === balanceBefore + ops.length,
		`${label}: every Operation ID applied exactly once, balance exact`,
		`${ops.length - missing.length} of ${ops.length} applied once, balance ${String(balance)} (expected ${balanceBefore + ops.length}); ` +
			`${describeBurst(measure, (ops.length * LATENCY_MS) / 1000 / LIMITS.maxConcurrent)}; ${seconds.toFixed(1)} s wall`,
	);
}
