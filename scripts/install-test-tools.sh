#!/usr/bin/env bash
# System programs the test suite drives for real (not npm packages):
#   prometheus-alertmanager  test/processes/real-alertmanager.e2e.spec.ts
#   prometheus (promtool)    test/api/metrics.e2e.spec.ts (promtool check metrics on /metrics)
#   poppler-utils            libs/reports/pdf/src/report-pdf.spec.ts (pdftotext, pdfinfo, pdffonts, pdftoppm)
#   jq, curl, openssl        test/processes/readme-walkthrough.e2e.spec.ts (the README's commands, as a user runs them)
#   chromium                 test/processes/api-reference-browser.e2e.spec.ts (headless, renders /docs)
#   postgresql-client        test/processes/readme-walkthrough.e2e.spec.ts (psql: the auditor walkthrough's tampering)
#   fonts-wqy-microhei       test/console/portfolio.e2e.spec.ts (a Chinese font, so zh-CN screenshots show characters)
# Installs only what is missing; needs root (or sudo) and apt (Debian).
set -euo pipefail
missing=()
command -v prometheus-alertmanager > /dev/null || missing+=(prometheus-alertmanager)
command -v promtool > /dev/null || missing+=(prometheus)
command -v pdftotext > /dev/null || missing+=(poppler-utils)
command -v jq > /dev/null || missing+=(jq)
command -v curl > /dev/null || missing+=(curl)
command -v openssl > /dev/null || missing+=(openssl)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v psql > /dev/null || missing+=(postgresql-client)
[[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] || missing+=(fonts-wqy-microhei)
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "test tools present"
  exit 0
fi
as_root=()
[[ $(id -u) -eq 0 ]] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
echo "installing ${missing[*]}"
# The package lists of a fresh machine may be stale or empty.
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" > /tmp/install-test-tools.log 2>&1 \
  || { "${as_root[@]}" apt-get update -q > /dev/null && "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; }
