/**
 * Issue 21 in a real n8n: the SocialHub credential, used by n8n's own HTTP Request node 4.2
 * (Predefined Credential Type → SocialHub API), authenticates only requests to its Base URL's
 * origin. Two `n8n execute` runs per line: one of refused requests only (another port; localhost
 * for the Base URL's 127.0.0.1; on 2.x also n8n's Allowed HTTP Request Domains without 127.0.0.1),
 * then one of requests that must work (the Base URL's own path with a query string, with a stored
 * token and with a fresh credential; a URL from the item; the domain list allowing 127.0.0.1).
 */
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, type SocialHubSandbox } from '../sandbox/server';
import { SandboxState } from '../sandbox/state';
import { Collector } from './collector';
import { outputItems, type ExecutionOutput } from './expectations';
import type { N8nLine, N8nRest } from './n8n';
import { MEMBER, NAMES, baseUrlWorkflow, refusedWorkflow } from './origin-workflows';
import type { CredentialRef, OriginTargets, WorkflowBody } from './origin-workflows';

export interface OriginContext {
	line: N8nLine;
	rest: N8nRest;
	sandbox: SocialHubSandbox;
	/** The credential the other checks used: a token is stored in it by now. */
	credential: CredentialRef;
	/** Saves a workflow through REST and runs it with `n8n execute`. */
	execute: (name: string, workflow: WorkflowBody) => Promise<ExecutionOutput>;
	check: (ok: boolean, what: string, detail?: string) => void;
}

/** What both runs share: the other origin, the credentials beside the used one, readers. */
interface Setup extends OriginContext, OriginTargets {
	collector: Collector;
	keys: Record<string, string>;
	/** When n8n last wrote each credential (by name): storing a token changes it. */
	written: () => Promise<Record<string, string>>;
}

const text = (value: unknown) => JSON.stringify(value) ?? '';
const short = (value: unknown) => text(value).slice(0, 240);
type Item = Record<string, unknown> | undefined;
/** An error item's message (the HTTP Request node's Continue On Fail output). */
const messageOf = (item: Item) => String((item?.error as { message?: unknown } | undefined)?.message ?? '');
const answered = (item: Item) =>
	item?.code === '200' && (item.data as { cardNo?: string } | undefined)?.cardNo === 'M0001';
const refusal = (base: string, to: string) =>
	`The SocialHub API credential only authenticates requests to ${base}; this request goes to ${to}`;

function resetSandbox(sandbox: SocialHubSandbox) {
	sandbox.state = new SandboxState(sandbox.options.seed);
	sandbox.requests.length = 0;
}

/** The token, every token SocialHub issued and the App Secret: how many the execution holds. */
const leaks = (sandbox: SocialHubSandbox, run: ExecutionOutput) =>
	[SANDBOX_APP_SECRET, ...sandbox.issuedTokens].filter((secret) => text(run).includes(secret)).length;

export async function checkOrigins(context: OriginContext): Promise<void> {
	const { line, rest, sandbox, credential } = context;
	const collector = new Collector();
	try {
		const other = await collector.start();
		const keys = { baseUrl: sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET };
		const save = async (name: string, data: Record<string, string>) => {
			const body = { name, type: 'socialHubApi', data };
			const saved = await rest.call<{ id: string }>('POST', '/rest/credentials', body);
			if (saved.status !== 200) throw new Error(`n8n refused to save ${name}: HTTP ${saved.status}`);
			return { id: saved.data.id, name };
		};
		const fresh = await save('SocialHub fresh', keys);
		// n8n 2.x's own setting; its data keys as n8n-workflow's credential-domain-restrictions reads them.
		const restricted = { ...keys, allowedHttpRequestDomains: 'domains', allowedDomains: 'example.com' };
		const domains = line.quirks.credentialDomains ? await save('SocialHub domains', restricted) : undefined;
		const refs = [credential, fresh, ...(domains ? [domains] : [])];
		const written = async () => {
			const read = async (ref: CredentialRef) =>
				(await rest.call<{ updatedAt?: string }>('GET', `/rest/credentials/${ref.id}`)).data.updatedAt;
			const stamps = await Promise.all(refs.map(read));
			return Object.fromEntries(refs.map((ref, index) => [ref.name, String(stamps[index])]));
		};
		const setup = { ...context, base: new URL(sandbox.url).origin, other, collector, fresh, domains, keys, written };
		const writtenAfter = await checkRefused(setup);
		await checkBaseUrl(setup, writtenAfter);
	} finally {
		await collector.stop();
	}
}

/** Only refused requests: nothing may reach anyone, nothing may be stored. */
async function checkRefused(setup: Setup): Promise<Record<string, string>> {
	const { base, other, collector, sandbox, domains, check } = setup;
	const localhost = `http://localhost:${new URL(base).port}`;
	resetSandbox(sandbox);
	const writtenBefore = await setup.written();
	const refused = await setup.execute('origin-refused', refusedWorkflow(setup));
	const otherPortItem = outputItems(refused, NAMES.otherPort)[0];
	check(
		messageOf(otherPortItem) === refusal(base, other),
		`HTTP Request (stored token) to another port, ${other}: the item's error is the refusal naming both origins`,
		short(otherPortItem),
	);
	const runError = refused.data?.resultData?.error?.message ?? '';
	check(
		refused.status === 'error' && runError === refusal(base, localhost),
		`HTTP Request (fresh credential) to ${localhost}${MEMBER}: the run stops with the refusal naming both origins`,
		`${String(refused.status)}: ${runError}`,
	);
	check(collector.connections === 0, 'the other origin received nothing (no connection)', collector.summary());
	const received = sandbox.requests.map((request) => `${request.method} ${request.path}`).join(', ');
	check(
		sandbox.requests.length === 0,
		'SocialHub received no request and no token exchange for the refused requests',
		received || 'nothing received',
	);
	const found = leaks(sandbox, refused);
	check(found === 0, 'neither the token nor the App Secret appears in the execution', `${found} found`);
	const writtenAfter = await setup.written();
	check(
		text(writtenAfter) === text(writtenBefore),
		'no credential was written (updatedAt unchanged)',
		text(writtenAfter),
	);
	if (domains) {
		const item = outputItems(refused, NAMES.domainsRefused)[0];
		check(
			messageOf(item) !== '' && sandbox.requests.length === 0,
			'n8n’s Allowed HTTP Request Domains (example.com only) still applies: even the Base URL request fails, nothing sent',
			messageOf(item),
		);
		// n8n refuses it after `authenticate`, and the legacy request then runs `preAuthentication`
		// again: the error must stay n8n's own, not that of a token exchange n8n refused in turn.
		const domainRefusal = `Domain not allowed: This credential is restricted from accessing ${new URL(base).host}`;
		check(
			messageOf(item).startsWith(domainRefusal),
			'its error is n8n’s own "Domain not allowed: …" naming 127.0.0.1',
			messageOf(item),
		);
		const data = { ...setup.keys, allowedHttpRequestDomains: 'domains', allowedDomains: '127.0.0.1' };
		const body = { name: domains.name, type: 'socialHubApi', data };
		const patched = await setup.rest.call('PATCH', `/rest/credentials/${domains.id}`, body);
		if (patched.status !== 200) throw new Error(`PATCH of the domain list answered HTTP ${patched.status}`);
	}
	return writtenAfter;
}

/** The Base URL's own paths work, whatever token is stored; a foreign item beside them is refused. */
async function checkBaseUrl(setup: Setup, writtenBefore: Record<string, string>): Promise<void> {
	const { base, other, collector, sandbox, fresh, domains, check } = setup;
	resetSandbox(sandbox);
	const tokensBefore = sandbox.issuedTokens.length;
	const works = await setup.execute('origin-base-url', baseUrlWorkflow(setup));
	const newTokens = sandbox.issuedTokens.slice(tokensBefore);
	const sent = (x: string) => sandbox.requests.filter((request) => request.path === MEMBER && request.query.x === x);
	const tokens = (x: string) => sent(x).map((request) => String(request.authorization).slice(0, 10)).join(', ');

	const [stored] = sent('stored');
	check(
		answered(outputItems(works, NAMES.stored)[0]) &&
			sent('stored').length === 1 &&
			text(stored.query) === text({ x: 'stored', y: '1' }) &&
			sandbox.issuedTokens.slice(0, tokensBefore).includes(String(stored.authorization)),
		`HTTP Request to the Base URL’s ${MEMBER}?x=stored&y=1: answered, sent once with the stored token, query intact`,
		`${sent('stored').length} request(s) with ${tokens('stored')}, query ${text(stored?.query)}`,
	);
	const renewed = sent('fresh');
	const writtenAfter = await setup.written();
	check(
		answered(outputItems(works, NAMES.fresh)[0]) &&
			renewed.length === 1 &&
			newTokens.includes(String(renewed[0].authorization)) &&
			writtenAfter[fresh.name] !== writtenBefore[fresh.name],
		'a fresh credential (no token stored): held back until n8n asked the credential for a token, then sent once with it; n8n stored the token',
		`${renewed.length} request(s) with ${tokens('fresh')}; ${newTokens.length} token call(s) in the run`,
	);
	const [foreignItem, ownItem] = outputItems(works, NAMES.fromItem);
	check(
		messageOf(foreignItem) === refusal(base, other) &&
			answered(ownItem) &&
			sent('item').length === 1 &&
			collector.connections === 0,
		'URL from the item ($json.url), two items: the other origin’s refused (it received nothing), the Base URL’s answered',
		`${messageOf(foreignItem)} | ${short(ownItem)} | ${collector.summary()}`,
	);
	if (domains) {
		const item = outputItems(works, NAMES.domainsAllowed)[0];
		check(
			answered(item) && sent('domains').length > 0,
			'with Allowed HTTP Request Domains set to 127.0.0.1 the Base URL request works',
			short(item),
		);
	}
	const found = leaks(sandbox, works);
	check(
		works.status === 'success' && found === 0,
		'the run succeeds and neither a token nor the App Secret appears in its execution',
		`${String(works.status)}, ${found} found`,
	);
}
