/**
 * What the MCP test needs from the agent, without the SDK's types: e2e/mcp.ts type-checks on a
 * fresh clone before e2e/mcp-client/install.sh has installed the SDK.
 */
export interface AgentTool {
	name: string;
	description?: string;
	inputSchema: { type: string; properties?: Record<string, { type?: string; description?: string }>; required?: string[] };
}

export interface AgentToolResult {
	isError?: boolean;
	content: Array<{ type: string; text?: string }>;
}

export interface Agent {
	listTools(): Promise<AgentTool[]>;
	callTool(name: string, args: Record<string, unknown>): Promise<AgentToolResult>;
	close(): Promise<void>;
}

export type ConnectAgent = (url: string, headers?: Record<string, string>) => Promise<Agent>;
