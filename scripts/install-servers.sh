#!/usr/bin/env bash
# Install the SPARQL servers the remote-store tests start themselves: Virtuoso 7 from
# Debian (`virtuoso-t`). The Oxigraph server comes from PyPI with the dev extras.
# Quick when already installed; needs root (CI runs as root) and Debian's package lists.
set -euo pipefail
if command -v virtuoso-t >/dev/null 2>&1; then
    echo "install-servers: virtuoso-t is already installed"
    exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null
echo "install-servers: installed $(command -v virtuoso-t)"
