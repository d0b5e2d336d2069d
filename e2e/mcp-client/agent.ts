/**
 * An AI agent's side of the MCP test: the official MCP client SDK (not one written here) over
 * streamable HTTP. It lives in this folder so it resolves the SDK from e2e/mcp-client/node_modules
 * (installed by e2e/mcp-client/install.sh from the lockfile beside it).
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import type { Agent, AgentTool, AgentToolResult } from './types';

/** `headers` go with every request (e.g. the trigger's bearer token). */
export async function connectAgent(url: string, headers: Record<string, string> = {}): Promise<Agent> {
	const client = new Client({ name: 'socialhub-e2e-agent', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
	return {
		listTools: async () => (await client.listTools()).tools as AgentTool[],
		callTool: async (name, args) => (await client.callTool({ name, arguments: args })) as AgentToolResult,
		close: () => client.close(),
	};
}
