#!/usr/bin/env bash
# Run by `mvn verify` before the integration tests: the browser tests need Debian's Chromium and its driver.
# Installs them (apt) when missing; does nothing when they are there. Needs root or password-less sudo.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "Chromium is missing and cannot be installed without root: run" >&2
    echo "  sudo apt-get install -y chromium chromium-driver" >&2
    exit 1
fi

echo "[ensure-chromium] installing Debian's chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
if ! "${SUDO[@]}" apt-get install -y -q --no-install-recommends chromium chromium-driver; then
    "${SUDO[@]}" apt-get update -q
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends chromium chromium-driver
fi
/usr/bin/chromium --version
