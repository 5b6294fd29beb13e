# Shared shell helpers for the local AWS test harness (moto + verifying proxy).
# Source it: `. Scripts/harness-env.sh`. Everything stays on 127.0.0.1.

HARNESS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HARNESS_VENV="$HARNESS_ROOT/.venv-moto"
HARNESS_STATE="${HARNESS_STATE:-$HARNESS_ROOT/.tmp/harness}"
HARNESS_MOTO_VERSION="5.2.1"

# The static test key pair. Deliberately NOT shaped like a real key ((AKIA|ASIA)[A-Z0-9]{16}).
LAMBDACTL_TEST_ACCESS_KEY_ID="${LAMBDACTL_TEST_ACCESS_KEY_ID:-AKIDLAMBDACTLTEST01}"
LAMBDACTL_TEST_SECRET_ACCESS_KEY="${LAMBDACTL_TEST_SECRET_ACCESS_KEY:-lambdactl/test/secret/0000000000000000000000}"

harness_log() { printf 'harness: %s\n' "$*" >&2; }

# Creates .venv-moto with moto[server] when it is missing or broken.
harness_ensure_venv() {
    if [ -x "$HARNESS_VENV/bin/python" ] && "$HARNESS_VENV/bin/python" -c 'import moto, botocore, boto3' 2>/dev/null; then
        return 0
    fi
    harness_log "creating $HARNESS_VENV (moto[server]==$HARNESS_MOTO_VERSION)"
    python3 -m venv "$HARNESS_VENV"
    "$HARNESS_VENV/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$HARNESS_MOTO_VERSION"
}

# Prints a free TCP port on 127.0.0.1.
harness_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# True when the process whose id is in file $1 is alive.
harness_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Waits up to $2 seconds (default 30) until URL $1 answers.
harness_wait_http() {
    local url="$1" limit="${2:-30}" i=0
    while [ "$i" -lt $((limit * 10)) ]; do
        if curl -s -o /dev/null --max-time 1 --noproxy '*' "$url"; then return 0; fi
        sleep 0.1; i=$((i + 1))
    done
    return 1
}

# Kills the process whose id is in file $1 and waits for it to end.
harness_kill_pidfile() {
    local file="$1" pid i=0
    [ -f "$file" ] || return 0
    pid="$(cat "$file")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

# Loopback traffic must never go through an HTTP proxy from the environment.
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
export no_proxy="$NO_PROXY"

# Makes the AWS CLI available (integration tests use it to set up and inspect state): the one
# on PATH, else a private venv .venv-awscli (kept apart from moto's pinned botocore).
harness_ensure_awscli() {
    if command -v aws >/dev/null 2>&1; then return 0; fi
    local venv="$HARNESS_ROOT/.venv-awscli"
    if [ ! -x "$venv/bin/aws" ]; then
        harness_log "installing the AWS CLI into $venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check awscli
    fi
    export PATH="$venv/bin:$PATH"
}

# Installs the Debian packages given that are missing (apt-get update only then), as root or
# via sudo; python3-venv too when the venv module cannot bootstrap pip.
harness_ensure_packages() {
    local needed=() package
    for package in "$@"; do
        dpkg -s "$package" >/dev/null 2>&1 || needed+=("$package")
    done
    python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || needed+=(python3-venv)
    if [ "${#needed[@]}" -gt 0 ]; then
        local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
        harness_log "installing ${needed[*]}"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${needed[@]}" >/dev/null
    fi
}
