/**
 * A burst from one client: 5,000 requests at once, each on its own connection, sent from another
 * process as n8n would send them. The sandbox accepts every connection (a large listen backlog),
 * handles at most `maxConcurrent` at once, keeps those open for `latencyMs`, and throttles the
 * rest: every request gets an answer, and the kernel drops no connection attempt.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { SocialHubSandbox } from '../../sandbox/server';
import type { BurstResult } from './burstClient';
import { token } from './client';

const BURST = 5000;
const sandbox = new SocialHubSandbox({ maxConcurrent: 50, latencyMs: 1500 });

/** Linux's count of connection attempts dropped because a listen backlog was full (whole host). */
function listenDrops(): number | undefined {
	if (!existsSync('/proc/net/netstat')) return undefined;
	const [names, values] = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((line) => line.startsWith('TcpExt:'));
	const index = names.split(' ').indexOf('ListenDrops');
	return index === -1 ? undefined : Number(values.split(' ')[index]);
}

beforeAll(() => sandbox.start());
afterAll(() => sandbox.stop());

it(`${BURST} concurrent requests against maxConcurrent 50: at most 50 handled at once, the rest throttled, none lost`, async () => {
	const accessToken = await token(sandbox);
	sandbox.clearRequests();
	const dropsBefore = listenDrops();
	const client = join(__dirname, 'burstClient.ts');
	const { stdout } = await promisify(execFile)(
		process.execPath,
		['-r', 'ts-node/register/transpile-only', client, sandbox.url, accessToken, '/v1/member/loyaltyprograms', String(BURST)],
		{ maxBuffer: 1 << 20 },
	);
	const result = JSON.parse(stdout) as BurstResult;
	// With Node's default backlog (511) the kernel drops SYNs here and the client resends them later.
	if (dropsBefore !== undefined) expect(listenDrops()).toBe(dropsBefore);
	expect(result.errors).toEqual([]);
	const handled = result.statuses['200'] ?? 0;
	const throttled = result.statuses['429'] ?? 0;
	expect(handled + throttled).toBe(BURST);
	expect(handled).toBeGreaterThanOrEqual(50);
	// A handled request was kept open for the whole latency.
	expect(result.firstHandledMs).toBeGreaterThanOrEqual(1500);
	expect(sandbox.stats()).toMatchObject({ requests: BURST, throttled, maxInFlight: 50, inFlight: 0 });
}, 60_000);
