/**
 * `npm run sandbox -- <flags>`: the limit flags reach the running sandbox, its start says which
 * limits are active, and a value it does not take stops it before it listens.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Runs the CLI until it prints its start (then stops it) or exits; what it wrote and its exit code. */
function runCli(args: string[]): Promise<{ stdout: string; stderr: string; code: number | null; url?: string; limits?: unknown }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'sandbox/cli.ts', '--port', '0', ...args], { cwd: root });
		let stdout = '';
		let stderr = '';
		let limits: unknown;
		let started = false;
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (started || !stdout.includes('Stop with Ctrl+C')) return;
			started = true;
			const url = /listening on (\S+)/.exec(stdout)?.[1];
			void fetch(`${url}/__sandbox/limits`)
				.then(async (response) => (limits = await response.json()))
				.finally(() => child.kill('SIGTERM'));
		});
		child.on('error', reject);
		child.on('exit', (code) => resolve({ stdout, stderr, code, url: /listening on (\S+)/.exec(stdout)?.[1], limits }));
	});
}

it('passes every limit flag to the sandbox and prints the active limits', async () => {
	const run = await runCli([
		'--max-concurrent', '50', '--rate-limit', '100', '--retry-after', 'date', '--throttle-status', '503',
		'--throttle-in-body', '--throttle-code', '10029', '--reset-beyond', '200', '--no-limit-token-endpoint', '--big-ids',
	]);
	expect(run.limits).toEqual({
		maxConcurrent: 50, rateLimit: 100, retryAfter: 'date', throttleStatus: 503, throttleInBody: true,
		throttleCode: '10029', resetBeyond: 200, limitTokenEndpoint: false, bigIds: true,
	});
	expect(run.stdout).toContain(
		'Limits: at most 50 requests at once; 100 requests per second (1-second windows); beyond: HTTP 200, code 10029, ' +
			'Retry-After date; token endpoint not limited; connections beyond 200 reset; record IDs as 64-bit JSON numbers.',
	);
}, 20_000);

it('says when no limit is active; --retry-after takes whole seconds', async () => {
	expect((await runCli([])).stdout).toContain('Limits: none.');
	expect((await runCli(['--max-concurrent', '2', '--retry-after', '5'])).limits).toEqual({ maxConcurrent: 2, retryAfter: 5 });
}, 20_000);

it.each([
	[['--max-concurrent', '0'], '--max-concurrent must be a whole number ≥ 1, not 0'],
	[['--rate-limit', 'fast'], '--rate-limit must be a whole number ≥ 1 (requests per second), not "fast"'],
	[['--retry-after', 'soon'], '--retry-after must be whole seconds ≥ 0, "none" or "date", not "soon"'],
	[['--reset-beyond'], '--reset-beyond must be a whole number ≥ 0 (open connections), not ""'],
	[['--max-concurent', '3'], 'The sandbox does not know "--max-concurent", "3".'],
])('refuses %p before listening (exit code 2)', async (args, message) => {
	const run = await runCli(args);
	expect(run.code).toBe(2);
	expect(run.stderr).toContain(message);
	expect(run.url).toBeUndefined();
}, 20_000);
