/**
 * The real-n8n Return All rows of `npm run bench`: our node pages through 10,000 points records
 * (the n8n process's peak RSS growth against the rows' JSON), and n8n alone carries the same rows
 * (pinned rows → No Operation node), n8n's own cost of holding them.
 */
import { SocialHubSandbox } from '../sandbox/server';
import { createCredential, createWorkflow, runWorkflow, type BenchN8n, type RunMeasure } from './n8n';
import { NODES, tokenFrom } from './real';

const RECORDS = 10_000;

export interface ReturnAllResults {
	run: RunMeasure;
	rows: number;
	rowsJsonBytes: number;
	pageRequests: number;
	n8nAlone: RunMeasure;
	failures: string[];
}

export async function benchReturnAll(n8n: BenchN8n, log: (line: string) => void): Promise<ReturnAllResults> {
	const failures: string[] = [];
	const sandbox = new SocialHubSandbox();
	await sandbox.start(0);
	try {
		sandbox.state.accounts.set('PA-BENCH', { accountCode: 'PA-BENCH', cardNo: 'card-PA-BENCH', pointsGroupCode: 'PG01', balance: 0 });
		sandbox.state.seedRecords('PA-BENCH', RECORDS);
		const credential = await createCredential(n8n.rest, 'return all', sandbox.url, await tokenFrom(sandbox));
		const workflowId = await createWorkflow(
			n8n.rest,
			'bench return all',
			{ type: NODES.ours.type, parameters: { resource: 'points', operation: 'getPointsRecords', accountCode: 'PA-BENCH', returnAll: true, pageSize: 100 } },
			credential,
			1,
		);
		const run = await runWorkflow(n8n, workflowId, true);
		const pageRequests = sandbox.apiRequests('/v1/points/pointsRecords').length;
		const rowsJsonBytes = Buffer.byteLength(JSON.stringify(run.outputItems.map((item) => item.json)));
		if (run.status !== 'success' || run.outputItems.length !== RECORDS) failures.push(`Return All: ${run.status}, ${run.outputItems.length} rows`);
		const carry = await createWorkflow(
			n8n.rest,
			'bench n8n carries the rows',
			{ type: 'n8n-nodes-base.noOp', parameters: {} },
			undefined,
			run.outputItems.map((item) => item.json),
		);
		const n8nAlone = await runWorkflow(n8n, carry, true);
		if (n8nAlone.status !== 'success' || n8nAlone.outputItems.length !== RECORDS) failures.push(`n8n alone with the rows: ${n8nAlone.status}`);
		log(`  Return All: ${run.outputItems.length} rows, peak RSS growth ${(run.rssGrowth / 1e6).toFixed(1)} MB`);
		return { run, rows: run.outputItems.length, rowsJsonBytes, pageRequests, n8nAlone, failures };
	} finally {
		await sandbox.stop();
	}
}
