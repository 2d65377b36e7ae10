#!/usr/bin/env bash
# Installs the Debian packages the PDF export (WeasyPrint) and the charts need, only when
# missing. Without root it prints the one command to run instead and carries on, so that a
# fresh machine never fails here; the PDF export then reports clearly what is missing.
set -u
pkgs="libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-dejavu-core libharfbuzz-subset0 poppler-utils"
missing=""
for p in $pkgs; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "petition-lens: these system packages are missing:$missing (install them with your package manager for the PDF export)" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "petition-lens: the PDF export needs system packages. Run this once, then re-run make:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 0
fi
echo "petition-lens: installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null \
  || echo "petition-lens: apt-get could not install:$missing (PDF export may be unavailable)" >&2
exit 0
