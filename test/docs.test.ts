/**
 * The documents a newcomer follows name only files that exist: CONTRIBUTING.md and the README's
 * Layout. A path is looked up from the repository, from nodes/SocialHub/ and its folders, and from
 * test/ (the places CONTRIBUTING's tree and request map speak from).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const bases = ['', 'nodes/SocialHub', 'nodes/SocialHub/shared', 'nodes/SocialHub/transport', 'nodes/SocialHub/v2', 'nodes/SocialHub/resources', 'test'];
/** Files the docs name as an example of something to add, not as something that exists. */
const EXAMPLES = ['getTierHistory', 'tierHistory'];

/** Every file or folder path a document names: `a/b.ts`, `dir/`, `name.ts`. */
function pathsIn(text: string): string[] {
	const found = text.match(/[\w.-]+(?:\/[\w.<>-]+)*\/?(?:\.(?:ts|mjs|md|json|sh))?/g) ?? [];
	return [...new Set(found)]
		.filter((path) => /\.(ts|mjs|md|json|sh)$/.test(path) || (path.endsWith('/') && path.length > 2))
		.filter((path) => !path.includes('<') && !path.startsWith('.') && !EXAMPLES.some((example) => path.includes(example)))
		.filter((path) => !/^(https?|e\.g|i\.e)/.test(path));
}

const exists = (path: string) => bases.some((base) => existsSync(join(root, base, path)));

function section(text: string, heading: string): string {
	const start = text.indexOf(heading);
	const end = text.indexOf('\n## ', start + heading.length);
	return text.slice(start, end === -1 ? undefined : end);
}

describe('docs name only files that exist', () => {
	it.each([
		['CONTRIBUTING.md', readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8')],
		["the README's Layout", section(readFileSync(join(root, 'README.md'), 'utf8'), '### Layout')],
	])('%s', (_what, text) => {
		const paths = pathsIn(text);
		expect(paths.length).toBeGreaterThan(20);
		expect(paths.filter((path) => !exists(path))).toEqual([]);
	});

	it('would notice a file that is gone', () => {
		expect(pathsIn('see `transport/token.ts` and shared/fields.ts').filter((path) => !exists(path))).toEqual(['transport/token.ts']);
	});
});
