import type { IHttpRequestHelper } from 'n8n-workflow';

import { attempt, attemptAsync } from '../shared/attempt';
import { decodeText, parseExactJson } from '../shared/exactJson';
import { envelopeCode } from './envelope';
import type { TokenResponse } from './exchange';
import { TOKEN_TIMEOUT_MS } from './exchange';

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
			})) as TokenResponse,
	);
	if ('failed' in asked) return undefined;
	const { statusCode = 200, headers = {}, body } = asked.value;
	if (statusCode === 401) return true;
	if (statusCode >= 300) return false;
	const text = decodeText(body, headers['content-type']);
	const parsed = attempt(() => parseExactJson(text));
	return 'value' in parsed && envelopeCode(parsed.value) === '401';
}
