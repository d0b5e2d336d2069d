#!/usr/bin/env bash
# The official MCP client SDK in e2e/mcp-client/node_modules, from the lockfile beside it: what the
# agent checks (e2e/mcp.ts, e2e/exampleAgent.ts) drive n8n's MCP Server Trigger with. Does nothing
# when it is installed from an unchanged lockfile.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
stamp="$here/node_modules/.installed-lock"
if [ -f "$stamp" ] && cmp -s "$here/package-lock.json" "$stamp"; then
	echo "MCP client SDK already installed"
else
	echo "installing the MCP client SDK ..."
	(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
	cp "$here/package-lock.json" "$stamp"
fi
