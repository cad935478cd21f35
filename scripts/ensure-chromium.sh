#!/usr/bin/env bash
# Makes sure Debian's Chromium and its matching chromedriver are installed, as the browser tests
# (@Tag("browser"), see TESTING.md) expect them at /usr/bin/chromium and /usr/bin/chromedriver.
# Does nothing when the driver is there; otherwise installs both packages (needs root or sudo).
set -euo pipefail

if [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/chromium ]; then
  echo "Chromium and chromedriver are installed: $(/usr/bin/chromedriver --version)"
  exit 0
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

echo "Installing Chromium and chromedriver from Debian's packages..."
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
echo "Installed: $(/usr/bin/chromedriver --version)"
