#!/usr/bin/env bash
# Deploys FuncLabel to Azure (docs/deploy.md): resource group, infra/main.bicep, then the app package.
#   1. az group create                       (idempotent)
#   2. bicep build infra/main.bicep          with the repo's Bicep CLI (tools/bicep), so az needs no Bicep download
#   3. az deployment group create            the compiled template with your parameters file
#   4. scripts/publish.sh                    unless --package points at an existing zip
#   5. az functionapp deployment source config-zip   uploads the zip; on Flex Consumption this is a one-deploy into
#                                            the deployment container, read by the app's own identity
# Usage: scripts/deploy.sh --resource-group RG --location REGION --parameters FILE [--package ZIP] [--name DEPLOYMENT]
# Needs: az (logged in: az login; az account set -s SUBSCRIPTION), rights to create resources and role assignments
# (Owner, or Contributor + Role Based Access Control Administrator) on the resource group.
# Not run from this repository's CI: it needs a live subscription.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

group="" location="" parameters="" package="" name="funclabel"
while [ $# -gt 0 ]; do
  case "$1" in
    --resource-group|-g) group="$2"; shift 2 ;;
    --location|-l) location="$2"; shift 2 ;;
    --parameters|-p) parameters="$2"; shift 2 ;;
    --package) package="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$group" ] || [ -z "$location" ] || [ -z "$parameters" ]; then
  echo "--resource-group, --location and --parameters are required (see --help)" >&2
  exit 2
fi
command -v az >/dev/null || { echo "the Azure CLI (az) is not installed" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== resource group $group ($location)"
az group create --name "$group" --location "$location" --output none

echo "== compiling infra/main.bicep"
"$repo_root/tools/bicep/bicep.sh" build "$repo_root/infra/main.bicep" --outfile "$work/main.json"

echo "== deploying the infrastructure (deployment '$name')"
az deployment group create --resource-group "$group" --name "$name" \
  --template-file "$work/main.json" --parameters "@$parameters" --parameters location="$location" --output none
output() { az deployment group show --resource-group "$group" --name "$name" --query "properties.outputs.$1.value" --output tsv; }
app="$(output functionAppName)"
api="$(output apiBaseUrl)"

if [ -z "$package" ]; then
  echo "== building the package"
  "$repo_root/scripts/publish.sh" "$work/publish"
  package="$work/publish/funclabel.zip"
fi

echo "== deploying $package to $app"
az functionapp deployment source config-zip --resource-group "$group" --name "$app" --src "$package" --output none

echo "deployed: $api (health: $api/health)"
