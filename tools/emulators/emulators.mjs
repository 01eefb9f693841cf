#!/usr/bin/env node
// Starts the local emulators FuncLabel needs and keeps them up until SIGINT/SIGTERM:
//   - Azurite (Blob, Queue, Table) as a child process, telemetry off;
//   - the Cosmos DB REST server in this process over plain http with keep-alive
//     (8-15x faster than its CLI, docs/emulators.md), with the committed patch applied by npm ci.
// Waits until both answer, then writes their endpoints to --write-env (KEY=VALUE lines) for scripts to source.
//
// Options (all optional):
//   --blob-port N --queue-port N --table-port N --cosmos-port N   0 = pick a free port (default: 10000/10001/10002/8081)
//   --free-ports           pick free ports for everything (tests)
//   --location DIR         Azurite data folder (default .local/azurite under the repo); ignored with --in-memory
//   --in-memory            Azurite keeps everything in memory (tests)
//   --write-env FILE        where to write the endpoints once both emulators answer
import { spawn } from "node:child_process";
import { createServer, connect } from "node:net";
import { mkdirSync, writeFileSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};

const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

const port = async (name, fallback) => {
  const value = Number(option(name, flag("--free-ports") ? "0" : String(fallback)));
  return value === 0 ? await freePort() : value;
};

const answers = (p) =>
  new Promise((ok) => {
    const socket = connect(p, "127.0.0.1");
    socket.once("connect", () => { socket.destroy(); ok(true); });
    socket.once("error", () => ok(false));
  });

const waitFor = async (p, what, timeoutMs = 60000) => {
  const started = Date.now();
  while (!(await answers(p))) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not answer on port ${p} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const blobPort = await port("--blob-port", 10000);
const queuePort = await port("--queue-port", 10001);
const tablePort = await port("--table-port", 10002);
const cosmosPort = await port("--cosmos-port", 8081);

const azuriteArgs = [
  require.resolve("azurite/dist/src/azurite.js"),
  "--blobHost", "127.0.0.1", "--blobPort", String(blobPort),
  "--queueHost", "127.0.0.1", "--queuePort", String(queuePort),
  "--tableHost", "127.0.0.1", "--tablePort", String(tablePort),
  "--disableTelemetry", "--silent", "--skipApiVersionCheck",
];
if (flag("--in-memory")) {
  azuriteArgs.push("--inMemoryPersistence");
} else {
  const location = resolve(option("--location", join(repo, ".local", "azurite")));
  mkdirSync(location, { recursive: true });
  azuriteArgs.push("--location", location);
}

// The well-known development keys: Azurite's account key, and any base64 key for the Cosmos server (it checks none).
const accountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
// Besides the default account, a pool of accounts for tests that run a whole host (queue listeners, blob watcher):
// such a host takes every message on its account's queues, so two of them on one account take each other's events.
// Each test claims one (tests/FuncLabel.Testing/IsolatedStorage.cs). Naming any account disables Azurite's default
// one, so devstoreaccount1 is listed too.
const isolatedAccounts = Array.from({ length: 128 }, (_, i) => `isolated${String(i + 1).padStart(3, "0")}`);
const azuriteEnv = {
  ...process.env,
  AZURITE_ACCOUNTS: ["devstoreaccount1", ...isolatedAccounts].map((name) => `${name}:${accountKey}`).join(";"),
};
const azurite = spawn(process.execPath, azuriteArgs, { stdio: ["ignore", "inherit", "inherit"], env: azuriteEnv });
let stopping = false;
azurite.on("exit", (code, signal) => {
  if (!stopping) {
    console.error(`azurite exited unexpectedly (code ${code}, signal ${signal})`);
    process.exit(1);
  }
});

const { createHttpServer } = require("@vercel/cosmosdb-server");
const cosmos = createHttpServer({ keepAlive: true });
// Node closes idle keep-alive connections after 5 s, the .NET client reuses them for up to 60 s: a request sent on a
// connection the server is closing fails with "connection reset by peer". Keep idle connections longer than the client.
cosmos.keepAliveTimeout = 120_000;
cosmos.headersTimeout = 125_000;
await new Promise((ok, fail) => {
  cosmos.once("error", fail);
  cosmos.listen(cosmosPort, "127.0.0.1", ok);
});

const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  cosmos.close();
  cosmos.closeAllConnections?.();
  azurite.once("exit", () => process.exit(0));
  azurite.kill("SIGTERM");
  setTimeout(() => { azurite.kill("SIGKILL"); process.exit(0); }, 5000).unref();
  console.error(`emulators: stopping (${signal})`);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

try {
  await waitFor(blobPort, "azurite blob");
  await waitFor(queuePort, "azurite queue");
  await waitFor(cosmosPort, "cosmos server");
} catch (e) {
  console.error(e.message);
  stop("startup failure");
  process.exitCode = 1;
}

const storage =
  `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${accountKey};` +
  `BlobEndpoint=http://127.0.0.1:${blobPort}/devstoreaccount1;` +
  `QueueEndpoint=http://127.0.0.1:${queuePort}/devstoreaccount1;` +
  `TableEndpoint=http://127.0.0.1:${tablePort}/devstoreaccount1;`;
const env = {
  FUNCLABEL_STORAGE: storage,
  FUNCLABEL_COSMOS_ENDPOINT: `http://127.0.0.1:${cosmosPort}/`,
  FUNCLABEL_STORAGE_ISOLATED_ACCOUNTS: isolatedAccounts.join(","),
  FUNCLABEL_COSMOS_KEY: "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
};
const envFile = option("--write-env");
if (envFile && !stopping) {
  const text = Object.entries(env).map(([k, v]) => `${k}='${v}'`).join("\n") + "\n";
  writeFileSync(envFile + ".tmp", text);
  renameSync(envFile + ".tmp", envFile); // appears whole, so a script polling for it never reads half a file
}
if (!stopping) {
  console.error(`emulators: blob ${blobPort}, queue ${queuePort}, table ${tablePort}, cosmos http ${cosmosPort} (pid ${process.pid})`);
}
