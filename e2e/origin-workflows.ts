/**
 * The workflows of the origin checks (e2e/origin.ts), built the way a user builds a *Custom API
 * Call*: n8n's own HTTP Request node 4.2, Authentication "Predefined Credential Type" → SocialHub
 * API. Each workflow is one chain after a Manual Trigger, so one `n8n execute` covers several
 * cases: each case is a node, read back from the execution by its name (NAMES).
 */

export interface CredentialRef {
	id: string;
	name: string;
}

/** One HTTP Request node: a GET of `url` (an expression is allowed) with a SocialHub credential. */
export interface HttpCase {
	name: string;
	url: string;
	credential: CredentialRef;
	/** n8n's "On Error: Continue" — the error becomes the node's output item. */
	continueOnFail?: boolean;
}

type WorkflowNode = Record<string, unknown> & { name: string };

const at = (index: number): [number, number] => [220 * index, 0];

function httpRequestNode(step: HttpCase, index: number): WorkflowNode {
	return {
		id: `http-${index}`,
		name: step.name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: at(index),
		parameters: {
			method: 'GET',
			url: step.url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'socialHubApi',
			options: {},
		},
		credentials: { socialHubApi: step.credential },
		...(step.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
}

/**
 * Two items whose `url` field holds the given URLs (a Set node's JSON split into items), so the
 * next node's URL can come from the item as `={{ $json.url }}`.
 */
export function itemsWithUrls(urls: string[]): WorkflowNode[] {
	return [
		{
			id: 'targets',
			name: 'Targets',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [0, 200],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ targets: urls.map((url) => ({ url })) }), options: {} },
		},
		{
			id: 'split',
			name: 'One item per URL',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [220, 200],
			parameters: { fieldToSplitOut: 'targets', options: {} },
		},
	];
}

/** A workflow as `POST /rest/workflows` takes it. */
export type WorkflowBody = ReturnType<typeof chainWorkflow>;

/**
 * A workflow for `POST /rest/workflows`: Manual Trigger → `steps` in order. An entry is either an
 * HTTP Request case or ready-made nodes (e.g. `itemsWithUrls`). A node after a multi-item node runs
 * once per item, so put multi-item producers last.
 */
export function chainWorkflow(name: string, steps: Array<HttpCase | WorkflowNode[]>) {
	const nodes: WorkflowNode[] = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: at(0), parameters: {} },
	];
	for (const step of steps) {
		if (Array.isArray(step)) nodes.push(...step);
		else nodes.push(httpRequestNode(step, nodes.length));
	}
	const connections: Record<string, unknown> = {};
	for (let index = 1; index < nodes.length; index++) {
		connections[nodes[index - 1].name] = { main: [[{ node: nodes[index].name, type: 'main', index: 0 }]] };
	}
	return { name, nodes, connections, settings: { timezone: 'UTC', executionOrder: 'v1' } };
}

export const MEMBER = '/v1/member/M0001';
export const NAMES = {
	otherPort: 'Another port',
	localhost: 'localhost',
	domainsRefused: 'Domains without 127.0.0.1',
	fromItem: 'URL from the item',
	stored: 'Base URL, stored token',
	fresh: 'Base URL, fresh credential',
	domainsAllowed: 'Domains with 127.0.0.1',
};

/** Where the cases send: the Base URL's origin, the other server's, and the credentials. */
export interface OriginTargets {
	base: string;
	other: string;
	credential: CredentialRef;
	/** A credential saved with no token: its first request goes without one. */
	fresh: CredentialRef;
	/** On 2.x: a fresh credential whose Allowed HTTP Request Domains excludes 127.0.0.1. */
	domains?: CredentialRef;
}

/** Requests the credential (or n8n's domain list) must refuse; the last one stops the run. */
export function refusedWorkflow({ base, other, credential, fresh, domains }: OriginTargets) {
	const localhost = `http://localhost:${new URL(base).port}`;
	return chainWorkflow('E2E: SocialHub credential, other origins', [
		{ name: NAMES.otherPort, url: `${other}/collect?from=e2e`, credential, continueOnFail: true },
		...(domains
			? [{ name: NAMES.domainsRefused, url: `${base}${MEMBER}?x=domains`, credential: domains, continueOnFail: true }]
			: []),
		{ name: NAMES.localhost, url: `${localhost}${MEMBER}`, credential: fresh },
	]);
}

/** Requests to the Base URL's own path (tagged by `x`), then two items: one foreign, one own. */
export function baseUrlWorkflow({ base, other, credential, fresh, domains }: OriginTargets) {
	return chainWorkflow('E2E: SocialHub credential, its Base URL', [
		{ name: NAMES.stored, url: `${base}${MEMBER}?x=stored&y=1`, credential, continueOnFail: true },
		{ name: NAMES.fresh, url: `${base}${MEMBER}?x=fresh`, credential: fresh, continueOnFail: true },
		...(domains
			? [{ name: NAMES.domainsAllowed, url: `${base}${MEMBER}?x=domains`, credential: domains, continueOnFail: true }]
			: []),
		// Last: the nodes after a two-item node would run twice.
		itemsWithUrls([`${other}/callback`, `${base}${MEMBER}?x=item`]),
		{ name: NAMES.fromItem, url: '={{ $json.url }}', credential, continueOnFail: true },
	]);
}
