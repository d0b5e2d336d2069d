/**
 * The token hand-over to n8n's credential store (transport/tokenHandover.ts) when n8n's
 * credential write (a database UPDATE in n8n; the harness's store) fails once: the request held
 * back for it was never sent, so it goes anyway, and the token is offered again, so that the
 * credential does not keep a dead token every queue-mode worker or restart would send.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

/** The next credential write that carries an access token fails once, as a DB hiccup would. */
function failNextTokenWrite() {
	const store = ctx.engine.credentials.store;
	const set = store.set.bind(store);
	let failed = 0;
	store.set = (key: string, value: ICredentialDataDecryptedObject) => {
		if (failed === 0 && typeof value.accessToken === 'string' && value.accessToken !== '' && value.accessToken !== store.get(key)?.accessToken) {
			failed++;
			throw new Error('SQLITE_BUSY: database is locked');
		}
		return set(key, value);
	};
	return () => failed;
}

async function storedThenExpired() {
	expect((await ctx.engine.run(adjustParameters({ operationId: 'warm' }))).error).toBeUndefined();
	ctx.sandbox.expireTokens();
}

it('a failed credential write does not fail an item: all 20 adjustments applied, run green', async () => {
	await storedThenExpired();
	const failures = failNextTokenWrite();
	const items = Array.from({ length: 20 }, (_, i) => ({ i }));
	const { error, items: out } = await ctx.engine.run(adjustParameters({ operationId: '={{ "w-" + $json.i }}', pointValue: 1 }), items);
	expect(failures()).toBe(1);
	expect(error?.message).toBeUndefined();
	expect(out).toHaveLength(20);
	expect(ctx.sandbox.stats().applied).toBe(21);
});

it('after a failed credential write, a later run stores the renewed token', async () => {
	await storedThenExpired();
	failNextTokenWrite();
	await ctx.engine.run(adjustParameters({ operationId: 'w-a' }), [{}], { continueOnFail: true });
	// The next run (DB healthy again) in the same process.
	expect((await ctx.engine.run(adjustParameters({ operationId: 'w-b' }))).error).toBeUndefined();
	expect(ctx.engine.storedCredential()?.accessToken).toBe(ctx.sandbox.issuedTokens.at(-1));
});
