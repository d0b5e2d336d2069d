/**
 * The token hand-over to n8n's credential store (tokenHandover.ts,
 * authenticate.ts) under load. Every adjustment applied exactly once and never sent again once
 * applied (the sandbox's `duplicates`), few token calls and credential writes (≈ one per token).
 */
import type { INode } from 'n8n-workflow';

import { CREDENTIAL_TYPE, NODE_TYPE } from '../../harness/engine';
import { failTokenWrites } from '../support/credentialWrites';
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

const items = (count: number, prefix = 'h3') => Array.from({ length: count }, (_, i) => ({ op: `${prefix}-${i}` }));
const byItem = adjustParameters({ operationId: '={{ $json.op }}', pointValue: 1 });

afterEach(() => {
	jest.restoreAllMocks();
	ctx.sandbox.options.latencyMs = 0;
});

function expectAppliedOnceNoRepeat(count: number) {
	const stats = ctx.sandbox.stats();
	expect({ applied: stats.applied, more: stats.appliedMoreThanOnce, duplicates: stats.duplicates }).toEqual({ applied: count, more: 0, duplicates: 0 });
}

/** Token writes the credential store attempted (successful or not). */
function countTokenWrites(fail: (attempt: number) => boolean, delayMs = 0) {
	const attempts = failTokenWrites(ctx.engine, fail);
	if (delayMs > 0) {
		// A slow database: n8n's write (here: the harness's preAuthentication) takes delayMs.
		const helper = ctx.engine.credentials as unknown as { preAuthentication: (...args: unknown[]) => Promise<unknown> };
		const pre = helper.preAuthentication.bind(helper);
		helper.preAuthentication = async (...args: unknown[]) => {
			const out = await pre(...args);
			if (out) await new Promise((resolve) => setTimeout(resolve, delayMs));
			return out;
		};
	}
	return attempts;
}

it('cold (empty stored token), 1,000 items at once: 1 token call, ≤ 2 credential writes, all applied once', async () => {
	const writes = countTokenWrites(() => false);
	const { error, items: out } = await ctx.engine.run(byItem, items(1000));
	expect(error?.message).toBeUndefined();
	expect(out).toHaveLength(1000);
	expectAppliedOnceNoRepeat(1000);
	expect(ctx.sandbox.tokenCalls).toBe(1);
	expect(writes()).toBeLessThanOrEqual(2);
	expect(ctx.engine.storedCredential()?.accessToken).toBe(ctx.sandbox.issuedTokens[0]);
}, 60_000);

it('cold (new credential), the first credential write fails once (a DB hiccup), 300 items: run green, each applied once', async () => {
	const writes = countTokenWrites((attempt) => attempt === 1);
	const { error, items: out } = await ctx.engine.run(byItem, items(300));
	// Whatever the outcome, an error must not say a request was sent that never reached SocialHub.
	const failedOp = /Operation ID \("([^"]+)"\)/.exec(error?.description ?? '')?.[1];
	if (failedOp) expect(ctx.sandbox.apiRequests('/v1/points/adjustment').filter((r) => (r.body as { operationId?: string }).operationId === failedOp)).toHaveLength(1);
	expect({ message: error?.message, description: error?.description }).toEqual({ message: undefined, description: undefined });
	expect(out).toHaveLength(300);
	expectAppliedOnceNoRepeat(300);
	expect(writes()).toBeGreaterThanOrEqual(1);
}, 60_000);

it('every credential write fails (database down for the run), 300 items cold: run green, each applied once, write attempts stay few', async () => {
	const writes = countTokenWrites(() => true);
	const { error, items: out } = await ctx.engine.run(byItem, items(300));
	expect({ message: error?.message, description: error?.description }).toEqual({ message: undefined, description: undefined });
	expect(out).toHaveLength(300);
	expectAppliedOnceNoRepeat(300);
	expect(ctx.sandbox.tokenCalls).toBe(1);
	// "≈ one per token": a few retries of the store are fine, one per item is not.
	expect(writes()).toBeLessThanOrEqual(10);
}, 60_000);

it('a slow credential write (1.5 s), 300 items cold: each applied once, 1 token call, ≤ 2 writes', async () => {
	const writes = countTokenWrites(() => false, 1500);
	const { error } = await ctx.engine.run(byItem, items(300));
	expect(error?.message).toBeUndefined();
	expectAppliedOnceNoRepeat(300);
	expect(ctx.sandbox.tokenCalls).toBe(1);
	expect(writes()).toBeLessThanOrEqual(2);
}, 60_000);

it('the token expires 3 times mid-run, Continue On Fail + Retry On Fail, 600 items: all green, paired, applied once, few token calls', async () => {
	expect((await ctx.engine.run(adjustParameters({ operationId: 'warm' }))).error).toBeUndefined();
	ctx.sandbox.clearRequests();
	const writesBefore = ctx.engine.credentials.writes;
	ctx.sandbox.setLimits({ maxConcurrent: 40 });
	ctx.sandbox.options.latencyMs = 5;
	const running = ctx.engine.run(byItem, items(600), { continueOnFail: true, retryOnFail: true, maxTries: 3 });
	for (const at of [100, 300, 300]) {
		await new Promise((resolve) => setTimeout(resolve, at));
		ctx.sandbox.expireTokens();
	}
	const { error, items: out } = await running;
	expect(error?.message).toBeUndefined();
	expect(out.filter((item) => item.json.error !== undefined).map((item) => item.json.error)).toEqual([]);
	expect(out).toHaveLength(600);
	out.forEach((item, i) => expect(item.pairedItem).toEqual(expect.objectContaining({ item: i })));
	const stats = ctx.sandbox.stats();
	expect({ applied: stats.applied, more: stats.appliedMoreThanOnce, duplicates: stats.duplicates }).toEqual({ applied: 601, more: 0, duplicates: 0 });
	expect(ctx.sandbox.tokenCalls).toBeLessThanOrEqual(4);
	expect(ctx.engine.credentials.writes - writesBefore).toBeLessThanOrEqual(ctx.sandbox.issuedTokens.length + 1);
}, 60_000);

it('two runs at once with the same cold credential (300 items each): 1 token call, each applied once', async () => {
	const [a, b] = await Promise.all([ctx.engine.run(byItem, items(300, 'a')), ctx.engine.run(byItem, items(300, 'b'))]);
	expect(a.error?.message).toBeUndefined();
	expect(b.error?.message).toBeUndefined();
	expectAppliedOnceNoRepeat(600);
	expect(ctx.sandbox.tokenCalls).toBe(1);
});

/** Manual Trigger → SocialHub with the credential `credentialId`. */
async function runWith(credentialId: string, ops: Array<{ op: string }>) {
	const nodes: INode[] = [
		{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 's', name: 'SocialHub', type: NODE_TYPE, typeVersion: 2, position: [200, 0],
			parameters: byItem as INode['parameters'],
			credentials: { [CREDENTIAL_TYPE]: { id: credentialId, name: credentialId } },
		},
	];
	const run = await ctx.engine.runWorkflow({ nodes, connections: { Start: { main: [[{ node: 'SocialHub', type: 'main', index: 0 }]] } } }, { Start: ops });
	return run.data.resultData.error;
}

it('two credentials with the same keys whose stored token expired: after both ran, each credential stores a token SocialHub accepts', async () => {
	const keys = { baseUrl: ctx.sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET };
	ctx.engine.setCredential(keys, 'cred-1');
	ctx.engine.setCredential(keys, 'cred-2');
	// Yesterday: each credential stored its own token.
	expect(await runWith('cred-1', items(1, 'y1'))).toBeUndefined();
	expect(await runWith('cred-2', items(1, 'y2'))).toBeUndefined();
	// Overnight every token expires. Today cred-1's run renews, then cred-2's run follows.
	ctx.sandbox.expireTokens();
	const issuedBefore = ctx.sandbox.issuedTokens.length;
	expect(await runWith('cred-1', items(5, 't1'))).toBeUndefined();
	// cred-2's run follows more than the 10 s in which a token handed to n8n is not handed again.
	const realNow = Date.now.bind(Date);
	jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 11_000);
	expect(await runWith('cred-2', items(5, 't2'))).toBeUndefined();
	const live = ctx.sandbox.issuedTokens.slice(issuedBefore);
	expect(live.length).toBeGreaterThan(0);
	// A queue-mode worker (or a restart) reads the stored token: it must be one SocialHub accepts.
	expect(live).toContain(ctx.engine.storedCredential('cred-1')?.accessToken);
	expect(live).toContain(ctx.engine.storedCredential('cred-2')?.accessToken);
});
