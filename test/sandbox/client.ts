/**
 * A raw HTTP client for the sandbox's own tests: a new connection per request (no agent), and
 * what arrived as it arrived — status, headers, body bytes, whether the body was complete.
 */
import http from 'node:http';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SocialHubSandbox, type SandboxOptions } from '../../sandbox/server';

/** What a client received. */
export interface RawAnswer {
	status: number;
	headers: http.IncomingHttpHeaders;
	bytes: Buffer;
	/** Whether the whole body promised by the headers arrived. */
	complete: boolean;
	/** The body as UTF-8 text. */
	text: string;
}

/** One request on a new connection; rejects with the socket's error (ECONNRESET, …) when no answer came. */
export function raw(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		const request = http.request(`${url}${path}`, { method, headers, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			// A cut-off body ends in an 'aborted' error; what arrived until then is the answer.
			res.on('error', () => undefined);
			res.on('close', () => {
				const bytes = Buffer.concat(chunks);
				resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, complete: res.complete, text: bytes.toString('utf8') });
			});
		});
		request.on('error', reject);
		request.end(body);
	});
}

/** A fresh access token from the sandbox. */
export async function token(sandbox: SocialHubSandbox): Promise<string> {
	const answer = await raw(sandbox.url, 'POST', '/v1/auth/token', { 'Content-Type': 'application/json' }, JSON.stringify({ appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET }));
	return (JSON.parse(answer.text) as { data: { accessToken: string } }).data.accessToken;
}

/** A valid adjustment of member card M0001 (balance 1000 in the seed data). */
export const adjustment = (operationId: string, pointValue = 10) =>
	JSON.stringify({ accountType: 2, accountCode: 'M0001', operationId, operationType: 6, pointValue, effectiveEndTime: Date.UTC(2030, 0, 1), upgradeTierFlag: 0 });

/** POST /v1/points/adjustment with `token`. */
export const adjust = (sandbox: SocialHubSandbox, accessToken: string, operationId: string, pointValue = 10) =>
	raw(sandbox.url, 'POST', '/v1/points/adjustment', { Authorization: accessToken, 'Content-Type': 'application/json' }, adjustment(operationId, pointValue));

/** GET `path` with `token`. */
export const get = (sandbox: SocialHubSandbox, accessToken: string, path: string) => raw(sandbox.url, 'GET', path, { Authorization: accessToken });

/** An admin call; its JSON answer. */
export async function admin<T = Record<string, unknown>>(sandbox: SocialHubSandbox, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
	const answer = await raw(sandbox.url, method, `/__sandbox/${path}`, { 'Content-Type': 'application/json' }, body === undefined ? undefined : JSON.stringify(body));
	return { status: answer.status, body: JSON.parse(answer.text) as T };
}

/** The balance of the seed points account. */
export const balance = (sandbox: SocialHubSandbox) => sandbox.state.accounts.get('PA0001')?.balance;

/** A sandbox for the whole file, reset before each test, with a fresh access token in `ctx.token`. */
export function useRawSandbox(options: SandboxOptions = {}) {
	const ctx = { sandbox: new SocialHubSandbox(options), token: '' };
	beforeAll(() => ctx.sandbox.start());
	afterAll(() => ctx.sandbox.stop());
	beforeEach(async () => {
		ctx.sandbox.reset();
		ctx.token = await token(ctx.sandbox);
	});
	return ctx;
}

/** Waits for the start of the next one-second window (the rate limit's). */
export const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1005 - (Date.now() % 1000)));
