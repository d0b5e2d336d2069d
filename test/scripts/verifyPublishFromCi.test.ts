/** prepublishOnly's guard: only the Publish workflow (GitHub Actions, provenance, v* tag) may publish. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const guard = join(__dirname, '..', '..', 'scripts', 'verify-publish-from-ci.mjs');
const ci = { GITHUB_ACTIONS: 'true', GITHUB_REF: 'refs/tags/v0.2.0', npm_config_provenance: 'true' };

function runGuard(env: Record<string, string>) {
	const clean = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !/^(GITHUB_|npm_config_(provenance|dry_run))/.test(name)),
	);
	return spawnSync(process.execPath, [guard], { env: { ...clean, ...env }, encoding: 'utf8' });
}

describe('publish guard', () => {
	it('lets the Publish workflow through', () => {
		expect(runGuard(ci).status).toBe(0);
	});

	it.each([
		['a local publish', {}],
		['GitHub Actions without provenance', { ...ci, npm_config_provenance: '' }],
		['GitHub Actions on a branch', { ...ci, GITHUB_REF: 'refs/heads/main' }],
		['provenance outside GitHub Actions', { ...ci, GITHUB_ACTIONS: '' }],
	])('refuses %s', (_what, env) => {
		const result = runGuard(env);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Refusing to publish from here');
	});

	it('lets a dry run through', () => {
		expect(runGuard({ npm_config_dry_run: 'true' }).status).toBe(0);
	});
});
