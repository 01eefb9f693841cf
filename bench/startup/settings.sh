# Sourced by bench/startup.sh and bench/startup/ab.sh (after the emulators started and exported their variables).
# settings OUT_FILE CREATE_IF_MISSING: a local.settings.json for the local host, the same for every app measured (an
# app ignores what it does not use): the sample's values with this run's emulators, Cosmos:CreateIfMissing as given,
# and STARTUP_SETTINGS="NAME=VALUE ..." on top (e.g. DOTNET_TieredPGO=0 for an A/B).
settings() {
  node -e '
    const fs = require("fs");
    const [out, sample, storage, cosmos, key, create, extra] = process.argv.slice(1);
    const values = JSON.parse(fs.readFileSync(sample, "utf8")).Values;
    Object.assign(values, { AzureWebJobsStorage: storage, Cosmos__Endpoint: cosmos, Cosmos__Key: key, Cosmos__CreateIfMissing: create });
    for (const pair of extra.split(" ").filter(Boolean)) values[pair.slice(0, pair.indexOf("="))] = pair.slice(pair.indexOf("=") + 1);
    fs.writeFileSync(out, JSON.stringify({ IsEncrypted: false, Values: values }, null, 2));
  ' "$1" local.settings.sample.json "$FUNCLABEL_STORAGE" "$FUNCLABEL_COSMOS_ENDPOINT" "$FUNCLABEL_COSMOS_KEY" "$2" "${STARTUP_SETTINGS:-}"
}
