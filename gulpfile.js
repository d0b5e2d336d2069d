const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc compiles the TypeScript; the node's and credential's icons and codex files are copied as they are.
function copyFrom(folder, pattern) {
	return () =>
		src(path.resolve(folder, '**', pattern), { encoding: false }).pipe(dest(path.resolve('dist', folder)));
}

task('build:icons', parallel(copyFrom('nodes', '*.{png,svg,json}'), copyFrom('credentials', '*.{png,svg}')));
