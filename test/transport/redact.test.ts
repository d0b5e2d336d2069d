/**
 * Redaction (redact.ts): a gateway echoing a secret in another form (JSON-escaped, URL-encoded,
 * upper/lower-cased, base64) never shows it: not the App Secret, not the access token.
 */
import { resetProcessState } from '../../nodes/SocialHub/shared/processState';
import { redact, secretForms } from '../../nodes/SocialHub/transport/redact';
import { HostileServer, newEngine, ok } from '../support/hostile';

const SECRETS = ['Zx9"q\\w/e+r t&y=u%i?o#p', 'plainSecretValue123', 'ÄpfelSecret✓42', 'a'.repeat(3) + 'BcD/+=='];

type Encoder = [name: string, encode: (secret: string) => string];
const encoders: Encoder[] = [
	['as is', (s) => s],
	['JSON-escaped', (s) => JSON.stringify(s).slice(1, -1)],
	['JSON-escaped twice', (s) => JSON.stringify(JSON.stringify(s)).slice(1, -1)],
	['encodeURIComponent', (s) => encodeURIComponent(s)],
	['form-encoded (+ for space)', (s) => new URLSearchParams({ k: s }).toString().slice(2)],
	['encodeURIComponent, lower-case hex', (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
	['upper-cased', (s) => s.toUpperCase()],
	['lower-cased', (s) => s.toLowerCase()],
	['base64', (s) => Buffer.from(s).toString('base64')],
	['base64url', (s) => Buffer.from(s).toString('base64url')],
	['base64 without padding', (s) => Buffer.from(s).toString('base64').replace(/=+$/, '')],
	['base64 of appId:secret (Basic auth)', (s) => Buffer.from(`my-app:${s}`).toString('base64')],
	['base64 of x + secret', (s) => Buffer.from(`x${s}`).toString('base64')],
	['base64 of xy + secret + tail', (s) => Buffer.from(`xy${s}tail`).toString('base64url')],
];

/** The part of an encoding that can only come from the secret (base64 edges mix in neighbours). */
function leaks(text: string, secret: string, encode: (secret: string) => string): boolean {
	const encoded = encode(secret);
	const probe = encoded.length > 12 ? encoded.slice(4, -4) : encoded;
	return text.toLowerCase().includes(probe.toLowerCase());
}

describe('redact() catches the forms a secret takes', () => {
	for (const secret of SECRETS) {
		it.each(encoders)(`%s (secret ${JSON.stringify(secret).slice(0, 12)}…)`, (_name, encode) => {
			const text = `gateway said: <<${encode(secret)}>> end`;
			const result = redact(text, [secret]);
			expect(leaks(result, secret, encode)).toBe(false);
			expect(result).toContain('gateway said: <<');
		});
	}

	it('leaves text without secrets alone, and ignores secrets shorter than 4 characters', () => {
		expect(redact('nothing to hide here', ['abc', '', undefined, 42])).toBe('nothing to hide here');
		expect(secretForms('s3cr3t-value')).toContain(Buffer.from('s3cr3t-value').toString('base64'));
	});
});

describe('errors shown by the node never carry an encoded secret or token', () => {
	let form: (secret: string) => string = (s) => s;
	const APP_SECRET = 'Gw"9/+ secret&Key=77';
	const TOKEN = 'tok-SECRETtoken-4711';
	let echoTokenEndpoint = true;
	const server = new HostileServer((request) => {
		if (request.path === '/v1/auth/token') {
			if (echoTokenEndpoint) return { body: { code: '40001', msg: `bad keys in ${form(APP_SECRET)} / ${form(request.rawBody)}` } };
			return { body: ok({ accessToken: TOKEN, expiresIn: 7200 }) };
		}
		return {
			status: 502,
			body: { code: '502', msg: `upstream failed for ${form(String(request.authorization))} body=${form(request.rawBody)}` },
		};
	});
	beforeAll(async () => {
		await server.start();
	});
	afterAll(async () => {
		await server.stop();
	});
	beforeEach(() => resetProcessState());

	it.each(encoders)('token endpoint echoing the App Secret %s', async (_name, encode) => {
		form = encode;
		echoTokenEndpoint = true;
		const engine = newEngine();
		engine.setCredential({ baseUrl: server.url, appId: 'my-app', appSecret: APP_SECRET });
		const { error } = await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		expect(error?.message).toContain('SocialHub rejected the App ID and App Secret');
		const shown = JSON.stringify(error);
		expect(leaks(shown, APP_SECRET, encode)).toBe(false);
		expect(leaks(`${error?.message} ${error?.description}`, APP_SECRET, encode)).toBe(false);
	});

	it.each(encoders)('API endpoint echoing the access token %s', async (_name, encode) => {
		form = encode;
		echoTokenEndpoint = false;
		const engine = newEngine();
		engine.setCredential({ baseUrl: server.url, appId: 'my-app', appSecret: APP_SECRET });
		const { error } = await engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		expect(error?.message).toContain('Get Member');
		const shown = `${error?.message} ${error?.description}`;
		expect(leaks(shown, TOKEN, encode)).toBe(false);
		expect(leaks(JSON.stringify(error), TOKEN, encode)).toBe(false);
	});
});
