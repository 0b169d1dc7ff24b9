#!/usr/bin/env bash
# Installs Debian's nginx for the two-replica drill (bench/replicas.mjs, run by test/drills.e2e.test.ts), only when
# it is missing, so CI can call it on every run. It is started by the drill itself, on loopback ports, never as a service.
set -euo pipefail

if command -v nginx >/dev/null 2>&1; then
  echo "nginx present: $(nginx -v 2>&1)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Installing the package must not leave a system nginx listening on port 80.
$SUDO apt-get install -y -qq --no-install-recommends nginx-light >/dev/null 2>&1 || $SUDO apt-get install -y -qq --no-install-recommends nginx >/dev/null
$SUDO nginx -s stop 2>/dev/null || true
echo "nginx installed: $(nginx -v 2>&1)"
