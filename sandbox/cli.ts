/**
 * `npm run sandbox -- <flags>`: SocialHub's API on 127.0.0.1 for local development.
 *   --port 4010 (or SOCIALHUB_SANDBOX_PORT)   --app-id / --app-secret   --token-ttl <seconds>
 *   --reject-tokens-in-body (answer a bad token with HTTP 200 + code 401, like some deployments)
 *   --latency-ms <ms> (answer every API call that much later, like a distant server)
 * Flags need npm's `--`: without it npm takes `--port` for itself and passes on only its value.
 */
import { SocialHubSandbox } from './server';

function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? undefined : process.argv[index + 1];
}

const VALUE_FLAGS = ['port', 'app-id', 'app-secret', 'token-ttl', 'latency-ms'];
const SWITCHES = ['reject-tokens-in-body'];

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
	const sandbox = new SocialHubSandbox({
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
			`Inspect: ${url}/__sandbox/requests, ${url}/__sandbox/state. Stop with Ctrl+C.`,
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
