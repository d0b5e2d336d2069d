/**
 * Redirects: no SocialHub call follows a redirect. A redirected write or read is an
 * error naming the redirect (status and target origin); the target never receives the token,
 * the App Secret or the body; a redirected token exchange fails the run and the credential test.
 */
import { resetProcessState } from '../../nodes/SocialHub/shared/processState';
import { adjustParameters } from '../support/fixture';
import type { IDataObject } from 'n8n-workflow';

import { HostileServer, type Received, type Reply, newEngine, ok } from '../support/hostile';

const SECRET = 'redirect-secret-4242';
const target = new HostileServer(() => ({ body: ok({ accessToken: 'tok-evil', applied: true }) }));
let redirectStatus = 307;
let redirectTokenEndpoint = false;
let sameOrigin = false;
const origin: HostileServer = new HostileServer((request: Received): Reply => {
	if (request.path === '/v1/auth/token' && !redirectTokenEndpoint) {
		return { body: ok({ accessToken: 'tok-origin', expiresIn: 7200 }) };
	}
	const location = sameOrigin ? `${origin.url}/moved${request.url}` : `${target.url}${request.url}`;
	return { status: redirectStatus, headers: { Location: location }, body: '' };
});

beforeAll(async () => {
	await target.start();
	await origin.start();
});
afterAll(async () => {
	await origin.stop();
	await target.stop();
});
beforeEach(() => {
	target.received.length = 0;
	origin.received.length = 0;
	redirectTokenEndpoint = false;
	sameOrigin = false;
	resetProcessState();
});

function engine() {
	const e = newEngine();
	e.setCredential({ baseUrl: origin.url, appId: 'app-r', appSecret: SECRET });
	return e;
}

const operations: Array<[string, IDataObject]> = [
	['an adjustment (POST)', adjustParameters()],
	['a customer update (PUT)', { resource: 'consumer', operation: 'updateConsumer', consumerCode: 'C0001', updateFields: { name: 'N' } }],
	['a member read (GET)', { resource: 'member', operation: 'getMember', cardNo: 'M0001' }],
	['a list read with Return All', { resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', returnAll: true, pageSize: 10 }],
];

describe('API calls answered with a redirect', () => {
	for (const status of [301, 302, 303, 307, 308]) {
		it.each(operations)(`HTTP ${status} for %s → an error naming the redirect; nothing reaches the target`, async (_what, parameters) => {
			redirectStatus = status;
			const { error, items } = await engine().run(parameters);
			expect(items).toHaveLength(0);
			// The runner reads every answer itself (headers included), on n8n 1.x and 2.x alike.
			expect(error?.message).toContain(`redirect (HTTP ${status}) to ${target.url}`);
			expect(target.received).toHaveLength(0);
			expect(origin.requests('/v1/auth/token')).toHaveLength(1);
		});
	}

	it('a same-origin redirect is not followed either (a write is never re-sent or turned into a GET)', async () => {
		sameOrigin = true;
		redirectStatus = 302;
		const { error } = await engine().run(adjustParameters());
		expect(error?.message).toContain('redirect (HTTP 302)');
		expect(origin.received.filter((r: Received) => r.path.startsWith('/moved'))).toHaveLength(0);
	});

	it('with Continue On Fail, every item is an error item, none a success', async () => {
		redirectStatus = 303;
		const inputs = [{ i: 0 }, { i: 1 }, { i: 2 }];
		const { items } = await engine().run(adjustParameters({ operationId: '={{ "r-" + $json.i }}' }), inputs, { continueOnFail: true });
		expect(items).toHaveLength(3);
		for (const item of items) expect(String(item.json.error)).toContain('redirect (HTTP 303)');
		expect(target.received).toHaveLength(0);
	});
});

describe('the token endpoint answered with a redirect', () => {
	it.each([301, 302, 303, 307, 308])('HTTP %d → the run fails naming the redirect; App ID and App Secret never reach the target', async (status) => {
		redirectTokenEndpoint = true;
		redirectStatus = status;
		const { error } = await engine().run(adjustParameters());
		expect(error?.message).toContain(`redirected the request (HTTP ${status}) to ${target.url}`);
		expect(target.received).toHaveLength(0);
		expect(JSON.stringify(error)).not.toContain(SECRET);
	});

	it.each([
		['a new credential', {}],
		['a saved credential with a stored token', { accessToken: 'tok-origin', tokenFingerprint: 'v1:x' }],
	])('the credential test of %s fails and sends nothing to the target', async (_what, extra) => {
		redirectTokenEndpoint = true;
		redirectStatus = 307;
		const result = await newEngine().testCredential({ baseUrl: origin.url, appId: 'app-r', appSecret: SECRET, ...extra });
		expect(result.status).toBe('Error');
		expect(target.received).toHaveLength(0);
		expect(result.message).not.toContain(SECRET);
	});
});
