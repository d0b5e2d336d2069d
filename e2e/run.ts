/**
 * `npm run test:e2e`: the package inside a real n8n. Packs it, installs it the way the community
 * nodes panel does, starts n8n and the SocialHub sandbox on 127.0.0.1, then checks through n8n's
 * REST API and in the editor (headless Chromium) that the node and credential load, that the
 * credential test gives the right verdict, and that a workflow sends SocialHub the right request.
 * Screenshots, n8n's log and a summary go to e2e/artifacts/. Exits non-zero on any failed check.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SocialHubSandbox } from '../sandbox/server';
import { runEditorFlow } from './editor';
import { N8nRest, executeWorkflow, installLikeThePanel, n8nVersion, packPackage, startN8n, type RunningN8n } from './n8n';

const artifacts = join(__dirname, 'artifacts');
const EMAIL = 'owner@socialhub.test';
const PASSWORD = 'E2e-Passw0rd!';
const PORT = 5700 + Math.floor(Math.random() * 200);

const results: Array<{ check: string; ok: boolean; detail: string }> = [];
const log = (line: string) => process.stdout.write(`${line}\n`);
function check(ok: boolean, what: string, detail = '') {
	results.push({ check: what, ok, detail });
	log(`${ok ? '✔' : '✘'} ${what}${detail ? ` — ${detail}` : ''}`);
}

async function main() {
	const started = Date.now();
	rmSync(artifacts, { recursive: true, force: true });
	mkdirSync(artifacts, { recursive: true });
	const userFolder = mkdtempSync(join(tmpdir(), 'socialhub-e2e-n8n-'));
	const sandbox = new SocialHubSandbox();
	let n8n: RunningN8n | undefined;
	try {
		log('packing the package and installing it the way the community nodes panel does');
		const tarball = packPackage();
		installLikeThePanel(userFolder, tarball);
		rmSync(tarball);
		const sandboxUrl = await sandbox.start();
		log(`sandbox on ${sandboxUrl}; starting n8n ${n8nVersion()} on port ${PORT} (Node 24)`);
		n8n = await startN8n(userFolder, PORT, join(artifacts, 'n8n.log'));
		log(`n8n ready after ${((Date.now() - started) / 1000).toFixed(0)} s`);

		const rest = new N8nRest(n8n.url);
		await rest.setUpOwner(EMAIL, PASSWORD);

		const nodeTypes = (await rest.call<Array<{ name: string; version: number }>>('GET', '/types/nodes.json')).data;
		const node = nodeTypes.find((type) => type.name === 'n8n-nodes-socialhub.socialHub');
		check(Boolean(node), 'n8n loaded the SocialHub node type', node ? `version ${node.version}` : 'missing');
		const credentialTypes = (await rest.call<Array<{ name: string }>>('GET', '/types/credentials.json')).data;
		check(credentialTypes.some((type) => type.name === 'socialHubApi'), 'n8n loaded the SocialHub API credential type');

		const goodData = { baseUrl: sandboxUrl, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET };
		const created = await rest.call<{ id: string; name: string }>('POST', '/rest/credentials', {
			name: 'SocialHub sandbox', type: 'socialHubApi', data: goodData,
		});
		check(created.status === 200 && Boolean(created.data.id), 'a SocialHub API credential can be saved');
		const credential = { id: created.data.id, name: 'SocialHub sandbox', type: 'socialHubApi' };
		const test = async (data: Record<string, string>) =>
			(await rest.call<{ status: string; message: string }>('POST', '/rest/credentials/test', { credentials: { ...credential, data } })).data;

		const good = await test(goodData);
		check(good.status === 'OK', 'credential test with good keys succeeds', good.message);
		const bad = await test({ ...goodData, appSecret: 'e2e-wrong-secret' });
		check(bad.status === 'Error' && bad.message.includes('Invalid appId or appSecret'), 'credential test with bad keys fails with SocialHub’s message', bad.message);
		check(!bad.message.includes('e2e-wrong-secret'), 'the failed test does not show the secret');
		const stored = (await rest.call<{ data: { accessToken?: string } }>('GET', `/rest/credentials/${credential.id}?includeData=true`)).data.data;
		const edited = await test({ ...goodData, appSecret: 'edited-wrong-secret', accessToken: String(stored.accessToken ?? '') });
		check(Boolean(stored.accessToken) && edited.status === 'Error', 'a wrong secret edited into a saved credential fails although its stored token works', edited.message);

		const workflow = await rest.call<{ id: string }>('POST', '/rest/workflows', {
			name: 'E2E: Adjust Member Points',
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'socialhub', name: 'SocialHub', type: 'n8n-nodes-socialhub.socialHub', typeVersion: 1, position: [220, 0],
					parameters: {
						resource: 'points', operation: 'adjustPoints', accountType: 2, accountCode: 'M0001', operationId: 'e2e-adjust-1',
						operationType: 6, pointValue: 42, pointDesc: 'E2E bonus', effectiveEndTime: '2027-12-31T00:00:00', upgradeTierFlag: 1,
					},
					credentials: { socialHubApi: { id: credential.id, name: credential.name } },
				},
			],
			connections: { Start: { main: [[{ node: 'SocialHub', type: 'main', index: 0 }]] } },
			settings: { timezone: 'UTC' },
		});
		check(workflow.status === 200, 'a workflow with Points → Adjust Member Points can be saved');
		sandbox.requests.length = 0;
		const run = (await executeWorkflow(userFolder, PORT, workflow.data.id)) as {
			status?: string;
			data: { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
		};
		writeFileSync(join(artifacts, 'execution.json'), JSON.stringify(run, null, 2));
		const output = run.data.resultData.runData.SocialHub?.[0]?.data.main[0] ?? [];
		check(run.status === 'success', 'the workflow ran in n8n', String(run.status));
		check(
			output.length === 1 && (output[0].json.data as { operationId?: string })?.operationId === 'e2e-adjust-1',
			'the node output SocialHub’s response',
			JSON.stringify(output[0]?.json),
		);
		const adjustments = sandbox.apiRequests('/v1/points/adjustment');
		const expectedBody = {
			accountType: 2, accountCode: 'M0001', operationId: 'e2e-adjust-1', operationType: 6, pointValue: 42,
			pointDesc: 'E2E bonus', effectiveEndTime: Date.UTC(2027, 11, 31), upgradeTierFlag: 1,
		};
		check(
			adjustments.length === 1 && JSON.stringify(adjustments[0].body) === JSON.stringify(expectedBody) && adjustments[0].method === 'POST',
			'SocialHub received exactly one POST /v1/points/adjustment with the documented body',
			JSON.stringify(adjustments.map((r) => r.body)),
		);
		const sentToken = String(adjustments[0]?.authorization ?? '');
		check(sandbox.issuedTokens.includes(sentToken), 'it carried a token SocialHub issued, raw (no "Bearer ")', `${sentToken.slice(0, 8)}…`);
		check(sandbox.state.accounts.get('PA0001')?.balance === 1042, 'the member’s balance changed once', String(sandbox.state.accounts.get('PA0001')?.balance));

		const example = JSON.parse(readFileSync(join(__dirname, '..', 'examples', 'loyalty-purchase-points.json'), 'utf8')) as {
			nodes: Array<{ credentials?: Record<string, { id: string; name: string }> }>;
		};
		for (const exampleNode of example.nodes) {
			if (exampleNode.credentials?.socialHubApi) exampleNode.credentials.socialHubApi = { id: credential.id, name: credential.name };
		}
		const imported = await rest.call<{ id: string }>('POST', '/rest/workflows', example);
		const exampleRun = (await executeWorkflow(userFolder, PORT, imported.data.id)) as { status?: string };
		const enrolledAccount = [...sandbox.state.accounts.values()].find((account) => account.cardNo !== 'M0001');
		check(
			exampleRun.status === 'success' && enrolledAccount?.balance === 238,
			'examples/loyalty-purchase-points.json runs in n8n: enroll, sync, award 238 points',
			`${String(exampleRun.status)}, balance ${String(enrolledAccount?.balance)}`,
		);

		log('\nthe editor in headless Chromium');
		const editor = await runEditorFlow({
			n8nUrl: n8n.url, email: EMAIL, password: PASSWORD, sandboxUrl, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET, artifacts, log,
		});
		check(editor.fieldsSeen.length === 9, 'the node’s Adjust Member Points fields are shown', editor.fieldsSeen.join(', '));
		check(/success/i.test(editor.goodKeysVerdict), 'the credential created from the node tests successfully', editor.goodKeysVerdict.split('\n')[0]);
		check(editor.badKeysVerdict.includes('SocialHub rejected the App ID and App Secret'), 'after editing in a wrong App Secret the test fails with a clear message', editor.badKeysVerdict.slice(0, 200));
	} catch (error) {
		check(false, 'the end-to-end run completed', (error as Error).stack ?? String(error));
	} finally {
		await n8n?.stop();
		await sandbox.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
	const failed = results.filter((result) => !result.ok).length;
	const seconds = (Date.now() - started) / 1000;
	writeFileSync(join(artifacts, 'summary.json'), JSON.stringify({ n8n: n8nVersion(), seconds, results }, null, 2));
	log(`\n${results.length - failed}/${results.length} end-to-end checks passed against n8n ${n8nVersion()} in ${seconds.toFixed(0)} s`);
	process.exit(failed === 0 ? 0 : 1);
}

void main();
