#!/usr/bin/env bash
# Runs every test of the control panel on a fresh machine of our kind: installs what the tests need beyond the
# image (Debian's chromium for the browser tests), builds, runs both test projects, prints one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

log=$(mktemp)
status=0
# The build runs `npm ci` in wwwroot-assets when its lock file changed (plotly.js).
dotnet test iKomek.Dashboard.sln --configuration Release --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# One closing line for whoever reads the log: totals over both test assemblies.
awk '/^ *(Passed|Failed|Skipped): *[0-9]+ *$/ { n[$1] += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", n["Passed:"], n["Failed:"], n["Skipped:"] }' "$log"
# A failure is repeated at the end with its message, so that the tail of a long log says what broke.
if grep -q '^ *Failed ' "$log"; then
  echo "Failed tests:"
  awk '/^ *Failed [A-Za-z]/ { show = 1 } /^ *Passed [A-Za-z]/ { show = 0 } show && n++ < 200' "$log"
fi
rm -f "$log"
exit $status
