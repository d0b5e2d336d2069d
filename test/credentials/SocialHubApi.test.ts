import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

describe('SocialHub API credential', () => {
	it('declares the fields n8n needs: base URL with the production default, keys, an expirable hidden token', () => {
		const fields = Object.fromEntries(ctx.engine.credentialType.properties.map((p) => [p.name, p]));
		expect(ctx.engine.credentialType.name).toBe('socialHubApi');
		expect(fields.baseUrl.default).toBe('https://s1.socialhub.ai/openapi-prod');
		expect(fields.appSecret.typeOptions?.password).toBe(true);
		expect(fields.accessToken).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
	});

	it('test: good keys → Connection successful', async () => {
		const result = await ctx.engine.testCredential({ baseUrl: ctx.sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('test: bad keys on a new credential → failure carrying SocialHub’s message', async () => {
		const result = await ctx.engine.testCredential({ baseUrl: ctx.sandbox.url, appId: SANDBOX_APP_ID, appSecret: 'wrong-secret-1' });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Invalid appId or appSecret');
		expect(result.message).not.toContain('wrong-secret-1');
	});

	it('test: a wrong secret edited into a saved credential fails even though its stored token still works', async () => {
		await ctx.engine.run(adjustParameters());
		const storedToken = ctx.engine.storedCredential()?.accessToken as string;
		expect(storedToken).toMatch(/^tok-/);
		const result = await ctx.engine.testCredential({
			baseUrl: ctx.sandbox.url, appId: SANDBOX_APP_ID, appSecret: 'edited-wrong-secret', accessToken: storedToken,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('SocialHub rejected the App ID and App Secret');
		const tokenRequest = ctx.sandbox.apiRequests('/v1/auth/token').at(-1);
		expect(tokenRequest?.body).toEqual({ appId: SANDBOX_APP_ID, appSecret: 'edited-wrong-secret' });
	});

	it('test: good keys with a stale stored token still succeed (the keys are what is judged)', async () => {
		const result = await ctx.engine.testCredential({
			baseUrl: ctx.sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET, accessToken: 'tok-long-gone',
		});
		expect(result.status).toBe('OK');
	});

	it('test: an unreachable base URL fails', async () => {
		const result = await ctx.engine.testCredential({ baseUrl: 'http://127.0.0.1:9', appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
		expect(result).toEqual({ status: 'Error', message: 'Could not reach SocialHub at http://127.0.0.1:9 to get an access token (connection refused)' });
	});

	it('test: a Base URL that is not http(s) fails naming the field (the README quotes this message)', async () => {
		const result = await ctx.engine.testCredential({ baseUrl: 'ftp://example.com', appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
		expect(result).toEqual({
			status: 'Error',
			message: 'The credential\'s Base URL "ftp://example.com" is not an http(s) URL. Set it to e.g. https://s1.socialhub.ai/openapi-prod',
		});
	});

	it('test: a saved credential edited to a wrong secret shows SocialHub’s reason too (the README quotes it)', async () => {
		await ctx.engine.run(adjustParameters());
		const stored = ctx.engine.storedCredential()!;
		const result = await ctx.engine.testCredential({ ...stored, appSecret: 'edited-wrong-secret' });
		expect(result).toEqual({ status: 'Error', message: 'SocialHub rejected the App ID and App Secret: Invalid appId or appSecret' });
	});

	it('sends the raw token in Authorization, without "Bearer "', async () => {
		await ctx.engine.run(adjustParameters());
		const [exchange, adjustment] = ctx.sandbox.requests;
		expect(exchange).toMatchObject({ path: '/v1/auth/token', method: 'POST', body: { appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET } });
		expect(adjustment.authorization).toBe(ctx.engine.storedCredential()?.accessToken);
		expect(adjustment.authorization).not.toMatch(/^Bearer/);
	});

	it('a trailing slash in the base URL does not double the path', async () => {
		ctx.engine.setCredential({ baseUrl: `${ctx.sandbox.url}/`, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
		const { error } = await ctx.engine.run(adjustParameters());
		expect(error).toBeUndefined();
		expect(ctx.sandbox.requests.map((r) => r.path)).toEqual(['/v1/auth/token', '/v1/points/adjustment']);
	});

	it.each(['ftp://example.com', 'not a url', ''])('a base URL that is not http(s) ("%s") is refused, naming the field, before any request', async (baseUrl) => {
		ctx.engine.setCredential({ baseUrl, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
		const { error } = await ctx.engine.run(adjustParameters());
		expect(error?.message).toContain("The credential's Base URL");
		expect(error?.message).toContain('is not an http(s) URL');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});

	it('a token endpoint answering an HTTP error: the message carries SocialHub’s message, never the secret', async () => {
		ctx.sandbox.addFault({ path: '/v1/auth/token', status: 500, body: { code: 500, msg: 'Auth service is down for maintenance' } });
		const { error } = await ctx.engine.run(adjustParameters());
		expect(error?.message).toBe("Adjust Member Points failed: SocialHub's token service failed (HTTP 500): Auth service is down for maintenance. No access token was issued; this is not a sign of a wrong App ID or App Secret. Try again later.");
		expect(JSON.stringify(error)).not.toContain(SANDBOX_APP_SECRET);
		expect(ctx.sandbox.apiRequests('/v1/points')).toHaveLength(0);
	});

	it('a token endpoint that echoes the request (secret included) never leaks the secret', async () => {
		ctx.sandbox.addFault({ path: '/v1/auth/token', echo: true });
		const { error } = await ctx.engine.run(adjustParameters());
		expect(error?.message).toContain('Gateway error for request');
		expect(JSON.stringify(error)).not.toContain(SANDBOX_APP_SECRET);
	});
});
