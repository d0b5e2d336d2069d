/**
 * `npx ts-node --transpile-only e2e/hardening.ts` (after `bash e2e/setup.sh && npm run build`):
 * issue 10's token checks inside a real n8n 2.40.7. Each workflow run is a separate `n8n execute`
 * process, so no token is shared through memory: like a queue-mode worker, each run knows only
 * what n8n stored. Checks:
 * - class 6: the stored access token (and its fingerprint) never come back over the REST API;
 * - class 1: after the Base URL or App Secret is edited in (as the editor does, keeping the
 *   hidden values), the stored token is never sent with the new keys, and n8n stores a new one.
 * Port 4150 (n8n) and 4151-4152 (its task broker); exits non-zero on any failed check.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SocialHubSandbox } from '../sandbox/server';
import { N8nRest, executeWorkflow, installLikeThePanel, n8nVersion, packPackage, startN8n, type RunningN8n } from './n8n';

const PORT = Number(process.env.HARDENING_N8N_PORT ?? 4150);
const BLANK = '__n8n_BLANK_VALUE_e5362baf-c777-4d57-a609-6eaf1f9e87f6';
const results: Array<{ ok: boolean; what: string }> = [];
const log = (line: string) => process.stdout.write(`${line}\n`);
function check(ok: boolean, what: string, detail = '') {
	results.push({ ok, what });
	log(`${ok ? '✔' : '✘'} ${what}${detail ? ` — ${detail}` : ''}`);
}

async function main() {
	const userFolder = mkdtempSync(join(tmpdir(), 'socialhub-hardening-n8n-'));
	const sandboxA = new SocialHubSandbox();
	const sandboxB = new SocialHubSandbox();
	let n8n: RunningN8n | undefined;
	try {
		const tarball = packPackage();
		installLikeThePanel(userFolder, tarball);
		rmSync(tarball);
		await sandboxA.start();
		await sandboxB.start();
		log(`starting n8n ${n8nVersion()} on port ${PORT}`);
		n8n = await startN8n(userFolder, PORT, join(userFolder, 'n8n.log'));
		const rest = new N8nRest(n8n.url);
		await rest.setUpOwner('owner@socialhub.test', 'E2e-Passw0rd!');

		const keysA = { baseUrl: sandboxA.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET };
		const created = await rest.call<{ id: string }>('POST', '/rest/credentials', { name: 'SocialHub', type: 'socialHubApi', data: keysA });
		const credential = { id: created.data.id, name: 'SocialHub' };
		const workflow = await rest.call<{ id: string }>('POST', '/rest/workflows', {
			name: 'Hardening: adjust',
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'socialhub', name: 'SocialHub', type: 'n8n-nodes-socialhub.socialHub', typeVersion: 1, position: [220, 0],
					parameters: {
						resource: 'points', operation: 'adjustPoints', accountType: 2, accountCode: 'M0001',
						operationId: '={{ "hard-" + $now.toMillis() }}', operationType: 6, pointValue: 1,
						effectiveEndTime: '2027-12-31T00:00:00', upgradeTierFlag: 0,
					},
					credentials: { socialHubApi: credential },
				},
			],
			connections: { Start: { main: [[{ node: 'SocialHub', type: 'main', index: 0 }]] } },
			settings: { timezone: 'UTC' },
		});
		const run = async () => {
			try {
				return (await executeWorkflow(userFolder, PORT, workflow.data.id)) as { status?: string };
			} catch (error) {
				// A failed execution may print more than its JSON; it failed either way.
				return { status: `error (${(error as Error).message.slice(0, 80)})` };
			}
		};

		const first = await run();
		check(first.status === 'success', 'a run with keys A succeeds', String(first.status));
		const tokenA = sandboxA.issuedTokens[0];
		check(Boolean(tokenA) && sandboxA.apiRequests('/v1/points')[0]?.authorization === tokenA, 'it used a token A issued');

		const read = async () =>
			(await rest.call<{ data: Record<string, string> }>('GET', `/rest/credentials/${credential.id}?includeData=true`)).data.data;
		const stored = await read();
		check(stored.accessToken !== tokenA && !JSON.stringify(stored).includes(tokenA), 'class 6: includeData does not return the live token', String(stored.accessToken).slice(0, 20));
		check(!JSON.stringify(stored).includes(SANDBOX_APP_SECRET), 'class 6: nor the App Secret');

		// The editor sends every field back, password fields (the hidden token too) as the blanking value.
		const edit = async (changes: Record<string, string>) =>
			await rest.call('PATCH', `/rest/credentials/${credential.id}`, {
				name: credential.name, type: 'socialHubApi',
				data: { ...stored, appSecret: BLANK, accessToken: BLANK, tokenFingerprint: BLANK, ...changes },
			});

		const editedUrl = await edit({ baseUrl: sandboxB.url });
		check(editedUrl.status === 200, 'the Base URL can be edited to host B', String(editedUrl.status));
		const second = await run();
		const seenByB = sandboxB.requests.map((r) => r.authorization);
		check(!seenByB.includes(tokenA), 'class 1: host B never receives A’s token', JSON.stringify(seenByB.map((t) => t?.slice(0, 8))));
		check(second.status === 'success' && sandboxB.state.accounts.get('PA0001')?.balance === 1001, 'class 1: the run after the edit succeeds on B with B’s own token', String(second.status));
		check(sandboxB.tokenCalls === 1, 'B issued exactly one token', String(sandboxB.tokenCalls));

		const third = await run();
		check(third.status === 'success' && sandboxB.tokenCalls === 1, 'the next run (another process) reuses the stored B token', `${String(third.status)}, ${sandboxB.tokenCalls} token calls`);

		const tokenB = sandboxB.issuedTokens[0];
		sandboxB.requests.length = 0;
		await edit({ appSecret: 'edited-wrong-secret' });
		const fourth = await run();
		check(fourth.status !== 'success', 'class 1: with a wrong App Secret edited in, the run fails', String(fourth.status));
		check(!sandboxB.requests.some((r) => r.authorization === tokenB), 'class 1: and B’s stored token was not sent with the wrong secret');
		check(sandboxB.state.accounts.get('PA0001')?.balance === 1002, 'nothing was applied with the wrong secret');
	} catch (error) {
		check(false, 'the hardening run completed', (error as Error).stack ?? String(error));
	} finally {
		await n8n?.stop();
		await sandboxA.stop();
		await sandboxB.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
	const failed = results.filter((result) => !result.ok).length;
	log(`\n${results.length - failed}/${results.length} hardening checks passed against n8n ${n8nVersion()}`);
	process.exit(failed === 0 ? 0 : 1);
}

void main();
