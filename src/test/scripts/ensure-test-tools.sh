#!/usr/bin/env bash
# Run by `mvn verify` before the integration tests. The browser tests need Debian's Chromium and its driver; the
# Redis topology tests need Debian's redis-server, redis-sentinel and redis-cli (Redis 7, built with TLS); the
# monitoring tests need promtool (Debian's prometheus package) to parse /metrics and test the alert rules.
# Installs what is missing (apt); does nothing when all is there. Needs root or password-less sudo.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || missing+=(chromium chromium-driver)
[[ -x /usr/bin/redis-server && -x /usr/bin/redis-cli ]] || missing+=(redis-server redis-tools)
[[ -x /usr/bin/redis-sentinel ]] || missing+=(redis-sentinel)
[[ -x /usr/bin/promtool ]] || missing+=(prometheus)
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "Missing test tools that cannot be installed without root: run" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

echo "[ensure-test-tools] installing Debian's ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    "${SUDO[@]}" apt-get update -q
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# The packages' services are not wanted: the tests start their own servers on free loopback ports
for service in redis-server redis-sentinel prometheus; do
    if pgrep -x "${service}" >/dev/null; then
        "${SUDO[@]}" service "${service}" stop >/dev/null 2>&1 || true
    fi
done
