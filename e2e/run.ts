/**
 * `npm run test:e2e`: the package inside a real n8n, on each release line the e2e installs (2.x in
 * e2e/n8n, 1.x in e2e/n8n1). Packs it once; per line: installs it the way the community nodes panel
 * does, starts n8n and a SocialHub sandbox on 127.0.0.1, and runs the same checks through n8n's
 * REST API and `n8n execute` — node and credential types load, the credential test's verdicts
 * (e2e/credential-checks.ts), every workflow in e2e/workflows/ against its expectation file, the
 * examples/ templates run as a user runs them (e2e/examples.ts; the agent one over MCP), the
 * credential refusing other origins in n8n's HTTP Request node (e2e/origin.ts), the three outcomes
 * of a run of many items and exact 64-bit IDs (e2e/runOutcomes.ts). On 2.x also thousands of items
 * against a limited SocialHub and from an n8n limited to 1,024 open files (e2e/scale.ts), and the
 * editor in headless Chromium (e2e/editor.ts, e2e/editorRefusals.ts). Screenshots, n8n's logs, executions and
 * a summary go to e2e/artifacts/. Exits non-zero on any failed check.
 *
 * E2E_N8N_LINES="2" (or "1") runs one line only; E2E_PORT sets the first port (5800-5889);
 * E2E_SCALE_ITEMS (default 2,000) the items of each limited run in e2e/scale.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SocialHubSandbox } from '../sandbox/server';
import { SandboxState } from '../sandbox/state';
import { checkCredentialTests } from './credential-checks';
import { checkEditor } from './editorChecks';
import { checkExamples } from './examples';
import { latestExecution } from './executions';
import { checkRun, loadWorkflowCases, withCredential, type ExecutionOutput, type WorkflowJson } from './expectations';
import {
	N8N_LINES,
	N8nRest,
	executeWorkflow,
	installLikeThePanel,
	n8nVersion,
	packPackage,
	startN8n,
	type ExecuteOptions,
	type N8nLine,
	type RunningN8n,
} from './n8n';
import { checkOrigins } from './origin';
import { checkRunOutcomes } from './runOutcomes';
import { checkScale } from './scale';

const artifacts = join(__dirname, 'artifacts');
const EMAIL = 'owner@socialhub.test';
const PASSWORD = 'E2e-Passw0rd!';
// Each line uses three ports: n8n, its task broker, and `n8n execute`'s broker.
const FIRST_PORT = Number(process.env.E2E_PORT ?? 5800 + 10 * Math.floor(Math.random() * 9));
const major = (line: N8nLine) => line.label.split('.')[0];
const wantedLines = (process.env.E2E_N8N_LINES ?? '1 2').split(/[\s,]+/).filter(Boolean);
const lines = N8N_LINES.filter((line) => wantedLines.includes(major(line)));

interface CheckResult {
	check: string;
	ok: boolean;
	detail: string;
}

interface LineReport {
	line: string;
	n8n: string;
	seconds: number;
	results: CheckResult[];
}

const log = (line: string) => process.stdout.write(`${line}\n`);

/** The same checks on one n8n release line; returns what passed and failed. */
async function checkLine(line: N8nLine, tarball: string, port: number): Promise<LineReport> {
	const started = Date.now();
	const version = n8nVersion(line);
	const results: CheckResult[] = [];
	const check = (ok: boolean, what: string, detail = '') => {
		results.push({ check: what, ok, detail });
		log(`${ok ? '✔' : '✘'} [${version}] ${what}${detail ? ` — ${detail}` : ''}`);
	};
	const lineArtifacts = join(artifacts, `n8n-${version}`);
	mkdirSync(lineArtifacts, { recursive: true });
	const userFolder = mkdtempSync(join(tmpdir(), `socialhub-e2e-n8n-${line.label}-`));
	const sandbox = new SocialHubSandbox();
	let n8n: RunningN8n | undefined;
	try {
		installLikeThePanel(userFolder, tarball);
		const sandboxUrl = await sandbox.start();
		log(`\n== n8n ${version} (${line.label}) on port ${port}, sandbox on ${sandboxUrl}`);
		n8n = await startN8n(userFolder, port, join(lineArtifacts, 'n8n.log'), line);
		log(`n8n ${version} ready after ${((Date.now() - started) / 1000).toFixed(0)} s`);

		const rest = new N8nRest(n8n.url);
		await rest.setUpOwner(EMAIL, PASSWORD);

		type NodeType = { name: string; version: number | number[] };
		const nodeTypes = (await rest.call<NodeType[]>('GET', '/types/nodes.json')).data;
		const node = nodeTypes.find((type) => type.name === 'n8n-nodes-socialhub.socialHub');
		check(
			Boolean(node),
			'installed like the panel does, n8n loaded the SocialHub node type',
			node ? `version ${JSON.stringify(node.version)}` : 'missing',
		);
		const credentialTypes = (await rest.call<NodeType[]>('GET', '/types/credentials.json')).data;
		check(
			credentialTypes.some((type) => type.name === 'socialHubApi'),
			'n8n loaded the SocialHub API credential type',
		);

		const { credential, checkStoredToken } = await checkCredentialTests(rest, sandbox, check);

		/** Saves a workflow through REST (what pasting an export keeps) and runs it with `n8n execute`. */
		const execute = async (name: string, workflow: Record<string, unknown>, options?: ExecuteOptions) => {
			// An export's id, tags or active flag would make the REST API import or activate it instead.
			const { name: title, nodes, connections, settings } = workflow;
			const body = {
				name: title,
				nodes,
				connections,
				settings,
				...(line.quirks.workflowNeedsActive ? { active: false } : {}),
			};
			const saved = await rest.call<{ id: string }>('POST', '/rest/workflows', body);
			if (saved.status !== 200) {
				const answer = JSON.stringify(saved.data).slice(0, 300);
				throw new Error(`n8n refused to save ${name}: HTTP ${saved.status} ${answer}`);
			}
			const printed = await executeWorkflow(userFolder, port, saved.data.id, line, options);
			const output = options?.quiet ? await latestExecution(rest, saved.data.id, line) : (printed as ExecutionOutput);
			const outputFile = join(lineArtifacts, `${name.replace(/\.json$/, '')}.execution.json`);
			writeFileSync(outputFile, JSON.stringify(output, null, 2));
			return output;
		};
		/** Runs a workflow (bound to the credential) on fresh sandbox data. */
		const run = async (name: string, workflow: WorkflowJson, options?: ExecuteOptions): Promise<ExecutionOutput> => {
			sandbox.state = new SandboxState(sandbox.options.seed);
			// Records created in the run get 64-bit IDs when the limits ask for them; the seed's keep theirs.
			sandbox.state.bigIds = Boolean(sandbox.options.bigIds);
			sandbox.requests.length = 0;
			return await execute(name, withCredential(workflow, credential), options);
		};

		for (const { file, workflow, expectation } of loadWorkflowCases()) {
			if (expectation.lines && !expectation.lines.includes(major(line))) continue;
			const what = `e2e/workflows/${file}: ${expectation.about}`;
			try {
				const output = await run(file, workflow);
				const { requests, issuedTokens } = sandbox;
				const state = sandbox.state.snapshot();
				const problems = checkRun(expectation, output, requests, issuedTokens, state);
				check(problems.length === 0, what, problems.join('; '));
			} catch (error) {
				check(false, what, (error as Error).message);
			}
		}

		// The credential test stores no token (it is the node's testedBy): the workflows above did.
		await checkStoredToken();

		await checkExamples({ line, rest, n8nUrl: n8n.url, sandbox, credential, artifacts: lineArtifacts, check });

		await checkOrigins({ line, rest, sandbox, credential, execute, check });
		await checkRunOutcomes({ line, sandbox, credential, run, check });
		if (line.scale) await checkScale({ line, sandbox, credential, run, check });

		if (line.editor) {
			log(`the editor of n8n ${version} in headless Chromium`);
			const editor = { line, rest, sandbox, n8nUrl: n8n.url, email: EMAIL, password: PASSWORD, artifacts: lineArtifacts };
			await checkEditor({ ...editor, credentialName: credential.name, log, check });
		}
	} catch (error) {
		check(false, 'the end-to-end run completed', (error as Error).stack ?? String(error));
	} finally {
		await n8n?.stop();
		await sandbox.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
	const seconds = Math.round((Date.now() - started) / 1000);
	return { line: line.label, n8n: version, seconds, results };
}

async function main() {
	const started = Date.now();
	rmSync(artifacts, { recursive: true, force: true });
	mkdirSync(artifacts, { recursive: true });
	if (lines.length === 0) {
		throw new Error(`E2E_N8N_LINES="${wantedLines.join(' ')}" names no known line (1, 2)`);
	}
	log('packing the package (installed per line the way the community nodes panel does)');
	const tarball = packPackage();
	const reports: LineReport[] = [];
	try {
		for (const [index, line] of lines.entries()) {
			reports.push(await checkLine(line, tarball, FIRST_PORT + 5 * index));
		}
	} finally {
		rmSync(tarball);
	}
	const seconds = Math.round((Date.now() - started) / 1000);
	const summary = { seconds, lines: reports };
	writeFileSync(join(artifacts, 'summary.json'), JSON.stringify(summary, null, 2));
	log('');
	for (const report of reports) {
		const passed = report.results.filter((result) => result.ok).length;
		log(`n8n ${report.n8n}: ${passed}/${report.results.length} checks (${report.seconds} s)`);
	}
	const failed = reports.flatMap((report) => report.results).filter((result) => !result.ok).length;
	const verdict = failed ? `${failed} end-to-end check(s) failed` : 'all end-to-end checks passed';
	log(`${verdict} in ${seconds} s`);
	process.exit(failed === 0 ? 0 : 1);
}

void main().catch((error: Error) => {
	process.stderr.write(`e2e failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
