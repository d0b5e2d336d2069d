/**
 * Bad input for every operation is refused before any request, with an error that names the
 * field (never a stack trace), and nothing reaches SocialHub.
 */
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, useSandbox } from './fixture';
import { cases } from './badInputCases';
import { baselines } from './operations';

const ctx = useSandbox();

const valid = baselines[2];

const everyVersion = ([1, 2] as const).flatMap((version) =>
	Object.keys(baselines[version]).map((operation) => [version, operation] as const),
);

describe('every operation', () => {
	it.each(everyVersion)('v%s %s: the valid baseline reaches SocialHub and succeeds', async (version, operation) => {
		const { error } = await ctx.engine.run(baselines[version][operation], [{}], { typeVersion: version });
		// The sandbox holds no transaction T1: SocialHub's own "not found" is the expected answer.
		if (operation === 'order.getTransactionDetail') expect(error?.message).toContain('not found');
		else expect(error).toBeUndefined();
		expect(ctx.sandbox.requests.filter((r) => r.path !== '/v1/auth/token').length).toBeGreaterThan(0);
	});
});

describe('bad input is refused before any request, naming the field', () => {
	it.each(cases)('%s: %s', async (operation, _what, overrides, message, version = 2) => {
		const { error } = await ctx.engine.run({ ...baselines[version][operation], ...overrides }, [{}], { typeVersion: version });
		expect(error?.message).toContain(message);
		expect(error?.message).not.toMatch(/\n\s+at /);
		expect(ctx.sandbox.requests).toHaveLength(0);
	});
});

describe('path parameters are sent URL-encoded and never change the endpoint', () => {
	const paths: Array<[string, string, string]> = [
		['member.getMember', 'cardNo', '/v1/member/'],
		['member.getMemberList', 'consumerCode', '/v1/member/list/'],
		['consumer.updateConsumer', 'consumerCode', '/v1/consumer/updateInfo/'],
		['consumer.queryThirdAccountsByUnionId', 'unionId', '/v1/consumer/thirdaccounts/'],
		['order.getTransactionList', 'consumerCode', '/v1/transactions/page/'],
		['order.getTransactionDetail', 'orderCode', '/v1/transactions/'],
		['points.getPointsAccount', 'cardNo', '/v1/points/pointsAccount/'],
		['points.getPointsRecords', 'accountCode', '/v1/points/pointsRecords/'],
	];
	it.each(paths)('%s (%s)', async (operation, parameter, prefix) => {
		await ctx.engine.run({ ...valid[operation], [parameter]: '../x/y?z=1#frag' });
		const request = ctx.sandbox.requests.find((r) => r.path !== '/v1/auth/token');
		expect(request?.path).toBe(`${prefix}..%2Fx%2Fy%3Fz%3D1%23frag`);
		expect(request?.query.z).toBeUndefined();
	});
});

describe('a Base URL that is not an http(s) URL', () => {
	it.each(Object.keys(valid))('%s is refused before any request', async (operation) => {
		ctx.engine.setCredential({ baseUrl: 'file:///etc/passwd', appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
		const { error } = await ctx.engine.run(valid[operation]);
		expect(error?.message).toContain('Base URL "file:///etc/passwd" is not an http(s) URL');
		expect(ctx.sandbox.requests).toHaveLength(0);
	});
});
