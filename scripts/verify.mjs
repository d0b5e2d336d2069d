#!/usr/bin/env node
/**
 * `npm run verify`: n8n's own verification checks, run locally and offline.
 * Installs the tools in verify/ (their own lockfile, install scripts off) when its lockfile
 * changed, builds dist/ when it is missing or older than the sources, then runs verify/run.mjs.
 * `--rules-only` (what `npm run lint` runs after ESLint 8): only n8n's community-nodes rules on
 * the source, no build, no tarball.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = path.join(root, 'verify');

function run(command, args, cwd = root) {
	const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(dir, filter) {
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile() || !filter(entry.name)) continue;
		newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
	}
	return newest;
}

const lockfile = path.join(toolsDir, 'package-lock.json');
// A copy of the lockfile the tools were installed from (content, not time: a fresh checkout's
// lockfile is always newer than tools installed before it).
const stamp = path.join(toolsDir, 'node_modules', '.installed-lock');
const installed = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === fs.readFileSync(lockfile, 'utf8');
if (!installed) {
	console.log('verify: installing n8n’s verification tools into verify/ ...');
	// Install scripts off, as the root's .npmrc has it: on the command line, because under
	// `npm publish --ignore-scripts=false` (the Publish workflow) npm's exported config would
	// override verify/.npmrc.
	run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], toolsDir);
	fs.copyFileSync(lockfile, stamp);
}

const distMarker = path.join(root, 'dist', 'nodes', 'SocialHub', 'SocialHub.node.js');
const sources = ['nodes', 'credentials'].map((dir) => path.join(root, dir));
const isSource = (name) => /\.(ts|json|svg|png)$/.test(name);
const sourceTime = Math.max(...sources.map((dir) => newestMtime(dir, isSource)));
const rulesOnly = process.argv.includes('--rules-only');
if (!rulesOnly && (!fs.existsSync(distMarker) || fs.statSync(distMarker).mtimeMs < sourceTime)) {
	console.log('verify: dist/ is missing or older than the sources, building ...');
	run('npm', ['run', 'build', '--silent']);
}

run(process.execPath, [path.join(toolsDir, 'run.mjs'), ...process.argv.slice(2)]);
