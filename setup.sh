#!/usr/bin/env bash
# Sets up this project on a fresh Debian machine (run as root, or with sudo available).
#   ./setup.sh          system packages the product needs + .venv with the product
#   ./setup.sh --dev    the same, plus what the test suite needs (Dovecot, chromium, pytest…)
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")"

dev=0
[ "${1:-}" = "--dev" ] && dev=1

# Debian packages: OCR with the Vietnamese model, PDF rendering, legacy .doc reading.
pkgs=(tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd poppler-utils antiword libreoffice-writer-nogui)
# Tests start a real IMAP server and drive a real browser.
[ "$dev" = 1 ] && pkgs+=(dovecot-imapd chromium)

missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
    $sudo_ apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}"
    # The packaged Dovecot service is not used: tests start their own on a loopback port.
    if [ "$dev" = 1 ] && command -v systemctl >/dev/null; then $sudo_ systemctl disable --now dovecot 2>/dev/null || true; fi
fi

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
extra=""; [ "$dev" = 1 ] && extra="[dev]"
.venv/bin/pip install -q --disable-pip-version-check -e ".${extra}"
echo "setup: ready (.venv)"
