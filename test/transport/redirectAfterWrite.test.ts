/**
 * A redirect answered to a write. The node never follows it (the token and body stay home), but
 * what it tells the user about SocialHub must hold: HTTP 303 See Other is how a server says it has
 * processed a POST and points to the result (RFC 9110 §15.4.4). "Nothing was applied" is then
 * false, and a user who trusts it re-sends a Create Customer or Sync Transaction that has no
 * Operation ID to guard it.
 */
import { useSandbox } from '../support/fixture';

const ctx = useSandbox();

const createCustomer = {
	resource: 'consumer',
	operation: 'createConsumer',
	name: 'Redirected Customer',
	mobilePhone: '13900000031',
	phonePrefCode: '+86',
	organizationCode: 'ORG1',
};

it('Create Customer answered HTTP 303 after SocialHub created it: the error never says nothing was applied', async () => {
	ctx.sandbox.addFault({ path: '/v1/consumer', method: 'POST', status: 303, applyFirst: true });
	const { error } = await ctx.engine.run(createCustomer);
	expect([...ctx.sandbox.state.consumers.values()].some((c) => (c as { mobilePhone?: string }).mobilePhone === '13900000031')).toBe(true);
	expect(error?.message).toContain('HTTP 303');
	expect(error?.description).not.toMatch(/nothing was applied/i);
	expect(error?.description).toMatch(/may have (been )?applied/i);
});
