/**
 * n8n-core 1.x's SSHClientsManager (created with the first node execution context) starts a
 * 60 s cleanup interval that is never unref'd, so jest would wait for it. Shut it down the way
 * n8n does on exit. Each test file has its own module registry, hence its own manager.
 */
const path = require('node:path');

afterAll(() => {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	const { Container } = require(require.resolve('@n8n/di', { paths: [coreDir] }));
	const { SSHClientsManager } = require(
		path.join(coreDir, 'dist', 'execution-engine', 'ssh-clients-manager.js'),
	);
	Container.get(SSHClientsManager).onShutdown();
});
