/**
 * `npm run test:mcp`: an AI agent adjusts points through n8n's MCP Server Trigger. A workflow
 * exposes the SocialHub node as three tools (Adjust member points, Get member points accounts,
 * Get points records), their inputs filled by $fromAI(...); it is published in a real n8n and the
 * official MCP client SDK lists the tools, adjusts, reads the accounts and the records back, and
 * sends a bad argument that must come back as a readable tool error with nothing sent.
 * Also proves the node's "Custom API Call": an HTTP Request node with the SocialHub credential
 * (predefined credential type) calls the sandbox with a fresh token.
 * Artifacts (n8n's log, tools.json, summary.json) go to e2e/artifacts/mcp/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SocialHubSandbox } from '../sandbox/server';
import { Checks, artifactsFor, startN8nMain, stopAll, stopAllOnSignals, waitUntil } from './cluster';
import type { Agent, AgentTool, AgentToolResult, ConnectAgent } from './mcp-client/types';
import { N8nRest, executeWorkflow, installLikeThePanel, n8nEnvironment, n8nVersion, packPackage } from './n8n';

const PORT = 5940; // its task-runner broker 5941, `n8n execute`'s 5942
const EMAIL = 'owner@socialhub.test';
const PASSWORD = 'E2e-Passw0rd!';
const MCP_PATH = 'socialhub';

/** A parameter the agent fills: n8n turns each $fromAI(key, description, type) into a tool input. */
const fromAI = (key: string, description: string, type: 'string' | 'number') =>
	`={{ $fromAI('${key}', '${description}', '${type}') }}`;

const CARD = 'The member card number, e.g. M0001';

/** The tools as a user would build them: one SocialHub node per action, inputs from the agent. */
const TOOLS = [
	{
		name: 'Adjust member points',
		description:
			"Add points to or deduct points from a member's points account in SocialHub. Give each adjustment its own operationId: SocialHub never applies the same operationId twice.",
		parameters: {
			resource: 'points', operation: 'adjustPoints', accountType: 2,
			accountCode: fromAI('cardNumber', CARD, 'string'),
			operationId: fromAI('operationId', 'A unique ID for this adjustment, derived from what caused it (e.g. order-1001-bonus); reusing an ID never applies the points twice', 'string'),
			operationType: fromAI('operationType', '6 to add points, 7 to deduct points', 'number'),
			pointValue: fromAI('points', 'How many points to add or deduct: a whole number greater than 0', 'number'),
			pointDesc: fromAI('reason', 'Why the points change, shown to the member (e.g. Birthday bonus)', 'string'),
			effectiveEndTime: '2027-12-31T00:00:00', upgradeTierFlag: 0,
		},
	},
	{
		name: 'Get member points accounts',
		description: "List a member's points accounts with their balances (account code, points group, balance).",
		parameters: { resource: 'points', operation: 'getPointsAccount', cardNo: fromAI('cardNumber', CARD, 'string') },
	},
	{
		name: 'Get points records',
		description: 'List the points records (adjustments, with their operationId and value) of one points account.',
		parameters: {
			resource: 'points', operation: 'getPointsRecords',
			accountCode: fromAI('accountCode', 'The points account code, as returned by Get member points accounts (e.g. PA0001)', 'string'),
		},
	},
];

const textOf = (result: AgentToolResult) => result.content.map((part) => part.text ?? '').join('\n');

async function main() {
	const artifacts = artifactsFor('mcp');
	const checks = new Checks(`MCP: an AI agent through n8n ${n8nVersion()}'s MCP Server Trigger`, artifacts);
	const userFolder = mkdtempSync(join(tmpdir(), 'socialhub-mcp-n8n-'));
	const sandbox = new SocialHubSandbox();
	let agent: Agent | undefined;
	stopAllOnSignals();
	try {
		// Required at run time: the SDK is installed by e2e/services.sh into e2e/mcp-client/node_modules.
		const { connectAgent } = require('./mcp-client/agent') as { connectAgent: ConnectAgent };
		const tarball = packPackage();
		installLikeThePanel(userFolder, tarball);
		rmSync(tarball);
		const sandboxUrl = await sandbox.start();
		let phase = Date.now();
		const n8n = await startN8nMain(n8nEnvironment(userFolder, PORT), PORT, join(artifacts, 'n8n.log'), 'n8n');
		checks.time('start n8n', Date.now() - phase);
		const rest = new N8nRest(n8n.url);
		await rest.setUpOwner(EMAIL, PASSWORD);
		const created = await rest.call<{ id: string }>('POST', '/rest/credentials', {
			name: 'SocialHub sandbox', type: 'socialHubApi', data: { baseUrl: sandboxUrl, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET },
		});
		const credential = { id: created.data.id, name: 'SocialHub sandbox' };

		const nodeTypes = (await rest.call<Array<{ name: string }>>('GET', '/types/nodes.json')).data;
		checks.check(nodeTypes.some((type) => type.name === 'n8n-nodes-socialhub.socialHubTool'), 'n8n derived a tool node from the package (socialHubTool)');

		const trigger = 'MCP Server Trigger';
		const workflow = await rest.call<{ id: string; versionId: string }>('POST', '/rest/workflows', {
			name: 'SocialHub tools for AI agents',
			nodes: [
				{
					id: 'mcp', name: trigger, type: '@n8n/n8n-nodes-langchain.mcpTrigger', typeVersion: 2.1, position: [0, 0],
					webhookId: '2b7f0a31-6c55-4e0e-9f4e-8d3c1a9b0e57', parameters: { authentication: 'none', path: MCP_PATH },
				},
				...TOOLS.map((tool, index) => ({
					id: `tool-${index}`, name: tool.name, type: 'n8n-nodes-socialhub.socialHubTool', typeVersion: 1, position: [index * 220, 240],
					parameters: { descriptionType: 'manual', toolDescription: tool.description, ...tool.parameters },
					credentials: { socialHubApi: credential },
				})),
			],
			connections: Object.fromEntries(TOOLS.map((tool) => [tool.name, { ai_tool: [[{ node: trigger, type: 'ai_tool', index: 0 }]] }])),
			settings: { timezone: 'UTC', executionOrder: 'v1' },
		});
		const published = await rest.call<{ active?: boolean; activeVersionId?: string }>('POST', `/rest/workflows/${workflow.data.id}/activate`, { versionId: workflow.data.versionId });
		checks.check(
			workflow.status === 200 && published.status === 200 && Boolean(published.data.activeVersionId),
			'the MCP workflow is saved and published',
			`HTTP ${workflow.status}/${published.status}, active ${String(published.data.active)}`,
		);

		phase = Date.now();
		const mcpUrl = `${n8n.url}/mcp/${MCP_PATH}`;
		// Publishing answers before the trigger's webhooks are registered: wait until it stops saying 404.
		await waitUntil('the MCP endpoint registered', async () => (await fetch(mcpUrl, { method: 'DELETE' })).status !== 404, 30_000);
		agent = await connectAgent(mcpUrl);
		const tools = await agent.listTools();
		writeFileSync(join(artifacts, 'tools.json'), JSON.stringify(tools, null, 2));
		checks.log(`\nthe MCP client lists ${tools.length} tools at ${mcpUrl}:`);
		for (const tool of tools) {
			checks.log(`  ${tool.name} — ${tool.description ?? ''}`);
			for (const [name, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
				checks.log(`    ${name}${tool.inputSchema.required?.includes(name) ? '' : '?'}: ${schema.type} — ${schema.description ?? ''}`);
			}
		}
		const byName = (name: string) => tools.find((tool) => tool.name === name);
		const inputs = (tool?: AgentTool) => Object.keys(tool?.inputSchema.properties ?? {}).sort().join(',');
		const adjust = byName('Adjust_member_points');
		const accounts = byName('Get_member_points_accounts');
		const records = byName('Get_points_records');
		checks.check(Boolean(adjust && accounts && records), 'the tools are named after their nodes', tools.map((tool) => tool.name).join(', '));
		checks.check(inputs(adjust) === 'cardNumber,operationId,operationType,points,reason', 'Adjust member points asks for cardNumber, operationId, operationType, points, reason', inputs(adjust));
		checks.check(inputs(accounts) === 'cardNumber' && inputs(records) === 'accountCode', 'the list tools ask for cardNumber / accountCode only', `${inputs(accounts)} / ${inputs(records)}`);
		const described = tools.every((tool) => Object.values(tool.inputSchema.properties ?? {}).every((schema) => (schema.description ?? '').length > 15));
		checks.check(described && tools.every((tool) => (tool.description ?? '').length > 30), 'every tool and every input carries a description an LLM can act on');
		checks.check(adjust?.inputSchema.properties?.points?.type === 'number', 'points is typed as a number', String(adjust?.inputSchema.properties?.points?.type));

		sandbox.requests.length = 0;
		const adjusted = await agent.callTool('Adjust_member_points', {
			cardNumber: 'M0001', operationId: 'order-1001-bonus', operationType: 6, points: 25, reason: 'Birthday bonus',
		});
		checks.log(`  adjust → ${textOf(adjusted).slice(0, 300)}`);
		const sent = sandbox.apiRequests('/v1/points/adjustment');
		const body = sent[0]?.body as Record<string, unknown> | undefined;
		checks.check(!adjusted.isError && /1025/.test(textOf(adjusted)), 'the agent adjusted the points and read the new balance', textOf(adjusted).slice(0, 160));
		checks.check(
			sent.length === 1 && body?.accountCode === 'M0001' && body.accountType === 2 && body.operationId === 'order-1001-bonus' &&
				body.operationType === 6 && body.pointValue === 25 && body.pointDesc === 'Birthday bonus',
			'SocialHub received exactly one adjustment with the agent’s arguments',
			JSON.stringify(sent.map((request) => request.body)),
		);
		checks.check(sandbox.state.accounts.get('PA0001')?.balance === 1025, 'the sandbox shows the new balance', String(sandbox.state.accounts.get('PA0001')?.balance));

		const listed = await agent.callTool('Get_member_points_accounts', { cardNumber: 'M0001' });
		checks.log(`  get accounts → ${textOf(listed).slice(0, 300)}`);
		checks.check(!listed.isError && /PA0001/.test(textOf(listed)) && /1025/.test(textOf(listed)), 'Get member points accounts returns the account with its new balance');
		const history = await agent.callTool('Get_points_records', { accountCode: 'PA0001' });
		checks.check(!history.isError && /order-1001-bonus/.test(textOf(history)), 'Get points records lists the adjustment', textOf(history).slice(0, 160));

		sandbox.requests.length = 0;
		const bad = await agent.callTool('Adjust_member_points', {
			cardNumber: 'M0001', operationId: 'order-1002-bonus', operationType: 6, points: 1.5, reason: 'Half a point',
		});
		checks.log(`  adjust with points 1.5 → ${JSON.stringify(bad).slice(0, 400)}`);
		checks.check(
			bad.isError === true && /point value/i.test(textOf(bad)) && /whole|integer/i.test(textOf(bad)),
			'a bad argument (points 1.5) comes back as a tool error the agent can read',
			`isError ${String(bad.isError)}: ${textOf(bad).slice(0, 200)}`,
		);
		checks.check(sandbox.apiRequests('/v1/points/adjustment').length === 0, 'nothing was sent to SocialHub for it');
		const unknown = await agent.callTool('Get_member_points_accounts', { cardNumber: '' });
		checks.check(unknown.isError === true && /card number/i.test(textOf(unknown)), 'an empty card number is refused with a readable message', textOf(unknown).slice(0, 160));
		checks.time('MCP client: list, 3 calls, 2 refused', Date.now() - phase);
		await agent.close();
		agent = undefined;

		// "Custom API Call": the HTTP Request node with the SocialHub credential, as n8n opens it.
		checks.log('\nCustom API Call: an HTTP Request node with the SocialHub API credential');
		phase = Date.now();
		const custom = await rest.call<{ id: string }>('POST', '/rest/workflows', {
			name: 'SocialHub: Custom API Call',
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'http', name: 'HTTP Request', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [220, 0],
					parameters: {
						method: 'GET', url: `${sandboxUrl}/v1/member/loyaltyprograms`,
						authentication: 'predefinedCredentialType', nodeCredentialType: 'socialHubApi', options: {},
					},
					credentials: { socialHubApi: credential },
				},
			],
			connections: { Start: { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] } },
			settings: { timezone: 'UTC', executionOrder: 'v1' },
		});
		type Run = { status?: string; data: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } } };
		const runCustom = async (label: string) => {
			sandbox.requests.length = 0;
			const tokensBefore = sandbox.issuedTokens.length;
			const run = (await executeWorkflow(userFolder, PORT, custom.data.id)) as Run;
			writeFileSync(join(artifacts, `custom-api-call-${label}.json`), JSON.stringify(run, null, 2));
			const calls = sandbox.apiRequests('/v1/member/loyaltyprograms');
			const fresh = sandbox.issuedTokens.slice(tokensBefore);
			const output = run.data.resultData.runData['HTTP Request']?.[0]?.data?.main[0]?.[0]?.json;
			return { run, calls, fresh, output };
		};
		sandbox.expireTokens(); // the saved credential's token (from the MCP calls) no longer works
		const first = await runCustom('expired-token');
		const last = first.calls[first.calls.length - 1];
		checks.check(
			first.run.status === 'success' && JSON.stringify(first.output).includes('LP001'),
			'the HTTP Request node read SocialHub’s loyalty programs through the SocialHub credential',
			JSON.stringify(first.output).slice(0, 120),
		);
		checks.check(
			first.fresh.length === 1 && last?.authorization === first.fresh[0] && first.calls.slice(0, -1).every((call) => call.authorization !== first.fresh[0]),
			'with the stored token expired, it got a fresh token and retried with it (raw, no "Bearer ")',
			`${first.calls.length} request(s), ${first.fresh.length} token call(s), last with ${String(last?.authorization).slice(0, 10)}…`,
		);
		checks.time('Custom API Call workflow', Date.now() - phase);
	} catch (error) {
		checks.check(false, 'the MCP run completed', (error as Error).stack ?? String(error));
	} finally {
		await agent?.close().catch(() => undefined);
		await stopAll();
		await sandbox.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
	process.exit(checks.finish({ n8n: n8nVersion() }));
}

void main();
