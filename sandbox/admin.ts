/**
 * The sandbox's own calls under /__sandbox/: what a test, the e2e or a developer uses to look
 * inside a running sandbox and to change it. Never limited, delayed or faulted.
 */
import type { Fault } from './faults';
import type { LimitsPatch } from './limits';
import type { SocialHubSandbox } from './server';
import type { Json } from './state';

/** An admin call's answer: HTTP status and JSON body. */
export interface AdminAnswer {
	status: number;
	body: unknown;
}

const done: AdminAnswer = { status: 200, body: { ok: true } };

/** Carries out an admin call; a body that is not JSON or a bad value answers HTTP 400. */
export function adminAnswer(sandbox: SocialHubSandbox, method: string, path: string, rawBody: string): AdminAnswer {
	let body: unknown;
	try {
		body = rawBody ? JSON.parse(rawBody) : {};
		return route(sandbox, `${method} ${path}`, body);
	} catch (error) {
		return { status: 400, body: { error: (error as Error).message } };
	}
}

function route(sandbox: SocialHubSandbox, call: string, body: unknown): AdminAnswer {
	const fields = (body ?? {}) as Json;
	switch (call) {
		case 'GET /__sandbox/requests':
			return { status: 200, body: sandbox.requests };
		case 'GET /__sandbox/state':
			return { status: 200, body: sandbox.state.snapshot() };
		case 'POST /__sandbox/reset':
			sandbox.reset();
			return done;
		case 'POST /__sandbox/faults':
			sandbox.addFault(body as Fault);
			return done;
		case 'POST /__sandbox/expire-tokens':
			sandbox.expireTokens();
			return done;
		case 'POST /__sandbox/seed-records': {
			const accountCode = String(fields.accountCode ?? 'PA0001');
			if (!sandbox.state.accounts.has(accountCode)) {
				sandbox.state.accounts.set(accountCode, { accountCode, cardNo: `card-${accountCode}`, pointsGroupCode: 'PG01', balance: 0 });
			}
			sandbox.state.seedRecords(accountCode, Number(fields.count ?? 0));
			return done;
		}
		case 'POST /__sandbox/clear-requests':
			sandbox.clearRequests();
			return done;
		case 'GET /__sandbox/stats':
			return { status: 200, body: sandbox.stats() };
		case 'GET /__sandbox/limits':
			return { status: 200, body: sandbox.limits() };
		case 'POST /__sandbox/limits':
			return { status: 200, body: { ok: true, limits: sandbox.setLimits(body as LimitsPatch | null) } };
		default:
			return { status: 404, body: { error: 'unknown admin call' } };
	}
}
