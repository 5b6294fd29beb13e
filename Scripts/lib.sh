# Shared shell helpers for Scripts/*: sourced, not run.

# Runs apt-get install for the given packages (apt-get update first, once), as root or via sudo.
apt_install() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  if [ -z "${LAMBDACTL_APT_UPDATED:-}" ]; then
    $sudo apt-get update -qq >/dev/null
    export LAMBDACTL_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# Installs the system libraries the build needs when missing.
ensure_build_packages() {
  local missing=()
  for pkg in libssl-dev zlib1g-dev pkg-config; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    apt_install "${missing[@]}"
  fi
}
