#!/usr/bin/env node
/**
 * prepublishOnly's guard: this package is published only by .github/workflows/publish.yml, from
 * GitHub Actions with npm provenance, because n8n verifies only packages published that way.
 * A local `npm publish` is refused (publishConfig.provenance refuses it too, even with the
 * root .npmrc's ignore-scripts skipping this script).
 */
const fromActions = process.env.GITHUB_ACTIONS === 'true';
const withProvenance = process.env.npm_config_provenance === 'true';
const fromTag = (process.env.GITHUB_REF ?? '').startsWith('refs/tags/v');
// `npm pack` and `npm publish --dry-run` upload nothing; let them through.
const dryRun = process.env.npm_config_dry_run === 'true';

if (!dryRun && !(fromActions && withProvenance && fromTag)) {
	process.stderr.write(
		[
			'Refusing to publish from here: n8n-nodes-socialhub is published only by the Publish',
			'workflow on GitHub Actions (a pushed v* tag, npm provenance, trusted publishing).',
			'See README → Releasing.',
			`(GITHUB_ACTIONS=${process.env.GITHUB_ACTIONS ?? ''}, ` +
				`provenance=${process.env.npm_config_provenance ?? ''}, ref=${process.env.GITHUB_REF ?? ''})`,
			'',
		].join('\n'),
	);
	process.exit(1);
}
