#!/usr/bin/env bash
# Checks the deployment files offline (no container engine, cluster or cloud needed): Terraform formatting,
# the Caddyfile, every shell script, and the test that each file parses and names only variables, paths,
# ports and scripts the app has (deploy/deploy-files.test.ts). Needs terraform, shellcheck and caddy
# (.ci/run installs the last two from Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n--> %s\n' "$*"; }

step "terraform fmt -check"
terraform fmt -check -recursive -diff deploy/terraform

step "caddy validate deploy/ssl/Caddyfile"
OSMEN_DOMAIN=studio.example.com caddy validate --adapter caddyfile --config deploy/ssl/Caddyfile >/dev/null 2>&1 \
  || OSMEN_DOMAIN=studio.example.com caddy validate --adapter caddyfile --config deploy/ssl/Caddyfile
caddy fmt deploy/ssl/Caddyfile | diff -u deploy/ssl/Caddyfile -

step "shellcheck"
mapfile -t scripts < <(git ls-files '*.sh')
shellcheck .ci/run "${scripts[@]}"

step "deployment files against the app"
npx vitest run deploy/
