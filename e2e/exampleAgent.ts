/**
 * examples/points-balance-agent-tools.json in a real n8n: its MCP Server Trigger published behind a
 * bearer token, and the official MCP client SDK (no language model) in the agent's place: it lists
 * the tools, looks up a member, the balance and the history, as a support chat would.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { publish, saveWorkflow } from './exampleRuns';
import type { ExampleChecks } from './examples';
import { withCredential, type WorkflowJson } from './expectations';
import type { AgentToolResult, ConnectAgent } from './mcp-client/types';

const FILE = 'examples/points-balance-agent-tools.json';
const TOKEN = 'e2e-support-chat-token-0123456789';
const textOf = (result: AgentToolResult) => result.content.map((part) => part.text ?? '').join('\n');

/** The example bound to the e2e's credentials: SocialHub's, and a bearer token for the trigger. */
async function bound(ctx: ExampleChecks, example: WorkflowJson): Promise<WorkflowJson> {
	const bearer = await ctx.rest.call<{ id: string; name: string }>('POST', '/rest/credentials', {
		name: 'Support chat MCP token', type: 'httpBearerAuth', data: { token: TOKEN },
	});
	const workflow = withCredential(example, ctx.credential);
	for (const node of workflow.nodes) {
		if (node.credentials?.httpBearerAuth) node.credentials.httpBearerAuth = { id: bearer.data.id, name: bearer.data.name };
	}
	return workflow;
}

export async function checkAgentTools(ctx: ExampleChecks, example: WorkflowJson): Promise<void> {
	const { sandbox, check } = ctx;
	// The SDK lives in e2e/mcp-client/node_modules, installed from its lockfile on first use.
	execFileSync('bash', [join(__dirname, 'mcp-client', 'install.sh')], { stdio: 'inherit' });
	const { connectAgent } = require('./mcp-client/agent') as { connectAgent: ConnectAgent };
	const saved = await saveWorkflow(ctx.rest, ctx.line, await bound(ctx, example));
	const url = `${ctx.n8nUrl}/mcp/socialhub-support`;
	// The MCP endpoint answers 404 to everything until it is registered.
	await publish(ctx.rest, saved, async () => (await fetch(url, { method: 'DELETE' })).status !== 404);

	const anonymous = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' }, body: '{}' });
	check(anonymous.status === 401 || anonymous.status === 403, `${FILE}: without the bearer token the MCP endpoint answers ${anonymous.status}`, `HTTP ${anonymous.status}`);

	const agent = await connectAgent(url, { Authorization: `Bearer ${TOKEN}` });
	try {
		const tools = await agent.listTools();
		const inputs = Object.fromEntries(tools.map((tool) => [tool.name, Object.keys(tool.inputSchema.properties ?? {}).sort().join(',')]).sort());
		check(
			JSON.stringify(inputs) === JSON.stringify({ Get_member: 'cardNumber', Get_points_balance: 'cardNumber', Get_points_history: 'accountCode' }),
			`${FILE}: the MCP client lists the three tools with the inputs their $fromAI ask for`,
			JSON.stringify(inputs),
		);
		sandbox.requests.length = 0;
		const balance = sandbox.state.accounts.get('PA0001')?.balance;
		const member = textOf(await agent.callTool('Get_member', { cardNumber: 'M0001' }));
		const accounts = textOf(await agent.callTool('Get_points_balance', { cardNumber: 'M0001' }));
		const history = await agent.callTool('Get_points_history', { accountCode: 'PA0001' });
		const methods = [...new Set(sandbox.requests.filter((request) => request.path !== '/v1/auth/token').map((request) => request.method))];
		const since = Number(sandbox.apiRequests('/v1/points/pointsRecords/PA0001')[0]?.query.beginDate);
		const ninetyDaysAgo = Date.now() - 90 * 86_400_000;
		check(
			/"tierName":\s*"Silver"/.test(member) && accounts.includes('PA0001') && new RegExp(`"balance":\\s*${String(balance)}\\b`).test(accounts),
			`${FILE}: the agent looks up card M0001 (tier Silver) and its points account PA0001 with the balance SocialHub holds (${String(balance)})`,
			`${member.slice(0, 160)} | ${accounts.slice(0, 200)}`,
		);
		check(
			!history.isError && textOf(history).includes('order-10086-purchase') && Math.abs(since - ninetyDaysAgo) < 600_000 && JSON.stringify(methods) === '["GET"]',
			`${FILE}: Get points history asks SocialHub for the last 90 days' records and lists the purchase's award; the tools only read (GET)`,
			`beginDate ${new Date(since).toISOString()}; ${textOf(history).slice(0, 200)} | methods ${JSON.stringify(methods)}`,
		);
	} finally {
		await agent.close();
	}
}
