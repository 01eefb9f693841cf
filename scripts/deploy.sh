#!/usr/bin/env bash
# Deploys FuncLabel to Azure (docs/deploy.md), in the order that lets Event Grid validate the blob triggers' webhook:
#   1. az group create                         (idempotent)
#   2. infra/main.bicep                        compiled with the repo's Bicep CLI (tools/bicep), so az needs no Bicep
#                                              download: storage, Cosmos DB, monitoring, the function app (no code yet),
#                                              the storage account's Event Grid system topic
#   3. the code package                        scripts/publish.sh unless --package points at a zip, then
#                                              az functionapp deployment source config-zip (Flex one-deploy: the zip goes
#                                              to the deployment container, read by the app's own identity)
#   4. wait for the host                       until the blobs_extension system key exists (the host has started with the
#                                              blob extension loaded) and each blob trigger's webhook answers an Event
#                                              Grid validation handshake
#   5. infra/blob-subscriptions.bicep          the Event Grid subscriptions to those webhooks; Event Grid validates each
#                                              one when it creates it, so this needs step 4 (retried: a cold start can
#                                              outlast Event Grid's wait)
# Usage: scripts/deploy.sh --resource-group RG --location REGION --parameters FILE [--package ZIP] [--name DEPLOYMENT]
#                          [--wait-minutes N (step 4, default 15)]
# Needs: az (logged in: az login; az account set -s SUBSCRIPTION), curl, node, rights to create resources and role
# assignments (Owner, or Contributor + Role Based Access Control Administrator) on the resource group.
# Not run from this repository's CI: it needs a live subscription.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

group="" location="" parameters="" package="" name="funclabel" wait_minutes=15
while [ $# -gt 0 ]; do
  case "$1" in
    --resource-group|-g) group="$2"; shift 2 ;;
    --location|-l) location="$2"; shift 2 ;;
    --parameters|-p) parameters="$2"; shift 2 ;;
    --package) package="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --wait-minutes) wait_minutes="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$group" ] || [ -z "$location" ] || [ -z "$parameters" ]; then
  echo "--resource-group, --location and --parameters are required (see --help)" >&2
  exit 2
fi
for tool in az curl node; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== 1. resource group $group ($location)"
az group create --name "$group" --location "$location" --output none

echo "== 2. infrastructure: infra/main.bicep (deployment '$name')"
"$repo_root/tools/bicep/bicep.sh" build "$repo_root/infra/main.bicep" --outfile "$work/main.json"
"$repo_root/tools/bicep/bicep.sh" build "$repo_root/infra/blob-subscriptions.bicep" --outfile "$work/blob-subscriptions.json"
az deployment group create --resource-group "$group" --name "$name" \
  --template-file "$work/main.json" --parameters "@$parameters" --parameters location="$location" --output none
output() { az deployment group show --resource-group "$group" --name "$name" --query "properties.outputs.$1.value" --output tsv; }
app="$(output functionAppName)"
api="$(output apiBaseUrl)"
host="$(az functionapp show --resource-group "$group" --name "$app" --query defaultHostName --output tsv)"

echo "== 3. code package to $app"
if [ -z "$package" ]; then
  "$repo_root/scripts/publish.sh" "$work/publish"
  package="$work/publish/funclabel.zip"
fi
az functionapp deployment source config-zip --resource-group "$group" --name "$app" --src "$package" --output none

echo "== 4. waiting for the host to run the code with the blob extension (up to $wait_minutes min)"
deadline=$((SECONDS + wait_minutes * 60))
functions="$(node -e 'for (const s of require(process.argv[1]).blobEventSubscriptions) console.log(s.function)' "$repo_root/infra/names.json")"
key=""
until [ -n "$key" ]; do
  # Any request starts an instance of an app scaled to zero; the health endpoint is anonymous and cheap.
  curl --silent --output /dev/null --max-time 60 "$api/health" || true
  key="$(az functionapp keys list --resource-group "$group" --name "$app" --query systemKeys.blobs_extension --output tsv 2>/dev/null || true)"
  if [ -z "$key" ]; then
    [ "$SECONDS" -lt "$deadline" ] || { echo "no blobs_extension system key after $wait_minutes min: has the host started with the blob extension? (Application Insights has its logs)" >&2; exit 1; }
    sleep 15
  fi
done
# Keys and URLs go through stdin, not arguments, so that the key stays out of the process list.
key_in_url="$(printf '%s' "$key" | node -e 'let k = ""; process.stdin.on("data", d => k += d).on("end", () => process.stdout.write(encodeURIComponent(k)))')"
# The same handshake Event Grid makes when it creates a subscription: POST a validation event, expect its code back.
handshake() {
  local code="deploy-$RANDOM$RANDOM"
  printf 'url = "https://%s/runtime/webhooks/blobs?functionName=Host.Functions.%s&code=%s"\n' "$host" "$1" "$key_in_url" \
    | curl --silent --max-time 60 --config - \
        --header 'aeg-event-type: SubscriptionValidation' --header 'Content-Type: application/json' \
        --data "[{\"id\":\"$code\",\"topic\":\"\",\"subject\":\"\",\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"eventTime\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"data\":{\"validationCode\":\"$code\"},\"dataVersion\":\"1\",\"metadataVersion\":\"1\"}]" \
    | grep -Eq "\"validationResponse\" *: *\"$code\""
}
for function in $functions; do
  until handshake "$function"; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "the webhook of $function does not answer Event Grid's validation handshake" >&2; exit 1; }
    sleep 15
  done
  echo "   $function: webhook answers"
done

echo "== 5. Event Grid subscriptions: infra/blob-subscriptions.bicep (deployment '$name-blob-subscriptions')"
# Each parameter of the template is the output of infra/main.bicep with the same name (checked by FuncLabel.Infra.Tests).
subscription_parameters=()
for parameter in $(node -e 'console.log(Object.keys(require(process.argv[1]).parameters).join(" "))' "$work/blob-subscriptions.json"); do
  subscription_parameters+=("$parameter=$(output "$parameter")")
done
for attempt in 1 2 3; do
  if az deployment group create --resource-group "$group" --name "$name-blob-subscriptions" \
      --template-file "$work/blob-subscriptions.json" --parameters "${subscription_parameters[@]}" --output none; then
    break
  fi
  [ "$attempt" -lt 3 ] || { echo "the Event Grid subscriptions failed three times (webhook validation? see the deployment's errors)" >&2; exit 1; }
  echo "   attempt $attempt failed; warming the webhooks and retrying in 30 s" >&2
  for function in $functions; do handshake "$function" || true; done
  sleep 30
done

echo "deployed: $api (health: $api/health)"
