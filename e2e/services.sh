#!/usr/bin/env bash
# What the queue-mode and MCP tests need beyond e2e/setup.sh: Redis and PostgreSQL from Debian
# packages (installed only if missing; the tests start their own throw-away servers on loopback,
# never the system services) and the official MCP client SDK (e2e/mcp-client/install.sh).
# A second run with nothing missing and an unchanged lockfile does nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
	sudo=''
	[ "$(id -u)" -eq 0 ] || sudo='sudo'
	echo "e2e services: installing ${missing[*]} from Debian ..."
	$sudo apt-get update -qq
	# RUNLEVEL=1 keeps the packages from starting their system services; the tests run their own.
	DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "e2e services: $(redis-server --version | cut -d' ' -f1-3), PostgreSQL $(ls /usr/lib/postgresql | sort -n | tail -1)"

bash "$here/mcp-client/install.sh"
