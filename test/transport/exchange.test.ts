/**
 * The token exchange against token endpoints as real deployments answer them: SocialHub's text
 * in the charset its answer declares (as the node's other answers are read), and a token
 * lifetime given as an absolute `expireTime` in epoch seconds (socialhub-api.md names
 * `expireTime` without a unit; a Java back end often writes seconds).
 */
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters, useSandbox } from '../support/fixture';
import { newEngine, ok, useServers } from '../support/hostile';

const ctx = useSandbox();

describe('a token endpoint answering in GBK', () => {
	const refusal = { code: '40001', msg: '应用密钥错误', data: null };

	it('the credential test shows SocialHub’s reason readable, not mojibake', async () => {
		ctx.sandbox.addFault({ path: '/v1/auth/token', status: 200, body: refusal, charset: 'GBK' });
		const result = await ctx.engine.testCredential({ baseUrl: ctx.sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
		expect(result).toEqual({ status: 'Error', message: 'SocialHub rejected the App ID and App Secret: 应用密钥错误' });
	});

	it('a run’s error shows it readable too', async () => {
		ctx.sandbox.addFault({ path: '/v1/auth/token', status: 200, body: refusal, charset: 'GBK' });
		const { error } = await ctx.engine.run(adjustParameters());
		expect(error?.message).toBe('Adjust Member Points failed: SocialHub rejected the App ID and App Secret: 应用密钥错误');
	});
});

describe('a token whose lifetime is an absolute expireTime in epoch seconds', () => {
	let issued = 0;
	const revoked = new Set<string>();
	const servers = useServers({
		socialhub: (request) => {
			if (request.path === '/v1/auth/token') {
				return { body: ok({ accessToken: `tok-s${++issued}`, expireTime: Math.floor(Date.now() / 1000) + 7200 }) };
			}
			if (!request.authorization || revoked.has(request.authorization)) return { status: 401, body: { code: '401', msg: 'Token expired', data: null } };
			return { body: ok({ cardNo: 'M0001', balance: 1000 }) };
		},
	});

	it('after the stored token expires, the renewed token is used and the run succeeds', async () => {
		const engine = newEngine();
		engine.setCredential({ baseUrl: servers.socialhub.url, appId: 'app', appSecret: 'secret-0123456789' });
		const getMember = { resource: 'member', operation: 'getMember', cardNo: 'M0001' };
		expect((await engine.run(getMember)).error).toBeUndefined();
		// Two hours later: every token issued so far has expired.
		for (let n = 1; n <= issued; n++) revoked.add(`tok-s${n}`);
		const { error } = await engine.run(getMember);
		expect(error).toBeUndefined();
		const last = servers.socialhub.requests('/v1/member').at(-1);
		expect(last?.authorization).toBe(`tok-s${issued}`);
	});
});
