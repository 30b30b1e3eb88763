#!/usr/bin/env bash
# Make sure the browser tests have a browser: Debian's headless-capable Chromium at /usr/bin/chromium.
# Idempotent: does nothing when it is already installed. Playwright drives this binary directly
# (`executable_path`), so `playwright install` (which downloads browsers) is never needed.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser.sh: /usr/bin/chromium is missing and apt-get is not available; install Chromium by hand" >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "browser.sh: /usr/bin/chromium is missing; run as root (or with sudo) to install it" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
# fonts-dejavu-core: readable screenshots with æøå even on a minimal image
"${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
