/**
 * `npm run test:queue`: the package on n8n's distributed engine. Redis and PostgreSQL (Debian
 * packages, throw-away servers on loopback), n8n main in queue mode and two `n8n worker`
 * processes sharing one encryption key and one nodes folder where the package is installed once.
 * A webhook-triggered workflow is fired concurrently (SOCIALHUB_QUEUE_RUNS × SOCIALHUB_QUEUE_ITEMS,
 * default 20 × 100): every adjustment must reach SocialHub exactly once, the executions must spread
 * over both workers, a cold start may cost at most one token call per worker, and the balances must
 * come out exact. Then the credential is switched to a second app of the tenant the way the editor
 * saves it, and a second burst must not use the first app's token. Last, a burst against a
 * SocialHub that takes 10 requests at a time (e2e/queueLimits.ts).
 * Logs of every process and summary.json go to e2e/artifacts/queue/. Exits non-zero on failure.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SocialHubSandbox } from '../sandbox/server';
import { webhookWorkflow, workflowNode } from './burst';
import {
	Checks,
	artifactsFor,
	queueEnvironment,
	startN8nMain,
	startN8nWorker,
	startPostgres,
	startRedis,
	stopAll,
	stopAllOnSignals,
	type QueueSettings,
} from './cluster';
import { N8nRest, installLikeThePanel, n8nVersion, packPackage } from './n8n';
import { checkLimitedBurst, executionsByWorker, logSizes } from './queueLimits';

/**
 * The stored token is bound to the keys it was issued for, so after the App Secret changes no
 * worker may send the old app's token. SOCIALHUB_TOKEN_BINDING=off reports a failure of that
 * check as expected instead (to look at the behaviour of a build without the binding).
 */
const TOKEN_BINDING_ENFORCED = process.env.SOCIALHUB_TOKEN_BINDING !== 'off';

const PORTS = {
	main: 5900, // its task-runner broker: 5901 (n8nEnvironment)
	workers: [
		{ broker: 5911, health: 5912 },
		{ broker: 5921, health: 5922 },
	],
	redis: 6390,
	postgres: 5440,
};
const RUNS = Number(process.env.SOCIALHUB_QUEUE_RUNS ?? 20);
const ITEMS = Number(process.env.SOCIALHUB_QUEUE_ITEMS ?? 100);
const SECOND_RUNS = Math.max(2, Math.round(RUNS / 2));
const SECOND_APP = { appId: 'sandbox-app-2', appSecret: 'sandbox-secret-2-9876543210' };
const EMAIL = 'owner@socialhub.test';
const PASSWORD = 'E2e-Passw0rd!';
const WEBHOOK_PATH = 'socialhub-queue-test';

const accountCode = (index: number) => `QA${String(index + 1).padStart(3, '0')}`;

interface Burst {
	label: string;
	runs: number;
	seconds: number;
	statuses: number[];
	operationIds: string[];
}

/** Fires `runs` webhook calls at once, each carrying `ITEMS` adjustments; waits for all answers. */
async function fireBurst(url: string, label: string, runs: number, pointsOf: (run: number) => number): Promise<Burst> {
	const operationIds: string[] = [];
	const started = Date.now();
	const statuses = await Promise.all(
		Array.from({ length: runs }, async (_, run) => {
			const adjustments = Array.from({ length: ITEMS }, (__, item) => {
				const operationId = `${label}-run${run + 1}-item${item + 1}`;
				operationIds.push(operationId);
				return { accountCode: accountCode(item), operationId, points: pointsOf(run) };
			});
			const response = await fetch(`${url}/webhook/${WEBHOOK_PATH}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ adjustments }),
				signal: AbortSignal.timeout(300_000),
			});
			await response.text();
			return response.status;
		}),
	);
	return { label, runs, seconds: (Date.now() - started) / 1000, statuses, operationIds };
}

async function main() {
	const artifacts = artifactsFor('queue');
	const checks = new Checks(`queue mode: n8n ${n8nVersion()} main + 2 workers, ${RUNS} × ${ITEMS} adjustments`, artifacts);
	const userFolder = mkdtempSync(join(tmpdir(), 'socialhub-queue-n8n-'));
	const sandbox = new SocialHubSandbox({ extraApps: [SECOND_APP] });
	for (let index = 0; index < ITEMS; index++) {
		const code = accountCode(index);
		sandbox.state.accounts.set(code, { accountCode: code, cardNo: `QC${code.slice(2)}`, pointsGroupCode: 'PG01', balance: 0 });
	}
	const table: Array<Record<string, unknown>> = [];
	stopAllOnSignals();
	try {
		let phase = Date.now();
		checks.log('packing the package and installing it once into the nodes folder all processes share');
		const tarball = packPackage();
		installLikeThePanel(userFolder, tarball);
		rmSync(tarball);
		const sandboxUrl = await sandbox.start();

		checks.log(`starting Redis on ${PORTS.redis} and PostgreSQL on ${PORTS.postgres} (throw-away, loopback)`);
		const [redis, postgres] = await Promise.all([
			startRedis(PORTS.redis, join(artifacts, 'redis.log')),
			startPostgres(PORTS.postgres, join(artifacts, 'postgres.log')),
		]);
		checks.log(`  redis pid ${redis.pid}, postgres pid ${postgres.pid}`);
		const settings: QueueSettings = {
			userFolder,
			encryptionKey: randomBytes(24).toString('hex'),
			postgres,
			redisPort: PORTS.redis,
		};
		checks.log(`starting n8n ${n8nVersion()} main in queue mode on ${PORTS.main}`);
		const main = await startN8nMain(queueEnvironment(settings, PORTS.main), PORTS.main, join(artifacts, 'n8n-main.log'));
		checks.log(`  main pid ${main.pid}; starting 2 workers`);
		const workers = await Promise.all(
			PORTS.workers.map((ports, index) =>
				startN8nWorker(settings, PORTS.main, ports, join(artifacts, `n8n-worker-${index + 1}.log`), `worker-${index + 1}`),
			),
		);
		checks.log(`  workers pid ${workers.map((worker) => worker.pid).join(', ')}`);
		checks.time('start Redis, PostgreSQL, main, 2 workers', Date.now() - phase);

		const rest = new N8nRest(main.url);
		await rest.setUpOwner(EMAIL, PASSWORD);
		const credentialName = 'SocialHub sandbox (queue)';
		const created = await rest.call<{ id: string }>('POST', '/rest/credentials', {
			name: credentialName,
			type: 'socialHubApi',
			data: { baseUrl: sandboxUrl, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET },
		});
		checks.check(created.status === 200, 'the credential is saved in PostgreSQL through main');
		const credential = { id: created.data.id, name: credentialName };

		const socialHub = workflowNode('SocialHub', 'n8n-nodes-socialhub.socialHub', 1, [440, 0], {
			resource: 'points', operation: 'adjustPoints', accountType: 1, accountCode: '={{ $json.accountCode }}',
			operationId: '={{ $json.operationId }}', operationType: 6, pointValue: '={{ $json.points }}',
			pointDesc: 'Queue-mode test', effectiveEndTime: '2027-12-31T00:00:00', upgradeTierFlag: 0,
		});
		const workflow = await rest.call<{ id: string; versionId: string }>(
			'POST',
			'/rest/workflows',
			webhookWorkflow('Queue: adjust points from a webhook', WEBHOOK_PATH, '6f1c2a4e-0d6b-4c55-9a43-5e1f0c6b7d21', 'adjustments', {
				...socialHub,
				credentials: { socialHubApi: credential },
			}),
		);
		checks.check(workflow.status === 200, 'the webhook workflow is saved', `id ${workflow.data.id}`);
		const published = await rest.call('POST', `/rest/workflows/${workflow.data.id}/activate`, { versionId: workflow.data.versionId });
		checks.check(published.status === 200, 'the workflow is published (the editor’s Publish button)', `HTTP ${published.status}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));

		const runBurst = async (label: string, runs: number, pointsOf: (run: number) => number, before: Map<string, number>) => {
			sandbox.requests.length = 0;
			sandbox.tokenCalls = 0;
			const offsets = logSizes(workers);
			checks.log(`\n${label}: ${runs} webhook calls × ${ITEMS} adjustments, all at once`);
			const burst = await fireBurst(main.url, label, runs, pointsOf);
			await new Promise((resolve) => setTimeout(resolve, 1500)); // the workers' last log lines
			// A request sent without a token (the stored one belongs to other keys) is answered 401
			// without being applied, and n8n retries it with a fresh token: count what carried one.
			const adjustments = sandbox.apiRequests('/v1/points/adjustment').filter((request) => Boolean(request.authorization));
			const perOperation = new Map<string, number>();
			for (const request of adjustments) {
				const id = String((request.body as { operationId?: string })?.operationId);
				perOperation.set(id, (perOperation.get(id) ?? 0) + 1);
			}
			const expected = new Set(burst.operationIds);
			const appliedOnce = burst.operationIds.every((id) => perOperation.get(id) === 1 && sandbox.state.adjustments.has(id));
			const byWorker = executionsByWorker(workers, offsets);
			const spread = [...byWorker.entries()].map(([name, ids]) => `${name}: ${ids.length}`).join(', ');
			const allExecutions = [...byWorker.values()].flat();
			const statuses = await Promise.all(
				allExecutions.map(async (id) => (await rest.call<{ status: string }>('GET', `/rest/executions/${id}`)).data.status),
			);
			checks.check(burst.statuses.every((status) => status === 200), `${label}: every webhook call answered 200`, burst.statuses.join(' '));
			checks.check(
				appliedOnce && adjustments.length === expected.size,
				`${label}: every adjustment reached SocialHub exactly once`,
				`${adjustments.length} requests for ${expected.size} operation IDs, ${[...perOperation.values()].filter((n) => n > 1).length} repeated`,
			);
			checks.check(
				allExecutions.length === runs && statuses.every((status) => status === 'success'),
				`${label}: the workers ran all ${runs} executions, all successful`,
				`${allExecutions.length} started, statuses ${[...new Set(statuses)].join('/')}`,
			);
			checks.check([...byWorker.values()].every((ids) => ids.length > 0), `${label}: executions spread over both workers`, spread);
			const balancesExact = [...Array(ITEMS).keys()].every((index) => {
				const code = accountCode(index);
				let added = 0;
				for (let run = 0; run < runs; run++) added += pointsOf(run);
				return sandbox.state.accounts.get(code)?.balance === (before.get(code) ?? 0) + added;
			});
			checks.check(balancesExact, `${label}: all ${ITEMS} balances exact`, `${accountCode(0)} = ${sandbox.state.accounts.get(accountCode(0))?.balance}`);
			const tokensUsed = new Set(adjustments.map((request) => String(request.authorization)));
			table.push({
				burst: label, executions: runs, adjustments: adjustments.length, seconds: burst.seconds, spread,
				tokenCalls: sandbox.tokenCalls, distinctTokens: tokensUsed.size,
			});
			checks.log(`  ${burst.seconds.toFixed(1)} s wall, ${Math.round(adjustments.length / burst.seconds)} adjustments/s; ${spread}; ${sandbox.tokenCalls} token call(s)`);
			return { adjustments, tokensUsed };
		};

		const balances = () => new Map([...sandbox.state.accounts.values()].map((account) => [account.accountCode, account.balance]));
		phase = Date.now();
		const first = await runBurst('burst 1', RUNS, (run) => run + 1, balances());
		checks.time(`burst 1 (${RUNS} × ${ITEMS})`, Date.now() - phase);
		checks.check(
			sandbox.tokenCalls <= workers.length,
			'cold start: at most one token call per worker process',
			`${sandbox.tokenCalls} token call(s) for ${workers.length} workers`,
		);
		const firstApp = [...first.tokensUsed].map((token) => sandbox.tokenApps.get(token));
		checks.check(firstApp.every((app) => app === SANDBOX_APP_ID), 'burst 1 used tokens SocialHub issued to the first app', firstApp.join(', '));

		checks.log('\nswitching the credential to the tenant’s second app, as the editor saves it');
		const stored = await rest.call<{ name: string; type: string; data: Record<string, unknown> }>(
			'GET', `/rest/credentials/${credential.id}?includeData=true`,
		);
		const oldToken = String(stored.data.data.accessToken ?? '');
		// Measured in n8n 2.40.7's editor (Chromium): Save sends PATCH {id, name, type, data, isGlobal,
		// isResolvable}, data holding every field it loaded with includeData (the hidden access token
		// too) with the user's edits applied; then it tests the saved credential.
		const editedData = { ...stored.data.data, appId: SECOND_APP.appId, appSecret: SECOND_APP.appSecret };
		const patched = await rest.call('PATCH', `/rest/credentials/${credential.id}`, {
			id: credential.id, name: stored.data.name, type: stored.data.type, data: editedData, isGlobal: false, isResolvable: false,
		});
		checks.check(patched.status === 200, 'PATCH /rest/credentials/:id with the edited App ID and App Secret', `HTTP ${patched.status}`);
		const tested = await rest.call<{ status: string; message: string }>('POST', '/rest/credentials/test', {
			credentials: { id: credential.id, name: stored.data.name, type: stored.data.type, data: editedData },
		});
		checks.check(tested.data.status === 'OK', 'the edited credential tests successfully (second app)', tested.data.message);
		const after = await rest.call<{ data: Record<string, unknown> }>('GET', `/rest/credentials/${credential.id}?includeData=true`);
		checks.log(`  stored token after the edit: ${after.data.data.accessToken === oldToken ? 'still the first app’s token' : 'changed'}`);

		phase = Date.now();
		const second = await runBurst('burst 2', SECOND_RUNS, () => 1, balances());
		checks.time(`burst 2 (${SECOND_RUNS} × ${ITEMS}, after the App Secret change)`, Date.now() - phase);
		const secondApps = [...second.tokensUsed].map((token) =>
			token ? `${token === oldToken ? 'OLD ' : ''}${sandbox.tokenApps.get(token) ?? 'unknown'}` : 'none (answered 401, retried)',
		);
		checks.known(
			second.adjustments.every(
				(request) => !request.authorization || sandbox.tokenApps.get(String(request.authorization)) === SECOND_APP.appId,
			),
			TOKEN_BINDING_ENFORCED,
			'after the App Secret change no worker uses the old token',
			`tokens used: ${secondApps.join(', ')}; ${second.adjustments.filter((request) => request.authorization === oldToken).length} of ${second.adjustments.length} requests carried the first app’s token`,
			'a build without the token binding sends the stored token after an edit (SOCIALHUB_TOKEN_BINDING=off)',
		);
		checks.check(
			sandbox.tokenCalls <= workers.length,
			'burst 2: at most one token call per worker process',
			`${sandbox.tokenCalls} token call(s)`,
		);

		phase = Date.now();
		const check = checks.check.bind(checks);
		await checkLimitedBurst({ rest, mainUrl: main.url, workers, sandbox, credential, check, log: (line) => checks.log(line) });
		checks.time('limited burst (issue 19)', Date.now() - phase);
	} catch (error) {
		checks.check(false, 'the queue-mode run completed', (error as Error).stack ?? String(error));
	} finally {
		await stopAll();
		await sandbox.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
	writeFileSync(join(artifacts, 'table.json'), JSON.stringify(table, null, 2));
	for (const row of table) checks.log(`  ${JSON.stringify(row)}`);
	process.exit(checks.finish({ n8n: n8nVersion(), runs: RUNS, items: ITEMS, table }));
}

void main();
