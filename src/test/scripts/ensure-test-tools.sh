#!/usr/bin/env bash
# Installs the system tools the tests and run modes use, from Debian's packages, when they are missing; does nothing
# when all is there. Needs root or password-less sudo.
#   ensure-test-tools.sh            everything `mvn verify` needs (run by it before the integration tests)
#   ensure-test-tools.sh nginx      only what is named (`mvn -Pcluster` asks for nginx, the benchmarks for wrk)
# The tools: the browser tests need Chromium and its driver; the Redis topology tests Redis 7 (redis-server,
# redis-sentinel, redis-cli, built with TLS); the monitoring tests promtool (package prometheus) to parse /metrics
# and test the alert rules; the cluster test and the dev cluster nginx as the load balancer; the compose-file test
# docker-compose (1.29, `config` only: no Docker engine is needed); the shell-script test shellcheck; the
# benchmarks (`mvn -Pbenchmark`, `-Pbenchmark-scale`) wrk, which `mvn verify` does not install. The API
# contract test lints /openapi with Redocly CLI: from the npm registry (node and npm must be there), at the version
# REDOCLY_CLI_VERSION, into REDOCLY_CLI_HOME (a cache directory, so that `mvn clean` does not fetch it again; never
# a global install, no root needed). The pom passes both. The Kubernetes chart's test validates against the Kubernetes
# API's JSON schemas compiled by npm packages (KUBERNETES_SCHEMAS_PACKAGES: kubernetes-models and the CRDs' models) in
# KUBERNETES_SCHEMAS_HOME, installed the same way.
set -euo pipefail

tools=("$@")
if [[ ${#tools[@]} -eq 0 ]]; then
    tools=(chromium redis promtool nginx docker-compose shellcheck redocly kubernetes-schemas)
fi

# npm packages into a cache directory of their own (never a global install, no root needed). The list installed
# last is written to its "installed" file once npm succeeded: a changed list or a broken install is installed again.
ensure_npm_packages() {
    local home=$1
    shift
    local packages="$*"
    if [[ -f "${home}/installed" && "$(cat "${home}/installed")" == "${packages}" ]]; then
        return 0
    fi
    if ! command -v npm >/dev/null; then
        echo "ensure-test-tools: ${packages} need node and npm (Debian: apt-get install nodejs npm)" >&2
        exit 1
    fi
    echo "[ensure-test-tools] installing ${packages} into ${home}"
    mkdir -p "${home}"
    rm -f "${home}/installed"
    # The Kubernetes schemas' packages ask for Node.js 22 (engines); their validators run on Node.js 20 (the test
    # checks that they find errors), so an engine warning is not an error here
    npm install --prefix "${home}" --no-audit --no-fund --loglevel=error --engine-strict=false "$@"
    printf '%s' "${packages}" > "${home}/installed"
}

ensure_redocly() {
    local version=${REDOCLY_CLI_VERSION:-2.77.0}
    ensure_npm_packages "${REDOCLY_CLI_HOME:-${XDG_CACHE_HOME:-${HOME}/.cache}/issuetracker/redocly-cli-${version}}" \
        "@redocly/cli@${version}"
}

ensure_kubernetes_schemas() {
    local packages=${KUBERNETES_SCHEMAS_PACKAGES:-kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0 @kubernetes-models/gateway-api@2.0.0}
    # shellcheck disable=SC2086 # one word per package
    ensure_npm_packages "${KUBERNETES_SCHEMAS_HOME:-${XDG_CACHE_HOME:-${HOME}/.cache}/issuetracker/kubernetes-schemas}" \
        ${packages}
}

missing=()
for tool in "${tools[@]}"; do
    case "${tool}" in
        chromium) [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || missing+=(chromium chromium-driver) ;;
        redis)
            [[ -x /usr/bin/redis-server && -x /usr/bin/redis-cli ]] || missing+=(redis-server redis-tools)
            [[ -x /usr/bin/redis-sentinel ]] || missing+=(redis-sentinel)
            ;;
        promtool) [[ -x /usr/bin/promtool ]] || missing+=(prometheus) ;;
        nginx) [[ -x /usr/sbin/nginx ]] || missing+=(nginx) ;;
        docker-compose) [[ -x /usr/bin/docker-compose ]] || missing+=(docker-compose) ;;
        shellcheck) [[ -x /usr/bin/shellcheck ]] || missing+=(shellcheck) ;;
        wrk) [[ -x /usr/bin/wrk ]] || missing+=(wrk) ;;
        redocly) ensure_redocly ;;
        kubernetes-schemas) ensure_kubernetes_schemas ;;
        *) echo "ensure-test-tools: unknown tool '${tool}'" >&2; exit 2 ;;
    esac
done
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "Missing tools that cannot be installed without root: run" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

echo "[ensure-test-tools] installing Debian's ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    "${SUDO[@]}" apt-get update -q
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# The packages' services are not wanted: the tests and launchers start their own servers on free loopback ports
for service in redis-server redis-sentinel prometheus nginx; do
    if pgrep -x "${service}" >/dev/null; then
        "${SUDO[@]}" service "${service}" stop >/dev/null 2>&1 || true
    fi
done
