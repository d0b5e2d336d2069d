/**
 * `npm run sandbox -- <flags>`: SocialHub's API on 127.0.0.1 for local development.
 *   --port 4010 (or SOCIALHUB_SANDBOX_PORT)   --app-id / --app-secret   --token-ttl <seconds>
 *   --reject-tokens-in-body (answer a bad token with HTTP 200 + code 401, like some deployments)
 *   --latency-ms <ms> (answer every API call that much later, like a distant server)
 * A gateway's limits (see SandboxLimits; GET/POST /__sandbox/limits changes them while it runs):
 *   --max-concurrent <n>   --rate-limit <per second>   --retry-after <s>|none|date
 *   --throttle-status <status>   --throttle-in-body   --throttle-code <code>   --reset-beyond <connections>
 *   --no-limit-token-endpoint   --big-ids (record IDs as 64-bit JSON numbers)
 * Flags need npm's `--`: without it npm takes `--port` for itself and passes on only its value.
 */
import { describeLimits, mergeLimits, type SandboxLimits } from './limits';
import { SocialHubSandbox } from './server';

function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? undefined : process.argv[index + 1];
}

const LIMIT_FLAGS: Record<string, keyof SandboxLimits> = {
	'max-concurrent': 'maxConcurrent',
	'rate-limit': 'rateLimit',
	'retry-after': 'retryAfter',
	'throttle-status': 'throttleStatus',
	'throttle-code': 'throttleCode',
	'reset-beyond': 'resetBeyond',
};
const LIMIT_SWITCHES: Record<string, [keyof SandboxLimits, boolean]> = {
	'throttle-in-body': ['throttleInBody', true],
	'big-ids': ['bigIds', true],
	'no-limit-token-endpoint': ['limitTokenEndpoint', false],
};
const VALUE_FLAGS = ['port', 'app-id', 'app-secret', 'token-ttl', 'latency-ms', ...Object.keys(LIMIT_FLAGS)];
const SWITCHES = ['reject-tokens-in-body', ...Object.keys(LIMIT_SWITCHES)];

/** The limits the flags ask for; throws naming the flag whose value the sandbox does not take. */
function limitsFromFlags(): SandboxLimits {
	let limits: SandboxLimits = {};
	for (const [flag, field] of Object.entries(LIMIT_FLAGS)) {
		if (!process.argv.includes(`--${flag}`)) continue;
		const text = option(flag) ?? '';
		// --throttle-code stays text, as SocialHub sends codes; none/date stay words.
		const value = field === 'throttleCode' || text.trim() === '' || Number.isNaN(Number(text)) ? text : Number(text);
		try {
			limits = mergeLimits(limits, { [field]: value });
		} catch (error) {
			throw new Error((error as Error).message.replace(field, `--${flag}`));
		}
	}
	for (const [flag, [field, value]] of Object.entries(LIMIT_SWITCHES)) {
		if (process.argv.includes(`--${flag}`)) limits = mergeLimits(limits, { [field]: value });
	}
	return limits;
}

/** The arguments that are neither a known flag nor a known flag's value. */
function unknownArguments(args: string[]): string[] {
	const unknown: string[] = [];
	for (let index = 0; index < args.length; index++) {
		const name = args[index].replace(/^--/, '');
		if (args[index].startsWith('--') && VALUE_FLAGS.includes(name)) index++;
		else if (!(args[index].startsWith('--') && SWITCHES.includes(name))) unknown.push(args[index]);
	}
	return unknown;
}

async function main() {
	const unknown = unknownArguments(process.argv.slice(2));
	if (unknown.length > 0) {
		process.stderr.write(
			`The sandbox does not know ${unknown.map((arg) => `"${arg}"`).join(', ')}. ` +
				'Pass flags after npm\'s --, e.g. npm run sandbox -- --port 4021\n',
		);
		process.exit(2);
	}
	let limits: SandboxLimits;
	try {
		limits = limitsFromFlags();
	} catch (error) {
		process.stderr.write(`${(error as Error).message}\n`);
		process.exit(2);
	}
	const sandbox = new SocialHubSandbox({
		...limits,
		appId: option('app-id') ?? process.env.SOCIALHUB_SANDBOX_APP_ID,
		appSecret: option('app-secret') ?? process.env.SOCIALHUB_SANDBOX_APP_SECRET,
		tokenTtlSeconds: Number(option('token-ttl') ?? process.env.SOCIALHUB_SANDBOX_TOKEN_TTL ?? 7200),
		rejectTokensInBody: process.argv.includes('--reject-tokens-in-body'),
		latencyMs: Number(option('latency-ms') ?? 0),
	});
	const port = Number(option('port') ?? process.env.SOCIALHUB_SANDBOX_PORT ?? 4010);
	const url = await sandbox.start(port);
	const { appId, appSecret, tokenTtlSeconds } = sandbox.options;
	process.stdout.write(
		[
			`SocialHub sandbox listening on ${url}`,
			'',
			'Use it from n8n with a SocialHub API credential:',
			`  Base URL:   ${url}`,
			`  App ID:     ${appId}`,
			`  App Secret: ${appSecret}`,
			`Tokens live ${tokenTtlSeconds} s. Seed data: customer C0001 (+86 13800000001, alice@example.com),`,
			'member card M0001 in loyalty program LP001, points account PA0001 with 1000 points.',
			describeLimits(sandbox.limits()),
			`Inspect: ${url}/__sandbox/requests, ${url}/__sandbox/state, ${url}/__sandbox/stats, ${url}/__sandbox/limits. Stop with Ctrl+C.`,
			'',
		].join('\n'),
	);
	const stop = async () => {
		await sandbox.stop();
		process.stdout.write('\nsandbox stopped.\n');
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

void main().catch((error: Error) => {
	process.stderr.write(`The sandbox could not start: ${error.message}\n`);
	process.exit(1);
});
