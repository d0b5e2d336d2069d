/**
 * The token stored in the credential (README, Running at scale: "The access token is stored in
 * the credential, so the workers share it"; Performance: 0 token calls in every later run). A
 * token the node renews after SocialHub rejected the stored one must be stored too, or every
 * other n8n process (queue-mode worker, `n8n execute`, a restart) keeps sending the dead token and
 * exchanging its own, forever after the first expiry.
 */
import type { IDataObject } from 'n8n-workflow';

import { resetProcessState } from '../../nodes/SocialHub/shared/processState';
import { adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

describe.each([
	['HTTP 401', false],
	['HTTP 200 with code 401', true],
])('a stored token SocialHub rejects (%s)', (_what, inBody) => {
	beforeEach(() => ctx.sandbox.setRejectTokensInBody(inBody));
	afterEach(() => ctx.sandbox.setRejectTokensInBody(false));

	it('the renewed token is written to the credential', async () => {
		expect((await ctx.engine.run(adjustParameters({ operationId: 'store-1' }))).error).toBeUndefined();
		ctx.sandbox.expireTokens();
		expect((await ctx.engine.run(adjustParameters({ operationId: 'store-2' }))).error).toBeUndefined();
		expect(ctx.engine.storedCredential()?.accessToken).toBe(ctx.sandbox.issuedTokens.at(-1));
	});

	it('another n8n process then uses the stored token: no rejected request, no token exchange', async () => {
		await ctx.engine.run(adjustParameters({ operationId: 'store-3' }));
		ctx.sandbox.expireTokens();
		await ctx.engine.run(adjustParameters({ operationId: 'store-4' }));
		// A queue-mode worker, an `n8n execute`, or n8n after a restart: nothing in memory.
		resetProcessState();
		ctx.sandbox.tokenCalls = 0;
		ctx.sandbox.requests.length = 0;
		expect((await ctx.engine.run(adjustParameters({ operationId: 'store-5' }))).error).toBeUndefined();
		expect(ctx.sandbox.tokenCalls).toBe(0);
		const sent = ctx.sandbox.apiRequests('/v1/points/adjustment');
		expect(sent.map((r) => (r.body as IDataObject).operationId)).toEqual(['store-5']);
	});
});
