/**
 * The post-release smoke test: the package installed through n8n's Community Nodes panel, the way
 * a user does it. Starts n8n 2.x and the SocialHub sandbox on 127.0.0.1, sets up the owner, then
 *   1. POST /rest/community-packages {name: 'n8n-nodes-socialhub@<version>'}  (the very body the
 *      panel's Install button sends; n8n also takes {name, version})
 *   2. GET  /rest/community-packages lists it at that version
 *   3. the node, its tool variant and the credential type load
 *   4. a workflow with the node adjusts points in the sandbox (exactly one request, new balance)
 *   5. DELETE /rest/community-packages?name=…  uninstalls it; the list is empty again
 *
 *   npx ts-node --transpile-only e2e/panel.ts --version 0.2.0         after a release (CI job)
 *   npx ts-node --transpile-only e2e/panel.ts --offline [--editor]   here, before the first release
 *
 * --offline: the package cannot come from a registry on this machine (not published yet; a local
 * registry needs an n8n enterprise licence). The script runs the same steps and reports exactly
 * where n8n stops; a stop at step 1 for one of those reasons is the expected outcome (exit 0).
 * It runs two legs: n8n's default registry (registry.npmjs.org), then a loopback registry
 * (N8N_COMMUNITY_PACKAGES_REGISTRY), which n8n refuses without the licence before contacting it.
 * --editor: also screenshot Settings → Community nodes with the install dialog and click Install.
 * --registry URL: install from that registry (needs n8n's feat:communityNodes:customRegistry).
 * Artifacts: e2e/artifacts/panel/ (n8n logs, screenshots, summary.json).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SocialHubSandbox } from '../sandbox/server';
import { Checks, artifactsFor, startN8nMain, stopAll, stopAllOnSignals, type N8nProcess } from './cluster';
import { N8nRest, executeWorkflow, n8nEnvironment, n8nVersion, root } from './n8n';
import { runPanelEditorFlow } from './panel-editor';

const PACKAGE = 'n8n-nodes-socialhub';
const EMAIL = 'owner@socialhub.test';
const PASSWORD = 'E2e-Passw0rd!';
const PORTS = [5950, 5960]; // + 1: task-runner broker, + 2: `n8n execute`
/** A loopback address nothing listens on: n8n must refuse it for the licence before trying it. */
const LOOPBACK_REGISTRY = 'http://127.0.0.1:4390';

function argument(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? undefined : process.argv[index + 1];
}

const offline = process.argv.includes('--offline');
const withEditor = process.argv.includes('--editor');
const version =
	argument('version') ?? process.env.SOCIALHUB_PACKAGE_VERSION ?? (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

const installBody = { name: `${PACKAGE}@${version}` };

interface Leg {
	label: string;
	registry?: string;
	/** What an offline stop at the install step must say to count as the expected one. */
	expectedStop: RegExp;
}

const legs: Leg[] = offline
	? [
			{
				label: 'n8n’s default registry (registry.npmjs.org)',
				expectedStop: /does not exist|not found|E404|404|could not be found|ENOTFOUND|EAI_AGAIN|getaddrinfo|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|network/i,
			},
			{ label: `a loopback registry (${LOOPBACK_REGISTRY})`, registry: LOOPBACK_REGISTRY, expectedStop: /licen[cs]e does not allow|customRegistry/i },
		]
	: [{ label: argument('registry') ? `registry ${argument('registry')}` : 'n8n’s default registry', registry: argument('registry'), expectedStop: /$^/ }];

type Step = 'install' | 'list' | 'types' | 'workflow' | 'uninstall';

class Stop extends Error {
	constructor(
		readonly step: Step,
		message: string,
	) {
		super(message);
	}
}

async function runLeg(leg: Leg, port: number, sandbox: SocialHubSandbox, checks: Checks, artifacts: string, editor: boolean) {
	checks.log(`\n— ${leg.label}: ${PACKAGE}@${version} through the Community Nodes panel's endpoint`);
	const userFolder = mkdtempSync(join(tmpdir(), 'socialhub-panel-n8n-'));
	let n8n: N8nProcess | undefined;
	try {
		const env = {
			...n8nEnvironment(userFolder, port),
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			...(leg.registry ? { N8N_COMMUNITY_PACKAGES_REGISTRY: leg.registry } : {}),
		};
		const started = Date.now();
		n8n = await startN8nMain(env, port, join(artifacts, `n8n-${port}.log`), `n8n (${leg.label})`);
		checks.time(`start n8n for ${leg.label}`, Date.now() - started);
		const rest = new N8nRest(n8n.url);
		await rest.setUpOwner(EMAIL, PASSWORD);

		const at = Date.now();
		const installed = await rest.call<{ packageName?: string; installedVersion?: string; installedNodes?: Array<{ type: string }>; message?: string }>(
			'POST', '/rest/community-packages', installBody,
		);
		checks.time(`POST /rest/community-packages (${leg.label})`, Date.now() - at);
		if (installed.status !== 200) {
			const message = String((installed.data as { message?: string })?.message ?? JSON.stringify(installed.data));
			throw new Stop('install', `POST /rest/community-packages answered HTTP ${installed.status}: ${message}`);
		}
		checks.check(installed.data.packageName === PACKAGE, '1. POST /rest/community-packages installed the package', `${installed.data.packageName}@${installed.data.installedVersion}`);

		const listed = await rest.call<Array<{ packageName: string; installedVersion: string }>>('GET', '/rest/community-packages');
		const entry = listed.data.find((item) => item.packageName === PACKAGE);
		if (!checks.check(entry?.installedVersion === version, '2. GET /rest/community-packages lists it at that version', JSON.stringify(entry))) {
			throw new Stop('list', 'the installed package is not listed');
		}

		const nodeTypes = (await rest.call<Array<{ name: string }>>('GET', '/types/nodes.json')).data.map((type) => type.name);
		const credentialTypes = (await rest.call<Array<{ name: string }>>('GET', '/types/credentials.json')).data.map((type) => type.name);
		const typesLoaded = [`${PACKAGE}.socialHub`, `${PACKAGE}.socialHubTool`].every((name) => nodeTypes.includes(name)) && credentialTypes.includes('socialHubApi');
		if (!checks.check(typesLoaded, '3. the node, its tool variant and the credential type load', (installed.data.installedNodes ?? []).map((node) => node.type).join(', '))) {
			throw new Stop('types', 'node or credential types missing after the install');
		}

		const sandboxUrl = sandbox.url;
		const credential = await rest.call<{ id: string }>('POST', '/rest/credentials', {
			name: 'SocialHub sandbox', type: 'socialHubApi', data: { baseUrl: sandboxUrl, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET },
		});
		const workflow = await rest.call<{ id: string }>('POST', '/rest/workflows', {
			name: 'Smoke: Adjust Member Points',
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'socialhub', name: 'SocialHub', type: `${PACKAGE}.socialHub`, typeVersion: 1, position: [220, 0],
					parameters: {
						resource: 'points', operation: 'adjustPoints', accountType: 2, accountCode: 'M0001', operationId: `smoke-${version}-${port}`,
						operationType: 6, pointValue: 7, pointDesc: 'Smoke test', effectiveEndTime: '2027-12-31T00:00:00', upgradeTierFlag: 0,
					},
					credentials: { socialHubApi: { id: credential.data.id, name: 'SocialHub sandbox' } },
				},
			],
			connections: { Start: { main: [[{ node: 'SocialHub', type: 'main', index: 0 }]] } },
			settings: { timezone: 'UTC' },
		});
		const before = sandbox.state.accounts.get('PA0001')?.balance ?? 0;
		sandbox.requests.length = 0;
		const run = (await executeWorkflow(userFolder, port, workflow.data.id)) as { status?: string };
		const adjustments = sandbox.apiRequests('/v1/points/adjustment');
		const after = sandbox.state.accounts.get('PA0001')?.balance ?? 0;
		if (!checks.check(run.status === 'success' && adjustments.length === 1 && after === before + 7, '4. a workflow with the node adjusts points in the sandbox', `${String(run.status)}, ${adjustments.length} request(s), balance ${before} → ${after}`)) {
			throw new Stop('workflow', 'the workflow did not adjust the points exactly once');
		}

		const removed = await rest.call('DELETE', `/rest/community-packages?name=${encodeURIComponent(PACKAGE)}`);
		const relisted = await rest.call<Array<{ packageName: string }>>('GET', '/rest/community-packages');
		if (!checks.check(removed.status === 200 && !relisted.data.some((item) => item.packageName === PACKAGE), '5. DELETE /rest/community-packages uninstalls it', `HTTP ${removed.status}, ${relisted.data.length} package(s) left`)) {
			throw new Stop('uninstall', 'the package is still installed');
		}
	} catch (error) {
		const step = error instanceof Stop ? error.step : 'install';
		const message = error instanceof Error ? error.message : String(error);
		if (error instanceof Stop && step === 'install' && offline && leg.expectedStop.test(message)) {
			checks.stoppedAsExpected(`stopped at step 1 (install) with ${leg.label}`, message.slice(0, 400));
		} else {
			checks.check(false, `${leg.label}: stopped at step ${step}`, error instanceof Stop ? message : ((error as Error).stack ?? message));
		}
	}
	if (editor && n8n) {
		checks.log('\nthe editor: Settings → Community nodes');
		try {
			const at = Date.now();
			const seen = await runPanelEditorFlow({ n8nUrl: n8n.url, email: EMAIL, password: PASSWORD, packageSpec: `${PACKAGE}@${version}`, artifacts, log: (line) => checks.log(line) });
			checks.time('editor: panel, dialog, Install', Date.now() - at);
			checks.check(/Install community nodes/.test(seen.dialogText) && seen.screenshots.length >= 2, 'the Community nodes panel opens the install dialog (screenshots)', seen.dialogText.slice(0, 160));
			checks.check(
				JSON.stringify(seen.installRequestBody) === JSON.stringify(installBody),
				'the Install button sends the same POST /rest/community-packages body as this script',
				JSON.stringify(seen.installRequestBody),
			);
			const answer = `HTTP ${seen.installStatus}: ${seen.installAnswer.slice(0, 300)}`;
			if (seen.installStatus === 200) checks.check(true, 'the panel installed the package', answer);
			else if (offline && leg.expectedStop.test(seen.installAnswer)) checks.stoppedAsExpected('the panel’s Install stops where the REST call stops', `${answer}; shown: ${seen.shownToUser.slice(0, 200)}`);
			else checks.check(false, 'the panel’s Install', answer);
		} catch (error) {
			checks.check(false, 'the editor flow completed', (error as Error).stack ?? String(error));
		}
	}
	await n8n?.stop();
	rmSync(userFolder, { recursive: true, force: true });
}

async function main() {
	const artifacts = artifactsFor('panel');
	const checks = new Checks(`Community Nodes panel smoke (${offline ? 'offline' : 'online'}): ${PACKAGE}@${version} into n8n ${n8nVersion()}`, artifacts);
	const sandbox = new SocialHubSandbox();
	stopAllOnSignals();
	try {
		await sandbox.start();
		for (const [index, leg] of legs.entries()) await runLeg(leg, PORTS[index], sandbox, checks, artifacts, withEditor && index === 0);
	} catch (error) {
		checks.check(false, 'the smoke run completed', (error as Error).stack ?? String(error));
	} finally {
		await stopAll();
		await sandbox.stop();
	}
	process.exit(checks.finish({ n8n: n8nVersion(), package: PACKAGE, version, offline }));
}

void main();
