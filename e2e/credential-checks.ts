/**
 * The SocialHub API credential through n8n's REST API, as the editor's Save calls it: it can be
 * saved, and the credential test (the node's `testedBy`) gives the verdicts the README's
 * Credentials section quotes — SocialHub's own reason in every case, for a new credential and for
 * a saved one edited to a wrong secret alike. The stored token never comes back over REST.
 */
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, type SocialHubSandbox } from '../sandbox/server';
import type { N8nRest } from './n8n';

type Check = (ok: boolean, what: string, detail?: string) => void;

export interface SavedCredential {
	credential: { id: string; name: string; type: string };
	/** Once a workflow has stored a token: it is not readable, and it does not pass a wrong secret. */
	checkStoredToken: () => Promise<void>;
}

const REJECTED = 'SocialHub rejected the App ID and App Secret: Invalid appId or appSecret';

export async function checkCredentialTests(rest: N8nRest, sandbox: SocialHubSandbox, check: Check): Promise<SavedCredential> {
	const goodData = { baseUrl: sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET };
	const created = await rest.call<{ id: string; name: string }>('POST', '/rest/credentials', {
		name: 'SocialHub sandbox', type: 'socialHubApi', data: goodData,
	});
	check(
		created.status === 200 && Boolean(created.data.id),
		'a SocialHub API credential can be saved',
		`HTTP ${created.status}`,
	);
	const credential = { id: created.data.id, name: 'SocialHub sandbox', type: 'socialHubApi' };
	const test = async (data: Record<string, string>) => {
		const body = { credentials: { ...credential, data } };
		type Verdict = { status: string; message: string };
		return (await rest.call<Verdict>('POST', '/rest/credentials/test', body)).data;
	};

	const good = await test(goodData);
	check(good.status === 'OK', 'credential test with good keys succeeds', good.message);
	const bad = await test({ ...goodData, appSecret: 'e2e-wrong-secret' });
	check(
		bad.status === 'Error' && bad.message === REJECTED,
		'credential test with bad keys fails with SocialHub’s message, without the secret',
		bad.message,
	);
	// The README's other two rows, quoted exactly.
	const unreachable = await test({ ...goodData, baseUrl: 'http://127.0.0.1:9' });
	check(
		unreachable.message === 'Could not reach SocialHub at http://127.0.0.1:9 to get an access token (connection refused)',
		'credential test with a Base URL that does not answer names it and the reason',
		unreachable.message,
	);
	const notHttp = await test({ ...goodData, baseUrl: 'ftp://example.com' });
	check(
		notHttp.message ===
			'The credential\'s Base URL "ftp://example.com" is not an http(s) URL. Set it to e.g. https://s1.socialhub.ai/openapi-prod',
		'credential test with a Base URL that is not http(s) says so',
		notHttp.message,
	);

	const checkStoredToken = async () => {
		const storedPath = `/rest/credentials/${credential.id}?includeData=true`;
		const stored = (await rest.call<{ data: { accessToken?: string } }>('GET', storedPath)).data.data;
		// The token is a password field: n8n hands the editor a placeholder, never the token.
		const accessToken = String(stored.accessToken ?? '');
		check(
			sandbox.issuedTokens.length > 0 && accessToken !== '' && !sandbox.issuedTokens.includes(accessToken),
			'the stored access token is not readable over n8n’s REST API (includeData)',
			`${accessToken.slice(0, 24)}…`,
		);
		// The editor sends that placeholder back with an edited secret; n8n restores the stored token.
		const edited = await test({ ...goodData, appSecret: 'edited-wrong-secret', accessToken });
		check(
			edited.status === 'Error' && edited.message === REJECTED,
			'a wrong secret edited into a saved credential fails with SocialHub’s message although its stored token works',
			edited.message,
		);
	};
	return { credential, checkStoredToken };
}
