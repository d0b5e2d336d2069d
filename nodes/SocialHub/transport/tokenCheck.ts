import type { IHttpRequestHelper } from 'n8n-workflow';

import { attemptAsync } from '../shared/attempt';
import { TOKEN_TIMEOUT_MS } from './exchange';
import { judgeAnswer, type Answer } from './verdicts';

/**
 * Whether SocialHub rejects `token`, asked with the cheapest read there is (the loyalty programs).
 * n8n's legacy request (the HTTP Request node, Custom API Call) asks the credential for a new
 * token after any failure and then sends the request again; only a rejected token may lead to
 * that, or a write SocialHub answered 500 after applying it would be sent twice.
 * Returns true (rejected: HTTP 401, or HTTP 200 with code 401), false, or undefined (no answer).
 */
export async function tokenRejected(helpers: IHttpRequestHelper['helpers'], baseUrl: string, token: string): Promise<boolean | undefined> {
	const asked = await attemptAsync(
		async () =>
			(await helpers.httpRequest({
				method: 'GET',
				url: `${baseUrl}/v1/member/loyaltyprograms`,
				headers: { Authorization: token, Accept: 'application/json' },
				encoding: 'arraybuffer',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				maxRedirects: 0,
				timeout: TOKEN_TIMEOUT_MS,
			})) as Answer,
	);
	if ('failed' in asked) return undefined;
	const verdict = judgeAnswer(asked.value, 'Check the access token', { readOnly: true }, baseUrl);
	return !verdict.ok && verdict.tokenRejected === true;
}
