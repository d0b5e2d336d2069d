/**
 * A burst from another process, as n8n would send one: `count` GET requests at once, each on its
 * own connection (no agent). Prints what came back as JSON: the count per HTTP status, the socket
 * errors, and how long after the start the first HTTP 200 arrived (ms).
 *   node -r ts-node/register/transpile-only test/sandbox/burstClient.ts <url> <token> <path> <count>
 */
import { raw } from './client';

/** What the burst received. */
export interface BurstResult {
	statuses: Record<string, number>;
	errors: string[];
	firstHandledMs: number;
}

async function main() {
	const [url, accessToken, path, count] = process.argv.slice(2);
	const started = Date.now();
	const outcomes = await Promise.allSettled(
		Array.from({ length: Number(count) }, () => raw(url, 'GET', path, { Authorization: accessToken }).then((answer) => ({ status: answer.status, ms: Date.now() - started }))),
	);
	const result: BurstResult = { statuses: {}, errors: [], firstHandledMs: Infinity };
	for (const outcome of outcomes) {
		if (outcome.status === 'rejected') {
			result.errors.push(String((outcome.reason as NodeJS.ErrnoException).code ?? outcome.reason));
			continue;
		}
		const { status, ms } = outcome.value;
		result.statuses[status] = (result.statuses[status] ?? 0) + 1;
		if (status === 200) result.firstHandledMs = Math.min(result.firstHandledMs, ms);
	}
	process.stdout.write(JSON.stringify(result));
}

void main();
