/**
 * SocialHub rejecting every token (the app disabled): what a run costs and says.
 */
import { adjustParameters } from '../support/fixture';
import { HostileServer, newEngine, ok } from '../support/hostile';

const items = (count: number, prefix = 's4') => Array.from({ length: count }, (_, i) => ({ op: `${prefix}-${i}` }));
const byItem = adjustParameters({ operationId: '={{ $json.op }}', pointValue: 1 });
const SECRET = 'app-secret-0123456789abcdef';

async function disabledApp(style: 'http' | 'body') {
	let issued = 0;
	const server = new HostileServer((request) => {
		if (request.path === '/v1/auth/token') return { body: ok({ accessToken: `tok-s${++issued}`, expiresIn: 7200 }) };
		return style === 'http' ? { status: 401, body: { code: '401', msg: 'app disabled' } } : { body: { code: '401', msg: 'app disabled' } };
	});
	await server.start();
	const engine = newEngine();
	engine.setCredential({ baseUrl: server.url, appId: 'app-1', appSecret: SECRET });
	return { server, engine, issued: () => issued };
}

/**
 * Known limits: an app SocialHub refuses outright (every token rejected, as when the app is
 * disabled) costs about two token calls per item before each item fails (each new token is tried
 * by one request, then the next waiting request asks for another); and when the run stops, an
 * item whose requests were refused (not applied) is listed among the items "not sent". Nothing is
 * applied and no token is sent twice. These turn green once fixed.
 */
describe.each(['http', 'body'] as const)('every token rejected (%s 401), 300 items', (style) => {
	it.failing('Continue On Fail: token calls stay few (not per item), each item sent at most 4 times, one clear error per item', async () => {
		const { server, engine, issued } = await disabledApp(style);
		try {
			const { items: out } = await engine.run(byItem, items(300), { continueOnFail: true });
			const perOp = new Map<string, number>();
			for (const r of server.requests('/v1/points')) perOp.set((r.body as { operationId: string }).operationId, (perOp.get((r.body as { operationId: string }).operationId) ?? 0) + 1);
			const sameTokenTwice = new Map<string, number>();
			for (const r of server.requests('/v1/points')) {
				const key = `${(r.body as { operationId: string }).operationId} ${r.authorization}`;
				sameTokenTwice.set(key, (sameTokenTwice.get(key) ?? 0) + 1);
			}
			const report = {
				tokenCalls: issued(),
				apiRequests: server.requests('/v1/points').length,
				maxPerItem: Math.max(...perOp.values()),
				sameTokenResent: [...sameTokenTwice.values()].filter((n) => n > 1).length,
				errors: out.filter((i) => i.json.error !== undefined).length,
				messages: [...new Set(out.map((i) => String(i.json.error)))].slice(0, 3),
			};
			expect(report.errors).toBe(300);
			expect(report.maxPerItem).toBeLessThanOrEqual(4);
			expect(report.sameTokenResent).toBe(0);
			// "≈ one per token, not per item": a disabled app should not cost hundreds of exchanges.
			expect(report.tokenCalls).toBeLessThanOrEqual(10);
		} finally {
			await server.stop();
		}
	}, 120_000);

	it.failing('without Continue On Fail: the run stops with a clear error, token calls few', async () => {
		const { server, engine, issued } = await disabledApp(style);
		try {
			const { error } = await engine.run(byItem, items(300));
			expect(error?.message).toMatch(/app disabled|rejected|401/i);
			// Item 0 is listed among the items "not sent": what SocialHub received of it.
			const listedUnsent = /items were not sent \(items 0,/.test(error?.description ?? '');
			const item0Sent = server.requests('/v1/points').filter((r) => (r.body as { operationId: string }).operationId === 's4-0').length;
			expect({ tokenCalls: issued() <= 10, item0ListedUnsentButSent: listedUnsent && item0Sent > 0 }).toEqual({ tokenCalls: true, item0ListedUnsentButSent: false });
		} finally {
			await server.stop();
		}
	}, 120_000);
});
