import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { attemptAsync } from '../shared/attempt';
import { asOwnRequest } from '../transport/authenticate';
import { keysOf } from '../transport/baseUrl';
import { CREDENTIAL_TYPE } from '../transport/constants';
import { envelopeMessage } from '../transport/envelope';
import { redact } from '../transport/redact';
import { backoffMs } from '../transport/throttling';
import { getAccessToken, renewRejectedToken, tokenFor } from '../transport/tokens';
import { judgeAnswer, judgeError, type Answer, type Verdict } from '../transport/verdicts';

const LABEL = 'List loyalty programs';
type Failed = Exclude<Verdict, { ok: true }>;
/** The picker waits for a rate limit at most this often, and at most this long each time. */
const MAX_THROTTLED = 2;
const MAX_WAIT_MS = 5_000;

/**
 * The tenant's loyalty programs, for the Loyalty Program picker. Judged as the node's own
 * requests are (verdicts.ts): a rejected token (HTTP 401 or code 401) is renewed once, a rate
 * limit waited out (a few times, briefly: someone is looking at the picker), the answer read in
 * its charset. Throws NodeOperationError "Could not list the loyalty programs: <reason>", with the App
 * Secret and every token redacted.
 */
export async function searchLoyaltyPrograms(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const nature = { readOnly: true };
	let renewed = false;
	let throttled = 0;
	let body: IDataObject | undefined;
	while (body === undefined) {
		// A token before the request leaves, never a tokenless try first.
		const got = tokenFor(credentials) === '' ? await attemptAsync(async () => await getAccessToken(this.helpers, credentials)) : undefined;
		const carried = tokenFor(credentials);
		const sent = got && 'failed' in got ? got : await attemptAsync(async () =>
			(await asOwnRequest(credentials, async () =>
				await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
					method: 'GET',
					url: '/v1/member/loyaltyprograms',
					headers: { Accept: 'application/json' },
					encoding: 'arraybuffer',
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				}),
			)) as Answer,
		);
		const verdict = 'failed' in sent ? judgeError(sent.failed, LABEL, nature, undefined) : judgeAnswer(sent.value, LABEL, nature, keysOf(credentials).baseUrl);
		if (verdict.ok) {
			body = verdict.body;
			break;
		}
		let failed: Failed = verdict;
		if (failed.tokenRejected && !renewed) {
			renewed = true;
			const renewal = await attemptAsync(async () => await renewRejectedToken(this.helpers, credentials, carried));
			if (!('failed' in renewal)) continue;
			// The renewal's own failure is the reason to show (wrong keys), or a rate limit to wait out.
			failed = judgeError(renewal.failed, LABEL, nature, undefined) as Failed;
		}
		if (!failed.tokenRejected && failed.kind === 'throttled' && ++throttled <= MAX_THROTTLED) {
			await sleep(Math.min(MAX_WAIT_MS, failed.retryAfterMs ?? backoffMs(throttled)));
			continue;
		}
		// SocialHub's message may echo the request, the token included.
		const secrets = [credentials.appSecret, credentials.accessToken, carried, tokenFor(credentials)];
		const reason = envelopeMessage(failed.failure.response) ?? failed.failure.message.replace(`${LABEL} failed: `, '');
		throw new NodeOperationError(this.getNode(), redact(`Could not list the loyalty programs: ${reason}`, secrets), {
			description: redact(failed.failure.description, secrets),
		});
	}
	const programs = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	const wanted = filter?.trim().toLowerCase();
	const results = programs
		.map((program) => {
			const code = String(program.loyaltyProgramCode ?? program.code ?? '');
			const name = String(program.loyaltyProgramName ?? program.name ?? code);
			return { name: name === code ? code : `${name} (${code})`, value: code };
		})
		.filter((result) => result.value !== '')
		.filter((result) => !wanted || result.name.toLowerCase().includes(wanted));
	return { results };
}
