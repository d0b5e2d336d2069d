/**
 * `npm run dev`: the SocialHub sandbox and a real n8n editor with this package loaded, a credential
 * pointing at the sandbox and the example workflows imported. Ctrl+C stops both.
 * State (n8n's database, the owner account) persists in .n8n-dev/ between runs.
 * Ports: N8N_PORT (5678; n8n's task broker takes the next port), SOCIALHUB_SANDBOX_PORT (4010).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

import { SocialHubSandbox } from '../sandbox/server';
import { N8nRest, installLikeThePanel, n8nVersion, packPackage, root, startN8n } from './n8n';

const userFolder = join(root, '.n8n-dev');
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SOCIALHUB_SANDBOX_PORT ?? 4010);
const EMAIL = 'dev@socialhub.local';
const PASSWORD = 'SocialHub-dev1';
const CREDENTIAL_NAME = 'SocialHub sandbox';
/** The bearer token of examples/points-balance-agent-tools.json's MCP Server Trigger, here. */
const MCP_TOKEN_NAME = 'Support chat MCP token';
const MCP_TOKEN = 'socialhub-dev-mcp-token';

/**
 * The installed package finds n8n-workflow by walking up from .n8n-dev/.n8n/nodes: inside this
 * repository it would reach the repository's own copy (a dev dependency), not n8n's, and n8n would
 * not recognise the node's errors as its own (the error view then shows "Error code: none" and
 * loses SocialHub's code). A link in .n8n-dev/node_modules makes the walk end at n8n's copy, as a
 * real install in ~/.n8n/nodes gets it from n8n.
 */
function linkN8nWorkflow() {
	const link = join(userFolder, 'node_modules', 'n8n-workflow');
	rmSync(link, { force: true });
	mkdirSync(join(userFolder, 'node_modules'), { recursive: true });
	symlinkSync(join(__dirname, 'n8n', 'node_modules', 'n8n-workflow'), link, 'dir');
}

const say = (line: string) => process.stdout.write(`${line}\n`);

/** What to stop on Ctrl+C, newest first; Ctrl+C also reaches n8n itself (same process group). */
const running: Array<() => Promise<void>> = [];
let stopping = false;

async function stop(signal: string) {
	if (stopping) return;
	stopping = true;
	say(`\n${signal}: stopping n8n and the sandbox ...`);
	for (const stopOne of running.reverse()) await stopOne().catch(() => undefined);
	say('stopped.');
	process.exit(0);
}

async function main() {
	process.on('SIGINT', () => void stop('Ctrl+C'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
	mkdirSync(userFolder, { recursive: true });
	say('installing the freshly built package into .n8n-dev (as the community nodes panel does) ...');
	const tarball = packPackage();
	installLikeThePanel(userFolder, tarball);
	rmSync(tarball);
	linkN8nWorkflow();
	const sandbox = new SocialHubSandbox();
	const sandboxUrl = await sandbox.start(SANDBOX_PORT);
	running.push(() => sandbox.stop());
	say(`SocialHub sandbox on ${sandboxUrl}`);
	say(`starting n8n ${n8nVersion()} on port ${N8N_PORT} (20-30 s) ...`);
	const n8n = await startN8n(userFolder, N8N_PORT, join(userFolder, 'n8n.log'));
	running.push(() => n8n.stop());
	n8n.process.once('exit', (code) => {
		if (stopping) return;
		say(`n8n exited on its own (code ${String(code)}); see ${join(userFolder, 'n8n.log')}. Stopping the sandbox.`);
		void sandbox.stop().then(() => process.exit(1));
	});

	const rest = new N8nRest(n8n.url);
	await rest.setUpOwner(EMAIL, PASSWORD);
	const data = { baseUrl: sandboxUrl, appId: sandbox.options.appId, appSecret: sandbox.options.appSecret };
	const credentials = (await rest.call<Array<{ id: string; name: string }>>('GET', '/rest/credentials')).data;
	let credential = credentials.find((c) => c.name === CREDENTIAL_NAME);
	if (credential) {
		await rest.call('PATCH', `/rest/credentials/${credential.id}`, { name: CREDENTIAL_NAME, type: 'socialHubApi', data: { ...data, accessToken: '' } });
	} else {
		credential = (await rest.call<{ id: string; name: string }>('POST', '/rest/credentials', { name: CREDENTIAL_NAME, type: 'socialHubApi', data })).data;
	}

	const bearer = credentials.find((c) => c.name === MCP_TOKEN_NAME) ??
		(await rest.call<{ id: string; name: string }>('POST', '/rest/credentials', { name: MCP_TOKEN_NAME, type: 'httpBearerAuth', data: { token: MCP_TOKEN } })).data;
	const bound = { socialHubApi: { id: credential.id, name: CREDENTIAL_NAME }, httpBearerAuth: { id: bearer.id, name: MCP_TOKEN_NAME } };

	const existing = new Set((await rest.call<Array<{ name: string }>>('GET', '/rest/workflows')).data.map((w) => w.name));
	for (const file of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.json'))) {
		const workflow = JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')) as {
			name: string;
			nodes: Array<{ credentials?: Record<string, { id: string; name: string }> }>;
		};
		if (existing.has(workflow.name)) continue;
		for (const node of workflow.nodes) {
			for (const type of Object.keys(node.credentials ?? {}) as Array<keyof typeof bound>) node.credentials![type] = bound[type];
		}
		const saved = await rest.call('POST', '/rest/workflows', workflow);
		say(saved.status === 200 ? `imported ${file}` : `could not import ${file}: HTTP ${saved.status} ${JSON.stringify(saved.data).slice(0, 200)}`);
	}

	say('');
	say(`n8n is ready: ${n8n.url}  (sign in as ${EMAIL} / ${PASSWORD})`);
	say(`The "${CREDENTIAL_NAME}" credential points at the sandbox; the example workflows are in your workflows list (examples/README.md).`);
	say(`Published, the agent example answers at ${n8n.url}/mcp/socialhub-support with "Authorization: Bearer ${MCP_TOKEN}".`);
	say(`n8n's log: ${join(userFolder, 'n8n.log')}. Stop with Ctrl+C.`);
}

void main().catch((error: Error) => {
	// Ctrl+C during start-up stops n8n before it is ready: that is a stop, not a failure.
	if (stopping) return;
	process.stderr.write(`npm run dev failed: ${error.message}\n`);
	process.exit(1);
});
