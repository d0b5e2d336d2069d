/** SocialHub's side of a request that got past the gateway: tokens, then the endpoint. */
import { randomUUID } from 'node:crypto';

import { fail, ok } from './answer';
import type { RecordedRequest } from './options';
import type { SocialHubSandbox } from './server';
import type { Json } from './state';

/** An API answer: HTTP status and SocialHub's envelope. */
export interface ApiAnswer {
	status: number;
	body: unknown;
}

/** The token exchange's path. */
export const TOKEN_PATH = '/v1/auth/token';

/**
 * SocialHub's answer to a well-formed request: the token exchange, the token check, the endpoint.
 * `tokens` maps each valid access token to its expiry (ms epoch).
 */
export function apiAnswer(sandbox: SocialHubSandbox, tokens: Map<string, number>, request: RecordedRequest): ApiAnswer {
	const { method, path, query, body, authorization, contentType } = request;
	if (path === TOKEN_PATH && method === 'POST') {
		sandbox.tokenCalls++;
		const { appId, appSecret } = (body ?? {}) as Json;
		const apps = [{ appId: sandbox.options.appId, appSecret: sandbox.options.appSecret }, ...sandbox.options.extraApps];
		if (!apps.some((app) => app.appId === appId && app.appSecret === appSecret)) {
			return { status: 200, body: fail(40001, 'Invalid appId or appSecret') };
		}
		const accessToken = `tok-${randomUUID()}`;
		sandbox.issuedTokens.push(accessToken);
		sandbox.tokenApps.set(accessToken, String(appId));
		tokens.set(accessToken, Date.now() + sandbox.options.tokenTtlSeconds * 1000);
		return { status: 200, body: ok({ accessToken, refreshToken: `ref-${randomUUID()}`, expiresIn: sandbox.options.tokenTtlSeconds }) };
	}
	const token = authorization ?? '';
	const expiresAt = tokens.get(token);
	if (expiresAt === undefined || expiresAt < Date.now()) {
		const answer = fail(401, token.startsWith('Bearer ') ? 'Token must be sent without "Bearer "' : 'Access token is invalid or expired');
		return { status: sandbox.options.rejectTokensInBody ? 200 : 401, body: answer };
	}
	if (method !== 'GET' && !String(contentType ?? '').includes('application/json')) {
		return { status: 200, body: fail(415, 'Content-Type must be application/json') };
	}
	const result = sandbox.state.route(method, path, query, body);
	if (!result) return { status: 404, body: fail(404, `No such endpoint: ${method} ${path}`) };
	return { status: 200, body: 'error' in result ? fail(result.error[0], result.error[1]) : ok(result.data) };
}
