const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

// tsc compiles the TypeScript; the node's and credential's icons and codex files are copied as they are.
function copyIcons() {
	const nodeSource = path.resolve('nodes', '**', '*.{png,svg,json}');
	const nodeDestination = path.resolve('dist', 'nodes');
	return src(nodeSource, { encoding: false }).pipe(dest(nodeDestination));
}
