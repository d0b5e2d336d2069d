/**
 * The Loyalty Program picker's error against SocialHub answers that echo the App Secret or the
 * token in forms other than the plain text.
 */
import { HostileServer, newEngine, ok } from '../support/hostile';

const SECRET = 'Sk9xQ2mR7vT4wZ1pL8nB3cF6hJ0dG5yE';
const TOKEN = 'tok-7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c1e';

async function pickerErrorWith(programs: (authorization?: string) => { status?: number; body?: unknown; headers?: Record<string, string> }, token: (body: unknown) => { status?: number; body?: unknown }) {
	const server = new HostileServer((request) => (request.path === '/v1/auth/token' ? token(request.body) : programs(request.authorization)));
	await server.start();
	try {
		const engine = newEngine();
		engine.setCredential({ baseUrl: server.url, appId: 'app-1', appSecret: SECRET });
		try {
			await engine.listSearch('searchLoyaltyPrograms');
		} catch (error) {
			const e = error as { message?: string; description?: string };
			return `${e.message}\n${e.description}\n${JSON.stringify(error)}`;
		}
		throw new Error('the picker did not fail');
	} finally {
		await server.stop();
	}
}

const goodToken = () => ({ body: ok({ accessToken: TOKEN, expiresIn: 7200 }) });
const leak = (text: string, secret: string) => {
	// Any 12 consecutive characters of the secret, as is, are a leak.
	for (let i = 0; i + 12 <= secret.length; i++) if (text.includes(secret.slice(i, i + 12))) return secret.slice(i, i + 12);
	return undefined;
};

type Form = (text: string) => string;
const redactedForms: Array<[string, Form]> = [
	['MIME base64 wrapped at 76 (Basic appId:appSecret)', (_t: string) => Buffer.from(`app-1:${SECRET}`.repeat(3)).toString('base64').replace(/(.{76})/g, '$1\r\n')],
	['unicode-escaped JSON', (t: string) => [...t].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')],
];
/** Known limit: forms redact.ts does not look for (hex, a secret broken by a line break). */
const unredactedForms: Array<[string, Form]> = [
	['hex', (t: string) => Buffer.from(t).toString('hex')],
	['split by a line break', (t: string) => `${t.slice(0, 16)}\n${t.slice(16)}`],
];

async function expectNoSecretEchoed(form: Form) {
	const text = await pickerErrorWith((auth) => ({ body: { code: '500', msg: `bad request Authorization=${form(auth ?? '')} secret=${form(SECRET)}` } }), goodToken);
	expect(text).toContain('Could not list the loyalty programs');
	const shown = text.replace(/\\r\\n|\r\n/g, '');
	expect({ token: leak(text, TOKEN), secret: leak(text, SECRET), hexToken: text.includes(Buffer.from(TOKEN).toString('hex').slice(0, 24)), b64: shown.includes(Buffer.from(`:${SECRET}`).toString('base64').slice(4, 28)) }).toEqual({ token: undefined, secret: undefined, hexToken: false, b64: false });
}

it.each(redactedForms)('programs list answers code 500 echoing the token as %s: the token is not in the picker error', async (_name, form) => {
	await expectNoSecretEchoed(form);
});

it.failing.each(unredactedForms)('programs list answers code 500 echoing the token as %s: the token is not in the picker error', async (_name, form) => {
	await expectNoSecretEchoed(form);
});

it('token endpoint answers text that echoes the App Secret, cut at 80 characters mid-secret: no part of the secret in the picker error', async () => {
	// "…did not answer with SocialHub's JSON (HTTP 200: <first 80 characters>)": the cut leaves a prefix of the secret.
	const text = await pickerErrorWith(() => ({ body: ok([]) }), () => ({ body: `upstream error for request appId=app-1&appSecret=${SECRET}&extra=1` }));
	expect(leak(text, SECRET)).toBeUndefined();
});
