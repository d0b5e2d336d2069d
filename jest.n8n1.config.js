/**
 * The same suite against n8n 1.x's engine (n8n-core 1.122, n8n-workflow 1.120), installed in
 * test/n8n1: every import of n8n-core or n8n-workflow, ours and the engine's own, resolves there.
 */
const base = require('./jest.config');

module.exports = {
	...base,
	testPathIgnorePatterns: ['/node_modules/', '/test/n8n1/'],
	// n8n-core 1.x leaves an SSH-clients cleanup interval running; this closes it.
	setupFilesAfterEnv: ['<rootDir>/test/n8n1/close-engine.js'],
	moduleNameMapper: {
		'^(n8n-core|n8n-workflow)(/.*)?$': '<rootDir>/test/n8n1/node_modules/$1$2',
	},
};
