import type {
	ICredentialDataDecryptedObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { attemptAsync } from '../shared/attempt';
import type { Failure, FailureKind, RequestData } from './errors';
import type { Gate, Signal } from './flowControl';
import { pause } from './places';
import type { NodeRun } from './nodeRun';
import type { RetrySettings } from './runOptions';
import { backoffMs } from './throttling';
import { asOwnRequest } from './authenticate';
import { keysOf } from './baseUrl';
import { transportOf, useTransport } from './requestOptions';
import { getAccessToken, markRejected, renewRejectedToken, tokenFor } from './tokens';
import { beforeSending, failedBeforeAuthenticate } from './tokenHandover';
import { tryToken, wasAccepted, type Report } from './tokenProbe';
import { judgeAnswer, judgeError, type Answer, type RequestNature, type Verdict } from './verdicts';

/**
 * One request to SocialHub (one page of a list), delivered once: through the tenant's gate, with
 * a token, retried when that cannot double anything. A throttled request (not applied by
 * definition) is retried after the wait SocialHub asks for, always; with the node's Retry On Fail,
 * a request that never reached SocialHub is retried, and so is one whose outcome is unknown when
 * it is safe to repeat (a read, or a write with an Operation ID). Everything else is final.
 */

/** How many throttled answers one request takes before it gives up, and for how long at most from the first (ms). */
const MAX_THROTTLED = 30;
const THROTTLE_BUDGET_MS = 15 * 60_000;

export interface Sending {
	context: IExecutePaginationFunctions;
	run: NodeRun;
	gate: Gate;
	requestData: RequestData;
	credentials: ICredentialDataDecryptedObject;
	label: string;
	nature: RequestNature;
	retry: RetrySettings;
}

/** What delivering came to: SocialHub's envelope, or a final failure (`stopped`: never sent, the run stopped). */
export type Delivered =
	| { ok: true; body: Extract<Verdict, { ok: true }>['body'] }
	| { ok: false; kind: FailureKind; failure: Failure; stopped?: boolean };

const signalOf = (verdict: Verdict): Signal => {
	if (verdict.ok) return 'ok';
	if (verdict.tokenRejected) return 'neutral';
	return verdict.kind === 'throttled' || verdict.congestion ? 'throttled' : 'neutral';
};

/** Sends the request once through the gate; the answer (any HTTP status) or the error, judged. */
async function attemptOnce(sending: Sending): Promise<Verdict | 'stopped' | { unsent: unknown }> {
	const { context, run, gate, requestData, credentials, label, nature } = sending;
	let report: Report | undefined;
	for (;;) {
		if (tokenFor(credentials) === '') {
			// This package's requests get their token before they leave, never by a 401 first.
			const token = await attemptAsync(async () => await getAccessToken(context.helpers, credentials));
			if ('failed' in token) return judgeError(token.failed, label, nature, undefined);
		}
		const trial = await tryToken(tokenFor(credentials));
		if (trial === 'waited') continue;
		report = trial;
		break;
	}
	const own = await attemptAsync(async () => await run.ownPlaces?.take(run));
	if ('failed' in own) {
		report?.(false);
		return 'stopped';
	}
	const entered = await attemptAsync(async () => await gate.enter(run, run.signal));
	if ('failed' in entered || (!run.continueOnFail && run.stopped)) {
		// Cancelled, or the run stopped while this request waited for its turn: it is not sent.
		if (!('failed' in entered)) gate.leave(entered.value, 'neutral');
		run.ownPlaces?.give();
		report?.(false);
		return 'stopped';
	}
	let answer: Answer | undefined;
	requestData.postReceive = [
		{
			data: { parameterValue: undefined },
			actions: [
				async function (items: INodeExecutionData[], response: IN8nHttpFullResponse) {
					answer = response as Answer;
					return items;
				},
			],
		},
	];
	beforeSending(requestData.options);
	const carried = tokenFor(credentials);
	const sent = await attemptAsync(async () => await asOwnRequest(credentials, async () => await context.makeRoutingRequest(requestData)));
	const timeout = requestData.options.timeout;
	const verdict =
		'failed' in sent || !answer
			? judgeError('failed' in sent ? sent.failed : new Error('no answer'), label, nature, timeout)
			: judgeAnswer(answer, label, nature, keysOf(credentials).baseUrl);
	if ('failed' in sent && !isRefusal(verdict) && failedBeforeAuthenticate(requestData.options, carried)) {
		// n8n failed before the request left (storing the token, for one): it was never sent.
		gate.leave(entered.value, 'neutral');
		run.ownPlaces?.give();
		report?.(false);
		return { unsent: sent.failed };
	}
	gate.leave(entered.value, signalOf(verdict));
	run.ownPlaces?.give();
	// Marked before the waiting requests hear of it, so that none of them sends it again.
	if (!verdict.ok && verdict.tokenRejected) markRejected(requestData.options.headers?.Authorization);
	report?.(!(!verdict.ok && verdict.tokenRejected));
	return verdict;
}

/** A refusal before sending (another origin, a re-send refused) is judged as such, not tried again. */
const isRefusal = (verdict: Verdict) => !verdict.ok && !verdict.tokenRejected && verdict.kind === 'refused';

/** How many times one request renews a rejected token. */
const MAX_RENEWALS = 3;
/** How many times a request n8n failed to send (before it left) is tried again. */
const MAX_UNSENT = 3;

const unsentFailure = (label: string, error: unknown): Failure => ({
	message: `${label} failed: ${error instanceof Error ? error.message : String(error)}`,
	description: `n8n failed before the request left (for example while storing the credential's access token), ${MAX_UNSENT + 1} times: nothing was sent for this item.`,
});

const notSent = (label: string): Delivered => ({
	ok: false,
	kind: 'notSent',
	stopped: true,
	failure: { message: `${label}: not sent`, description: 'The run stopped (or was cancelled) before this item was sent.' },
});

/** Delivers the request: retried as the rules above allow, or a final failure. */
export async function deliver(sending: Sending): Promise<Delivered> {
	const { run, retry, nature, requestData, credentials, context } = sending;
	const transport = transportOf(requestData.options as IHttpRequestOptions);
	// A token exchange this request triggers goes through the same proxy, SSL and timeout.
	if (transport) useTransport(credentials, transport);
	requestData.options.ignoreHttpStatusErrors = true;
	requestData.options.encoding = 'arraybuffer';
	// The throttle budget counts from the first throttle: waiting for a turn in a long run is not throttling.
	let throttledSince: number | undefined;
	let tries = 0;
	let unsent = 0;
	let throttled = 0;
	const renewedFor = new Set<string>();
	let tokenless = 0;
	let maybeApplied: Delivered | undefined;
	for (;;) {
		if (run.signal?.aborted || (!run.continueOnFail && run.stopped)) return maybeApplied ?? notSent(sending.label);
		const verdict = await attemptOnce(sending);
		if (verdict === 'stopped') return maybeApplied ?? notSent(sending.label);
		if ('unsent' in verdict) {
			if (++unsent <= MAX_UNSENT) continue;
			return { ok: false, kind: 'notSent', failure: unsentFailure(sending.label, verdict.unsent) };
		}
		if (verdict.ok) return verdict;
		if (verdict.tokenRejected) {
			// Renewed once; again only for a token that worked and died since (a long wait for a turn),
			// never for one SocialHub never accepted (keys or app refused: a token call per request).
			const rejected = String(requestData.options.headers?.Authorization ?? '');
			// Sent without a token while another request renewed it: it gets the new one, no renewal of its own.
			if (rejected === '' && ++tokenless <= MAX_RENEWALS) continue;
			const again = renewedFor.size === 0 || (!renewedFor.has(rejected) && wasAccepted(rejected) && renewedFor.size < MAX_RENEWALS);
			if (!again) return { ok: false, kind: 'refused', failure: verdict.failure };
			renewedFor.add(rejected);
			const renewal = await attemptAsync(async () => await renewRejectedToken(context.helpers, credentials, rejected));
			if ('failed' in renewal) {
				const judged = judgeError(renewal.failed, sending.label, nature, undefined);
				if (!judged.ok && !judged.tokenRejected) return { ok: false, kind: judged.kind, failure: judged.failure };
			}
			continue;
		}
		const final: Delivered = { ok: false, kind: verdict.kind, failure: verdict.failure };
		if (verdict.kind === 'unknown') maybeApplied = final;
		if (verdict.kind === 'throttled') {
			throttled++;
			throttledSince ??= Date.now();
			if (throttled >= MAX_THROTTLED || Date.now() - throttledSince > THROTTLE_BUDGET_MS) {
				final.failure = {
					...verdict.failure,
					description: `${verdict.failure.description} SocialHub refused it ${throttled} times over ${Math.round((Date.now() - throttledSince) / 1000)} s; nothing was applied for this item. Lower Options > Max Concurrent Requests or space the items out with Request Options > Batching.`,
				};
				return maybeApplied ?? final;
			}
			await pause(verdict.retryAfterMs ?? backoffMs(throttled), run.signal);
			continue;
		}
		const repeatable = verdict.kind === 'notSent' || nature.readOnly || nature.operationId !== undefined;
		if (verdict.kind === 'refused' || !repeatable || !retry.on || tries >= retry.maxTries - 1) return maybeApplied && verdict.kind !== 'unknown' ? maybeApplied : final;
		tries++;
		await pause(retry.waitMs, run.signal);
	}
}
