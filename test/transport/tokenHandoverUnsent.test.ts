/**
 * "A request n8n fails before it reaches authenticate is never sent" and
 * the token hand-over, attacked at run level (engine: n8n-core's WorkflowExecute + RoutingNode).
 */

import { failTokenWrites } from '../support/credentialWrites';
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

const items = (count: number, prefix = 'b4') => Array.from({ length: count }, (_, i) => ({ op: `${prefix}-${i}`, phone: `139${String(i).padStart(8, '0')}` }));
const byItem = adjustParameters({ operationId: '={{ $json.op }}', pointValue: 1 });
const createByItem = {
	resource: 'consumer',
	operation: 'createConsumer',
	name: 'B4 Customer',
	mobilePhone: '={{ $json.phone }}',
	phonePrefCode: '+86',
	organizationCode: 'ORG1',
};

afterEach(() => {
	jest.restoreAllMocks();
	ctx.sandbox.options.latencyMs = 0;
	ctx.sandbox.clearFaults();
	ctx.sandbox.setLimits(null);
});

const failWrites = (fail: (attempt: number) => boolean) => failTokenWrites(ctx.engine, fail);

/** Customers SocialHub created, per mobile phone (a 401-answered request created nothing). */
function createdPerPhone() {
	const counts = new Map<string, number>();
	for (const c of ctx.sandbox.state.consumers.values()) {
		const phone = (c as { mobilePhone?: string }).mobilePhone ?? '?';
		counts.set(phone, (counts.get(phone) ?? 0) + 1);
	}
	return counts;
}

/** Create requests that reached SocialHub for `phone`, with the token they carried and the status. */
function sentFor(phone: string) {
	return ctx.sandbox.apiRequests('/v1/consumer').filter((r) => r.method === 'POST' && r.path === '/v1/consumer' && (r.body as { mobilePhone?: string }).mobilePhone === phone).map((r) => r.authorization);
}

describe('token endpoint rate limit on a cold credential (README: "waited for the same way")', () => {
	it('cold credential, the token endpoint answers 429 (Retry-After 2) once, 200 adjustments: run green, each applied once', async () => {
		ctx.sandbox.addFault({ path: '/v1/auth/token', status: 429, retryAfter: 2, body: { code: '429', msg: 'Too Many Requests' }, times: 1 });
		const { error, items: out } = await ctx.engine.run(byItem, items(200));
		expect({ message: error?.message, description: error?.description }).toEqual({ message: undefined, description: undefined });
		expect(out).toHaveLength(200);
		expect(ctx.sandbox.stats().applied).toBe(200);
	}, 60_000);

	it('cold credential, a gateway limit on the token endpoint (rateLimit 1/s, 3 runs at once): every run green', async () => {
		ctx.sandbox.setLimits({ rateLimit: 1 });
		const runs = await Promise.all([1, 2, 3].map((n) => ctx.engine.run(byItem, items(2, `r${n}`))));
		expect(runs.map((r) => r.error?.message)).toEqual([undefined, undefined, undefined]);
	}, 60_000);
});

describe('wrong keys on a cold credential', () => {
	it('wrong App Secret, 1,000 items: one clear error that says the keys were refused, 1 token call, nothing sent', async () => {
		ctx.engine.setCredential({ baseUrl: ctx.sandbox.url, appId: SANDBOX_APP_ID, appSecret: 'wrong-secret-000000' });
		const { error } = await ctx.engine.run(byItem, items(1000));
		expect(ctx.sandbox.apiRequests('/v1/points').length).toBe(0);
		expect(ctx.sandbox.tokenCalls + ctx.sandbox.apiRequests('/v1/auth/token').length).toBeLessThanOrEqual(2);
		// Before c46a98e: "No access token could be obtained, so nothing was sent for this item."
		expect(error?.description ?? '').not.toMatch(/n8n failed before the request left/);
		expect(error?.description ?? '').toMatch(/No access token could be obtained/);
	}, 60_000);
});

describe('token dies mid-run, Customer Create (no Operation ID)', () => {
	for (const writes of ['work', 'fail once', 'fail always'] as const) {
		it(`token expired mid-run, credential writes ${writes}, 600 creates (SocialHub 10 ms away): run green, each sent once`, async () => {
			expect((await ctx.engine.run(byItem, [{ op: 'warm' }])).error).toBeUndefined();
			ctx.sandbox.clearRequests();
			const attempts = failWrites((n) => writes === 'fail always' || (writes === 'fail once' && n === 1));
			ctx.sandbox.options.latencyMs = 10;
			const running = ctx.engine.run(createByItem, items(600));
			await new Promise((resolve) => setTimeout(resolve, 150));
			ctx.sandbox.expireTokens();
			const { error, items: out } = await running;
			const counts = createdPerPhone();
			const twice = [...counts.entries()].filter(([, n]) => n > 1);
			expect(twice).toEqual([]);
			const failedItem = Number(/\(item (\d+)[;)]/.exec(error?.message ?? '')?.[1]);
			if (!Number.isNaN(failedItem)) {
				const phone = items(600)[failedItem].phone;
				// The error says this item "was sent, but its answer was lost: SocialHub may have applied it".
				// What SocialHub received of it (Authorization headers) and whether it was created:
				expect({ item: failedItem, sent: sentFor(phone).length, created: counts.get(phone) ?? 0, says: error?.description?.slice(0, 60) })
					.toEqual({ item: failedItem, sent: 1, created: 1, says: error?.description?.slice(0, 60) });
			}
			expect({ message: error?.message, description: error?.description }).toEqual({ message: undefined, description: undefined });
			expect(out).toHaveLength(600);
			expect(ctx.sandbox.tokenCalls).toBeLessThanOrEqual(2);
			expect(attempts()).toBeLessThanOrEqual(10);
		}, 60_000);
	}
});

describe('two credentials with the same keys, parallel runs, token dies mid-run', () => {
	it('cred-1 and cred-2 (same keys) run 400 creates each at once, the token expires mid-run, writes fail intermittently: both green, each created once, writes ≈ per token', async () => {
		const { CREDENTIAL_TYPE, NODE_TYPE } = await import('../../harness/engine');
		const keys = { baseUrl: ctx.sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET };
		ctx.engine.setCredential(keys, 'cred-2');
		const attempts = failWrites((n) => n % 2 === 1);
		ctx.sandbox.options.latencyMs = 5;
		const runWith = async (id: string, list: Array<{ phone: string }>) => {
			const run = await ctx.engine.runWorkflow(
				{
					nodes: [
						{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
						{ id: 's', name: 'SocialHub', type: NODE_TYPE, typeVersion: 2, position: [200, 0], parameters: createByItem, credentials: { [CREDENTIAL_TYPE]: { id, name: id } } },
					],
					connections: { Start: { main: [[{ node: 'SocialHub', type: 'main', index: 0 }]] } },
				},
				{ Start: list },
			);
			return run.data.resultData.error as { message?: string; description?: string } | undefined;
		};
		const all = items(800);
		const running = Promise.all([runWith('cred-1', all.slice(0, 400)), runWith('cred-2', all.slice(400))]);
		await new Promise((resolve) => setTimeout(resolve, 200));
		ctx.sandbox.expireTokens();
		const errors = await running;
		const counts = createdPerPhone();
		expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
		expect(errors.map((e) => e?.message)).toEqual([undefined, undefined]);
		expect(all.filter((i) => counts.get(i.phone) === 1)).toHaveLength(800);
		expect(ctx.sandbox.tokenCalls).toBeLessThanOrEqual(3);
		expect(attempts()).toBeLessThanOrEqual(12);
	}, 60_000);
});

describe('answers lost after SocialHub applied a create (no Operation ID): never sent twice', () => {
	it.each([
		['connection dropped', { drop: true }],
		['cut-off answer', { truncate: true }],
		['HTTP 502', { status: 502, body: 'Bad Gateway' }],
		['HTTP 504', { status: 504, body: 'Gateway Timeout' }],
	])('%s after applying 3 of 300 creates, Continue On Fail + Retry On Fail: each created once, 3 paired errors', async (_name, fault) => {
		ctx.sandbox.addFault({ path: '/v1/consumer', method: 'POST', applyFirst: true, skip: 50, times: 3, ...fault });
		const list = items(300);
		const { items: out } = await ctx.engine.run(createByItem, list, { continueOnFail: true, retryOnFail: true, maxTries: 3 });
		const counts = createdPerPhone();
		expect(list.filter((i) => (counts.get(i.phone) ?? 0) !== 1).map((i) => i.phone)).toEqual([]);
		const perPhone = new Map<string, number>();
		for (const r of ctx.sandbox.apiRequests('/v1/consumer')) if (r.method === 'POST' && r.path === '/v1/consumer') perPhone.set((r.body as { mobilePhone: string }).mobilePhone, (perPhone.get((r.body as { mobilePhone: string }).mobilePhone) ?? 0) + 1);
		expect([...perPhone.values()].filter((n) => n > 1)).toHaveLength(0);
		const errors = out.filter((i) => i.json.error !== undefined);
		expect(errors).toHaveLength(3);
		// n8n's Continue On Fail item carries the message only ("no complete answer" / "answered HTTP 502").
		for (const e of errors) expect(String(e.json.error)).toMatch(/no complete answer|HTTP 50[24]/);
	}, 60_000);

	it('timeout (Request Options > Timeout 300 ms) after applying: sent once, one error', async () => {
		ctx.sandbox.addFault({ path: '/v1/consumer', method: 'POST', applyFirst: true, hang: true, skip: 10, times: 1 });
		const list = items(40);
		const { items: out } = await ctx.engine.run({ ...createByItem, requestOptions: { timeout: 300 } }, list, { continueOnFail: true, retryOnFail: true, maxTries: 3 });
		const sent = ctx.sandbox.apiRequests('/v1/consumer').filter((r) => r.method === 'POST').length;
		expect(sent).toBe(40);
		const errors = out.filter((i) => i.json.error !== undefined);
		expect(errors).toHaveLength(1);
		expect(String(errors[0].json.error)).toMatch(/did not answer within 300 ms/);
	}, 60_000);
});
