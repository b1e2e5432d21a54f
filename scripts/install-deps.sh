#!/usr/bin/env bash
# Installs the Debian packages ganiqa's tests and default commands need. Idempotent; safe to rerun.
#   dataset-fashion-mnist  the default dataset (/usr/share/datasets/fashion-mnist)
#   libopenblas0           native LAPACK for the Frechet distance (netlib falls back to slow pure Java without it)
#   chromium, chromium-driver  the real browser that renders the HTML report in tests
#   then the colour dataset `emoji` through npm (scripts/install-emoji.sh; it installs npm only where the command is missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
packages=(dataset-fashion-mnist libopenblas0 chromium chromium-driver fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exec "$here/install-emoji.sh"
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >/dev/null
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
"$here/install-emoji.sh"
