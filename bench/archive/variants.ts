/**
 * Measures proposals without touching the node's sources: copies of the built dist/, patched,
 * installed as extra community packages in the same real n8n, run interleaved with ours, the
 * reference and the bare node (loopback, token stored, n8n's executionTime and process CPU).
 *
 *   node -r ts-node/register/transpile-only bench/archive/variants.ts [--rounds 4] [--items 500]
 *
 * Variants: dates (Intl.DateTimeFormat cached per time zone), trim (only the properties Adjust
 * Member Points shows: what one-file-per-operation could at best remove), and the three kinds
 * with a static Operation ID (no per-item expression: how much of the gap is n8n evaluating the
 * user's expression several times per item).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import axios from 'axios';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SocialHubSandbox } from '../../sandbox/server';
import { installLikeThePanel, packPackage } from '../../e2e/n8n';
import { createCredential, createWorkflow, idleCpuRate, installBenchPackage, registerInstalled, root, runWorkflow, startBenchN8n, type BenchN8n, type NodeUnderTest } from '../n8n';
import { NODES } from '../real';

const option = (name: string, fallback: string) => {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : process.argv[index + 1];
};
const ROUNDS = Number(option('rounds', '7'));
const ITEMS = Number(option('items', '500'));
const PORT = Number(option('port', '6050'));
/** Every run gets a new credential whose stored token is empty (a first run), instead of a stored token. */
const COLD = process.argv.includes('--cold');

/** One Intl.DateTimeFormat per distinct options (time zone included) instead of one per call. */
const DATES_HELPER = `const __formats = new Map();
function __format(options) {
	const key = JSON.stringify(options);
	let format = __formats.get(key);
	if (!format) __formats.set(key, (format = new Intl.DateTimeFormat('en-US', options)));
	return format;
}
`;

/** A patched copy of dist/ as its own community package (credentials stay with ours). */
function installVariant(userFolder: string, name: string, patch: (dist: string) => void): string {
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', name);
	mkdirSync(target, { recursive: true });
	cpSync(join(root, 'dist'), join(target, 'dist'), { recursive: true });
	writeFileSync(
		join(target, 'package.json'),
		JSON.stringify({ name, version: '0.0.1', keywords: ['n8n-community-node-package'], n8n: { n8nNodesApiVersion: 1, credentials: [], nodes: ['dist/nodes/SocialHub/SocialHub.node.js'] } }),
	);
	patch(join(target, 'dist'));
	registerInstalled(userFolder, name, '0.0.1');
	return `${name}.socialHub`;
}

function patchDates(dist: string) {
	const file = join(dist, 'nodes/SocialHub/shared/dates.js');
	const source = readFileSync(file, 'utf8');
	const patched = source.replace(/new Intl\.DateTimeFormat\('en-US', (\{[\s\S]*?\})\)/g, '__format($1)');
	if (patched === source) throw new Error('dates.js: no Intl.DateTimeFormat construction to patch');
	writeFileSync(file, patched.replace('"use strict";', `"use strict";\n${DATES_HELPER}`));
}

function patchTrim(dist: string) {
	const file = join(dist, 'nodes/SocialHub/SocialHub.node.js');
	appendFileSync(
		file,
		`
// bench variant: only the properties Adjust Member Points shows (and those without display rules)
{
	const Full = exports.SocialHub;
	const shown = (values, wanted) => !values || values.includes(wanted);
	exports.SocialHub = class SocialHubTrimmed extends Full {
		constructor() {
			super();
			this.description.properties = this.description.properties.filter((property) => {
				const show = property.displayOptions && property.displayOptions.show;
				if (!show) return true;
				return shown(show.resource, 'points') && shown(show.operation, 'adjustPoints');
			});
		}
	};
}
`,
	);
}

/**
 * Adjust Member Points without `routing.send` on its fields: the operation's preSend reads each
 * field once with getNodeParameter. RoutingNode then evaluates an expression field 3 times per
 * item (its two passes over the stored values, plus the read) instead of 4, and merges 9 fewer
 * routed options per pass.
 */
function patchUnrouted(dist: string) {
	const file = join(dist, 'nodes/SocialHub/SocialHub.node.js');
	appendFileSync(
		file,
		`
// bench variant: Adjust Member Points fields without routing; one preSend reads them
{
	const Full = exports.SocialHub;
	exports.SocialHub = class SocialHubUnrouted extends Full {
		constructor() {
			super();
			const names = [];
			for (const property of this.description.properties) {
				const show = property.displayOptions && property.displayOptions.show;
				if (!show || !show.operation || !show.operation.includes('adjustPoints')) continue;
				if (!property.routing || !property.routing.send || property.routing.send.type !== 'body') continue;
				if (show.operation.length !== 1) continue;
				names.push([property.name, property.routing.send.property, property.default]);
				delete property.routing;
			}
			const selector = this.description.properties.find((p) => p.name === 'operation' && p.options.some((o) => o.value === 'adjustPoints'));
			const option = selector.options.find((o) => o.value === 'adjustPoints');
			const readFields = async function (options) {
				options.body = options.body || {};
				for (const [name, target, fallback] of names) {
					const value = this.getNodeParameter(name, fallback);
					if (value !== '' && value !== undefined) options.body[target] = value;
				}
				return options;
			};
			option.routing.send.preSend = [readFields, ...option.routing.send.preSend];
		}
	};
}
`,
	);
}

async function main() {
	const started = performance.now();
	const userFolder = mkdtempSync(join(tmpdir(), 'socialhub-bench-variants-'));
	const sandbox = new SocialHubSandbox();
	let n8n: BenchN8n | undefined;
	try {
		const tarball = packPackage();
		installLikeThePanel(userFolder, tarball);
		rmSync(tarball);
		installBenchPackage(userFolder, join(root, 'bench/reference'));
		installBenchPackage(userFolder, join(root, 'bench/bare'));
		const datesType = installVariant(userFolder, 'n8n-nodes-socialhub-variant-dates', patchDates);
		const trimType = installVariant(userFolder, 'n8n-nodes-socialhub-variant-trim', patchTrim);
		const bothType = installVariant(userFolder, 'n8n-nodes-socialhub-variant-both', (dist) => {
			patchDates(dist);
			patchTrim(dist);
		});
		const unroutedType = installVariant(userFolder, 'n8n-nodes-socialhub-variant-unrouted', patchUnrouted);
		const allType = installVariant(userFolder, 'n8n-nodes-socialhub-variant-all', (dist) => {
			patchDates(dist);
			patchUnrouted(dist);
		});
		const allThreeType = installVariant(userFolder, 'n8n-nodes-socialhub-variant-all-three', (dist) => {
			patchDates(dist);
			patchUnrouted(dist);
			patchTrim(dist);
		});
		await sandbox.start(0);
		n8n = await startBenchN8n(userFolder, PORT, join(userFolder, 'n8n.log'));
		const idle = await idleCpuRate(n8n, 3);
		const token = ((await axios.post(`${sandbox.url}/v1/auth/token`, { appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET })).data as { data: { accessToken: string } }).data.accessToken;
		const credential = await createCredential(n8n.rest, 'variants', sandbox.url, token);
		const staticId = (node: NodeUnderTest): NodeUnderTest => ({ ...node, parameters: { ...node.parameters, operationId: 'static-operation-id' } });
		const kinds: Record<string, NodeUnderTest> = {
			ours: NODES.ours,
			'ours, dates cached': { ...NODES.ours, type: datesType },
			'ours, only Adjust Member Points properties': { ...NODES.ours, type: trimType },
			'ours, dates cached + only its properties': { ...NODES.ours, type: bothType },
			'ours, Adjust Member Points fields unrouted (read once in preSend)': { ...NODES.ours, type: unroutedType },
			'ours, dates cached + fields unrouted': { ...NODES.ours, type: allType },
			'ours, dates cached + fields unrouted + only its properties': { ...NODES.ours, type: allThreeType },
			reference: NODES.reference,
			bare: NODES.bare,
			'ours, static Operation ID': staticId(NODES.ours),
			'reference, static Operation ID': staticId(NODES.reference),
			'bare, static Operation ID': staticId(NODES.bare),
		};
		if (COLD) {
			for (const label of Object.keys(kinds)) if (label.includes('static') || label.includes('only its')) delete kinds[label];
		}
		const workflows: Record<string, string> = {};
		for (const [label, node] of Object.entries(kinds)) workflows[label] = await createWorkflow(n8n.rest, label, node, credential, ITEMS);
		let fresh = 0;
		const workflowFor = async (label: string) => {
			if (!COLD) return workflows[label];
			const empty = await createCredential(n8n!.rest, `cold ${fresh++}`, sandbox.url);
			return createWorkflow(n8n!.rest, `${label} cold`, kinds[label], empty, ITEMS);
		};
		const results: Record<string, Array<{ nodeMs: number; cpuMs: number; evaluations: number; evaluationMs: number }>> = {};
		for (const label of Object.keys(kinds)) await runWorkflow(n8n, workflows[label]); // warm-up: loads each package's code
		for (let round = 0; round < ROUNDS; round++) {
			// The order rotates each round, so no kind always runs right after the same other one.
			const labels = Object.keys(kinds);
			for (const label of [...labels.slice(round % labels.length), ...labels.slice(0, round % labels.length)]) {
				const run = await runWorkflow(n8n, await workflowFor(label));
				const received = sandbox.apiRequests('/v1/points/adjustment').filter((r) => String((r.body as { operationId?: string }).operationId).startsWith(`${run.executionId}-`));
				const complete = label.includes('static') || (received.length === ITEMS && received.every((r) => Object.keys(r.body as object).length >= 7));
				if (run.status !== 'success' || run.outputItems.length !== ITEMS || !complete) throw new Error(`${label}: ${run.status} ${run.error ?? ''} ${JSON.stringify(received[0]?.body)}`);
				(results[label] ??= []).push({ nodeMs: run.nodeMs, cpuMs: run.cpuMs - (idle * run.wallMs) / 1000, evaluations: run.evaluations, evaluationMs: run.evaluationMs });
			}
		}
		const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
		const oursMs = median(results.ours.map((r) => r.nodeMs));
		const oursCpu = median(results.ours.map((r) => r.cpuMs));
		process.stdout.write(`\n| ${ITEMS} items, real n8n, loopback, ${COLD ? 'EMPTY stored token (cold run)' : 'token stored'}; median of ${ROUNDS} interleaved (runs) | executionTime | vs ours | fastest run | CPU per item | vs ours | expressions per item | evaluation time per item |\n|---|---|---|---|---|---|---|---|\n`);
		for (const [label, runs] of Object.entries(results)) {
			const ms = median(runs.map((r) => r.nodeMs));
			const cpu = median(runs.map((r) => r.cpuMs));
			const fastest = Math.min(...runs.map((r) => r.nodeMs));
			process.stdout.write(`| ${label} | ${(ms / 1000).toFixed(2)} s (${runs.map((r) => (r.nodeMs / 1000).toFixed(2)).join(', ')}) | ${(ms / oursMs).toFixed(2)}× | ${(fastest / 1000).toFixed(2)} s | ${(cpu / ITEMS).toFixed(2)} ms | ${(cpu / oursCpu).toFixed(2)}× | ${(median(runs.map((r) => r.evaluations)) / ITEMS).toFixed(1)} | ${(median(runs.map((r) => r.evaluationMs)) / ITEMS).toFixed(2)} ms |\n`);
		}
		process.stdout.write(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
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
