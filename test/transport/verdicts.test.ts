/**
 * How the node behaves when SocialHub or the network misbehaves, for each kind of operation:
 * a read, a write, a paged Return All and the points adjustment.
 */
import type { IDataObject } from 'n8n-workflow';

import { judgeAnswer, judgeError } from '../../nodes/SocialHub/transport/verdicts';

import { keysOf } from '../../nodes/SocialHub/transport/baseUrl';
import type { Fault } from '../../sandbox/server';
import { SANDBOX_APP_SECRET, adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

interface Kind {
	label: string;
	path: string;
	parameters: (item: number) => IDataObject;
}

const kinds: Record<string, Kind> = {
	read: {
		label: 'Get Member',
		path: '/v1/member/M0001',
		parameters: () => ({ resource: 'member', operation: 'getMember', cardNo: 'M0001' }),
	},
	write: {
		label: 'Add Store',
		path: '/v1/masterdata/store',
		parameters: () => ({ resource: 'masterdata', operation: 'saveStore', organizationCode: '={{ "S" + $json.n }}', organizationName: 'Store' }),
	},
	returnAll: {
		label: 'Get Points Records',
		path: '/v1/points/pointsRecords/PA0001',
		parameters: () => ({ resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', returnAll: true, pageSize: 100 }),
	},
	adjustment: {
		label: 'Adjust Member Points',
		path: '/v1/points/adjustment',
		parameters: () => adjustParameters({ operationId: '={{ "fault-" + $json.n }}', pointValue: 1 }),
	},
};

/** Everything n8n produced for a run, as text: output items, errors, run data. */
const everything = (value: unknown) => JSON.stringify(value);

function expectNoSecrets(value: unknown) {
	const text = everything(value);
	expect(text).not.toContain(SANDBOX_APP_SECRET);
	for (const token of ctx.sandbox.issuedTokens) expect(text).not.toContain(token);
}

const statusFaults: Array<[number, string]> = [
	[500, 'Injected HTTP 500'],
	[502, 'Injected HTTP 502'],
	[503, 'Injected HTTP 503'],
	[429, 'Injected HTTP 429'],
];

/** Throttled answers (HTTP 429, 503) are retried after the wait SocialHub asks for, at most this often. */
const MAX_THROTTLED = 30;

describe.each(Object.entries(kinds))('faults on a %s', (_kind, kind) => {
	it.each(statusFaults)('HTTP %i: the error names the operation and carries SocialHub’s message', async (status, said) => {
		// Retry-After: 0, so that the throttled statuses' automatic retries run out at once.
		ctx.sandbox.addFault({ path: kind.path, status, times: Infinity, retryAfter: 0 });
		const { error, run } = await ctx.engine.run(kind.parameters(0), [{ n: 1 }]);
		expect(error?.message).toBe(`${kind.label} failed: ${said}`);
		expect(error?.description).toContain(`HTTP ${status}`);
		expect(error?.httpCode).toBe(String(status));
		const throttled = status === 429 || status === 503;
		expect(ctx.sandbox.apiRequests(kind.path)).toHaveLength(throttled ? MAX_THROTTLED : 1);
		if (throttled) expect(error?.description).toContain('nothing was applied for this item');
		else if (kind.label !== 'Get Member' && kind.label !== 'Get Points Records') expect(error?.description).toContain('may have applied');
		expectNoSecrets(run);
	});

	it('HTTP 503 without a SocialHub body: the error carries the status', async () => {
		ctx.sandbox.addFault({ path: kind.path, status: 503, body: 'Service Unavailable', times: Infinity, retryAfter: 0 });
		const { error } = await ctx.engine.run(kind.parameters(0), [{ n: 1 }]);
		expect(error?.message).toBe(`${kind.label} failed: SocialHub answered HTTP 503`);
	});

	it('a server that never answers: gives up after Request Options > Timeout and says so', async () => {
		ctx.sandbox.addFault({ path: kind.path, hang: true, times: Infinity });
		const started = Date.now();
		const { error, run } = await ctx.engine.run({ ...kind.parameters(0), requestOptions: { timeout: 400 } }, [{ n: 1 }]);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(error?.message).toBe(`${kind.label} failed: SocialHub did not answer within 400 ms`);
		expect(error?.description).toContain('Timeout');
		expectNoSecrets(run);
	});

	it('a connection dropped without an answer', async () => {
		ctx.sandbox.addFault({ path: kind.path, drop: true, times: Infinity });
		const { error } = await ctx.engine.run(kind.parameters(0), [{ n: 1 }]);
		expect(error?.message).toBe(`${kind.label} failed: no complete answer from SocialHub (connection closed without an answer)`);
	});

	it('a malformed JSON body', async () => {
		ctx.sandbox.addFault({ path: kind.path, malformed: true, times: Infinity });
		const { error } = await ctx.engine.run(kind.parameters(0), [{ n: 1 }]);
		expect(error?.message).toBe(`${kind.label} failed: SocialHub's answer is not the JSON envelope it should be (it may have been cut off)`);
	});

	it('HTTP 200 with code ≠ 200', async () => {
		ctx.sandbox.addFault({ path: kind.path, status: 200, body: { code: 50001, msg: 'Tenant is suspended' }, times: Infinity });
		const { error } = await ctx.engine.run(kind.parameters(0), [{ n: 1 }]);
		expect(error?.message).toBe(`${kind.label} failed: Tenant is suspended`);
		expect(error?.description).toContain('code 50001');
	});

	it('a token that expires mid-run: one renewal, the run completes', async () => {
		await ctx.engine.run(kind.parameters(0), [{ n: 0 }]);
		ctx.sandbox.expireTokens();
		const { error, items } = await ctx.engine.run(kind.parameters(0), [{ n: 1 }, { n: 2 }, { n: 3 }]);
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThanOrEqual(3);
		expect(ctx.sandbox.tokenCalls).toBe(2);
	});

	it('the token endpoint itself failing', async () => {
		ctx.sandbox.addFault({ path: '/v1/auth/token', status: 500, body: { code: 500, msg: 'Token service error' }, times: Infinity });
		const { error, run } = await ctx.engine.run(kind.parameters(0), [{ n: 1 }]);
		expect(error?.message).toBe(`${kind.label} failed: SocialHub's token service failed (HTTP 500): Token service error. No access token was issued; this is not a sign of a wrong App ID or App Secret. Try again later.`);
		expect(ctx.sandbox.apiRequests(kind.path)).toHaveLength(0);
		expectNoSecrets(run);
	});

	it('a token rejected as HTTP 200 with code 401 in the body: the node renews it itself and succeeds', async () => {
		await ctx.engine.run(kind.parameters(0), [{ n: 0 }]);
		ctx.sandbox.setRejectTokensInBody(true);
		ctx.sandbox.expireTokens();
		try {
			const { error, items } = await ctx.engine.run(kind.parameters(0), [{ n: 1 }, { n: 2 }]);
			expect(error).toBeUndefined();
			expect(items.length).toBeGreaterThanOrEqual(2);
			expect(ctx.sandbox.tokenCalls).toBe(2);
		} finally {
			ctx.sandbox.setRejectTokensInBody(false);
		}
	});

	it('a token rejected as HTTP 200 with code 401 even after renewal: the error says what happened and what to do', async () => {
		ctx.sandbox.addFault({ path: kind.path, status: 200, body: { code: 401, msg: 'token invalid' }, times: Infinity });
		const { error, run } = await ctx.engine.run(kind.parameters(0), [{ n: 1 }]);
		expect(error?.message).toBe(`${kind.label} failed: token invalid`);
		expect(error?.description).toContain('HTTP 200 with code 401');
		expect(error?.description).toContain('Check the App ID and App Secret');
		expectNoSecrets(run);
	});

	it('a gateway that echoes the request (token included) in its error never leaks the token', async () => {
		ctx.sandbox.addFault({ path: kind.path, echo: true, times: Infinity });
		const { error, run } = await ctx.engine.run(kind.parameters(0), [{ n: 1 }]);
		expect(error?.message).toContain(`${kind.label} failed: Gateway error for request`);
		expect(error?.message).toContain('***');
		expectNoSecrets(run);
	});

	it('with Continue On Fail, the failing item becomes an error item and every other item is processed', async () => {
		ctx.sandbox.addFault({ path: kind.path, skip: 1, status: 500, times: 1 });
		const { error, items, run } = await ctx.engine.run(kind.parameters(0), [{ n: 1 }, { n: 2 }, { n: 3 }], { continueOnFail: true });
		expect(error).toBeUndefined();
		const errors = items.filter((item) => item.json.error);
		expect(errors).toHaveLength(1);
		expect(String(errors[0].json.error)).toBe(`${kind.label} failed: Injected HTTP 500`);
		expect(items.length - errors.length).toBeGreaterThanOrEqual(2);
		expectNoSecrets(run);
	});
});

describe('connection refused', () => {
	it('while getting a token', async () => {
		ctx.engine.setCredential({ baseUrl: 'http://127.0.0.1:9', appId: 'a', appSecret: SANDBOX_APP_SECRET });
		const { error, run } = await ctx.engine.run(adjustParameters());
		expect(error?.message).toBe(
			'Adjust Member Points failed: Could not reach SocialHub at http://127.0.0.1:9 to get an access token (connection refused)',
		);
		expectNoSecrets(run);
	});

	it('with a stored token', async () => {
		const keys = { baseUrl: 'http://127.0.0.1:9', appId: 'a', appSecret: SANDBOX_APP_SECRET };
		ctx.engine.setCredential({ ...keys, accessToken: 'tok-stored-0001', tokenFingerprint: keysOf(keys).fingerprint });
		const { error, run } = await ctx.engine.run(adjustParameters());
		expect(error?.message).toBe('Adjust Member Points failed: could not connect to SocialHub (connection refused)');
		expect(everything(run)).not.toContain('tok-stored-0001');
	});
});

describe('Retry On Fail', () => {
	it.each<[string, Fault]>([
		['a lost response (applied, then HTTP 502)', { path: '/v1/points/adjustment', applyFirst: true, status: 502, times: 2 }],
		['a response that never comes (applied, then no answer)', { path: '/v1/points/adjustment', applyFirst: true, hang: true, times: 1 }],
	])('a retried adjustment after %s carries the same operation ID and is applied once', async (_what, fault) => {
		ctx.sandbox.addFault(fault);
		const { error, items } = await ctx.engine.run(
			{ ...adjustParameters({ operationId: '={{ "retry-" + $json.order }}', pointValue: 25 }), requestOptions: { timeout: 400 } },
			[{ order: 'A' }],
			{ retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ duplicate: true });
		const ids = ctx.sandbox.apiRequests('/v1/points/adjustment').map((r) => (r.body as { operationId: string }).operationId);
		expect(ids.length).toBeGreaterThan(1);
		expect(new Set(ids)).toEqual(new Set(['retry-A']));
		expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1025);
	});
});

describe('a write whose outcome is unknown', () => {
	it.each([
		['the connection closed after SocialHub applied it', { applyFirst: true, drop: true }],
		['an HTTP 200 answer cut off mid-body', { truncate: true }],
		['no answer within the Timeout', { applyFirst: true, hang: true }],
	])('an adjustment, %s: may have been applied; re-run with the same Operation ID', async (_what, fault) => {
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', ...fault });
		const { error } = await ctx.engine.run({ ...adjustParameters({ operationId: 'lost-1' }), requestOptions: { timeout: 500 } });
		expect(error?.description).toContain('may have applied it');
		expect(error?.description).toContain('Run it again with the same Operation ID ("lost-1")');
		expect(error?.description).not.toContain("Check the credential's Base URL");
		expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1100);
	});

	it('Create Customer, connection closed after it was applied: check before sending it again', async () => {
		ctx.sandbox.addFault({ path: '/v1/consumer', applyFirst: true, drop: true });
		const { error } = await ctx.engine.run({ resource: 'consumer', operation: 'createConsumer', name: 'Lost', mobilePhone: '13900000077', phonePrefCode: '+86', organizationCode: 'ORG1' });
		expect(error?.description).toContain('Check in SocialHub whether it was applied before sending it again');
	});

	it('with Retry On Fail, the adjustment is sent again with its Operation ID and applied once', async () => {
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', applyFirst: true, drop: true });
		const { error, items } = await ctx.engine.run(adjustParameters({ operationId: 'lost-2' }), [{}], { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ duplicate: true });
		expect(ctx.sandbox.stats().appliedMoreThanOnce).toBe(0);
		expect(ctx.sandbox.state.accounts.get('PA0001')?.balance).toBe(1100);
	});

	it('with Retry On Fail, Create Customer is not sent again blindly', async () => {
		ctx.sandbox.addFault({ path: '/v1/consumer', applyFirst: true, drop: true });
		const { error } = await ctx.engine.run(
			{ resource: 'consumer', operation: 'createConsumer', name: 'Once', mobilePhone: '13900000078', phonePrefCode: '+86', organizationCode: 'ORG1' },
			[{}],
			{ retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		);
		expect(error?.description).toContain('may have applied it');
		expect(ctx.sandbox.apiRequests('/v1/consumer')).toHaveLength(1);
	});
});

describe('judgeAnswer and judgeError (what one attempt came to), without n8n', () => {
	const adjustment = { operationId: 'op-7', readOnly: false };
	const answer = (statusCode: number, body: unknown, headers: Record<string, unknown> = {}) => ({
		statusCode,
		headers: { 'content-type': 'application/json;charset=utf-8', ...headers },
		body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
	});

	it.each<[string, ReturnType<typeof answer>, Record<string, unknown>]>([
		['a success', answer(200, { code: '200', data: { id: 1 } }), { ok: true }],
		['HTTP 429 with Retry-After', answer(429, { code: '429', msg: 'slow down' }, { 'retry-after': '2' }), { ok: false, kind: 'throttled', retryAfterMs: 2000 }],
		['HTTP 503', answer(503, 'busy'), { ok: false, kind: 'throttled' }],
		['HTTP 200 with a rate-limit code', answer(200, { code: '10029', msg: 'limited' }), { ok: false, kind: 'throttled' }],
		['HTTP 401', answer(401, { code: '401' }), { ok: false, tokenRejected: true }],
		['HTTP 200 with code 401', answer(200, { code: 401, msg: 'token invalid' }), { ok: false, tokenRejected: true }],
		['a business refusal', answer(200, { code: '40096', msg: 'Insufficient points' }), { ok: false, kind: 'refused' }],
		['HTTP 400', answer(400, { code: '400', msg: 'bad' }), { ok: false, kind: 'refused' }],
		['HTTP 502', answer(502, 'Bad Gateway'), { ok: false, kind: 'unknown' }],
		['a cut-off body', answer(200, '{"code": "200", "data": {"bal'), { ok: false, kind: 'unknown' }],
		['a redirect', answer(302, '', { location: 'https://elsewhere.example/x' }), { ok: false, kind: 'refused' }],
	])('%s', (_what, given, expected) => {
		expect(judgeAnswer(given, 'Adjust Member Points', adjustment, 'https://s1.example')).toMatchObject(expected);
	});

	it('an unknown outcome of an adjustment advises the same Operation ID; of a create, checking first', () => {
		const lost = answer(504, 'Gateway Timeout');
		const withId = judgeAnswer(lost, 'Adjust Member Points', adjustment, 'https://s1.example');
		const plain = judgeAnswer(lost, 'Create', { readOnly: false }, 'https://s1.example');
		expect(!withId.ok && withId.failure.description).toContain('Run it again with the same Operation ID ("op-7")');
		expect(!plain.ok && plain.failure.description).toContain('Check in SocialHub whether it was applied');
	});

	it.each<[string, unknown, string]>([
		['connection refused', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'notSent'],
		['host not found', { code: 'ENOTFOUND' }, 'notSent'],
		['no file handle left', { code: 'EMFILE' }, 'throttled'],
		['a reset after sending', { code: 'ECONNRESET', message: 'socket hang up' }, 'unknown'],
		['a timeout', { code: 'ECONNABORTED', message: 'timeout of 500ms exceeded' }, 'unknown'],
		['the same, wrapped by n8n (2.x keeps it as cause)', { message: 'The connection was aborted', cause: { code: 'ECONNREFUSED' } }, 'notSent'],
	])('an error: %s → %s', (_what, error, kind) => {
		expect(judgeError(error, 'Get Member', { readOnly: true }, 500)).toMatchObject({ ok: false, kind });
	});
});
