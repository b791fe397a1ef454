#!/usr/bin/env bash
# System packages the tests and the distributed run use (Debian 12). Safe to run again.
set -euo pipefail
packages=(postgresql postgresql-contrib librdkafka1 kcat python3 python3-yaml dovecot-imapd postfix)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "system packages ready: ${packages[*]}"
