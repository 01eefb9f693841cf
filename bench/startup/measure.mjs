#!/usr/bin/env node
// Start-up time of isolated-worker apps under the local host (src/FuncLabel.LocalHost, worker mode): from spawning the
// host on an app folder to the first HTTP answer of one of the app's functions, polled every 25 ms (a request that
// reaches the host before the worker is ready waits there for it, as on the real host). Apps alternate run by run, so
// drift in the shared machine's load hits all of them; one unmeasured warm-up start each fills the OS file cache.
// Per start it also reads the host's "Worker ready (pid N, …) after T ms: stream …, init …, metadata …, loaded …,
// HTTP …" line (milliseconds since the worker's launch) to split the time into phases:
//   host start      host process start → worker launched (the line's arrival minus its total)
//   worker → gRPC   worker launched → its gRPC stream opened (runtime start, the app's Main and host building)
//   init            WorkerInitRequest answered
//   metadata        FunctionsMetadataRequest answered
//   load            every FunctionLoadRequest answered
//   HTTP listening  the worker's ASP.NET Core endpoint accepts connections
//   first answer    ready → the first HTTP answer (the first invocation: middleware, the function, its dependencies)
// CPU time at the first answer is the host's plus the worker's (/proc, user + system, all threads): on a loaded shared
// machine it swings much less than wall time.
// Usage: node measure.mjs RUNS HOST_EXE SETTINGS_FILE NAME APP_DIR PATH [NAME APP_DIR PATH ...]
//   (PATH like /api/health; the answer's status is reported but any status counts as an answer)
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import http from "node:http";
import { readFileSync } from "node:fs";

const [runsArg, hostExe, settings, ...rest] = process.argv.slice(2);
const runs = Number(runsArg);
const apps = [];
for (let i = 0; i + 2 < rest.length; i += 3) apps.push({ name: rest[i], dir: rest[i + 1], path: rest[i + 2], results: [] });
if (!runs || !hostExe || !settings || apps.length === 0) {
  console.error("usage: node measure.mjs RUNS HOST_EXE SETTINGS_FILE NAME APP_DIR PATH [NAME APP_DIR PATH ...]");
  process.exit(2);
}

const freePort = () => new Promise((ok) => {
  const s = createServer();
  s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
});

// Any HTTP answer (its status), or null while nothing listens. The timeout is long: a request the host accepted
// before the worker was ready waits there until the worker answers.
const answer = (port, path) => new Promise((ok) => {
  const req = http.get({ host: "127.0.0.1", port, path, timeout: 60000 }, (res) => { res.resume(); ok(res.statusCode); });
  req.on("error", () => ok(null));
  req.on("timeout", () => { req.destroy(); ok(null); });
});

// CPU time (user + system, all threads) a process has used: fields 14 and 15 of /proc/PID/stat, in 10 ms ticks.
const cpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
};

const since = (start) => Number(process.hrtime.bigint() - start) / 1e6;

async function once(app) {
  const port = await freePort();
  const started = process.hrtime.bigint();
  // Its own process group, so a host that does not stop on SIGTERM can be killed with everything it started.
  const host = spawn(hostExe, ["--script-root", app.dir, "--settings", settings, "--port", String(port)],
    { cwd: app.dir, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise((r) => host.once("exit", r));
  let gone = false;
  exited.then(() => { gone = true; });
  const log = [];
  let ready = null;
  const read = (chunk) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line) continue;
      log.push(line);
      const m = /Worker ready \(pid (\d+), (\d+) functions\) after (\d+) ms: stream (\d+) ms, init (\d+) ms, metadata (\d+) ms, loaded (\d+) ms(?:, HTTP (\d+) ms)?/.exec(line);
      if (m && !ready) {
        const [, pid, functions, total, stream, init, metadata, loaded, httpReady] = m.map(Number);
        ready = { at: since(started), pid, functions, total, stream, init, metadata, loaded, http: httpReady || loaded };
      }
    }
  };
  host.stdout.on("data", read);
  host.stderr.on("data", read);
  try {
    for (;;) {
      if (gone) throw new Error(`the host exited before ${app.name} answered:\n${log.slice(-20).join("\n")}`);
      const status = await answer(port, app.path);
      if (status !== null) {
        const ms = since(started);
        const cpu = cpuMs(host.pid) + (ready ? cpuMs(ready.pid) : 0);
        if (!ready) throw new Error(`${app.name} answered ${status} before the host logged "Worker ready":\n${log.join("\n")}`);
        return { ms, status, cpu, ready };
      }
      if (since(started) > 60000) throw new Error(`${app.name} did not answer in 60 s:\n${log.slice(-20).join("\n")}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    host.kill("SIGTERM");
    const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 45000))]);
    if (!stopped) { try { process.kill(-host.pid, "SIGKILL"); } catch { /* already gone */ } await exited; }
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f0 = (x) => x.toFixed(0);

for (const app of apps) await once(app); // warm the OS file cache; not counted
for (let i = 0; i < runs; i++) {
  for (const app of apps) {
    const result = await once(app);
    app.results.push(result);
    // Progress on stderr (a long run on a loaded machine can then be followed, or cut short with its runs so far).
    console.error(`run ${i + 1}/${runs} ${app.name}: ${f0(result.ms)} ms, CPU ${result.cpu} ms`);
  }
}

const [base] = apps.slice(-1); // the last app is the baseline
console.log(`| app | first answer | median ms | min | max | median CPU ms at answer (host + worker) | runs (ms) |`);
console.log(`|---|---|---|---|---|---|---|`);
for (const app of apps) {
  const ms = app.results.map((r) => r.ms);
  const statuses = [...new Set(app.results.map((r) => r.status))].join("/");
  console.log(`| ${app.name} | GET ${app.path} → ${statuses} | ${f0(median(ms))} | ${f0(Math.min(...ms))} | ${f0(Math.max(...ms))} | ${f0(median(app.results.map((r) => r.cpu)))} | ${ms.map(f0).join(", ")} |`);
}
console.log();
for (const app of apps.slice(0, -1)) {
  const ratio = median(app.results.map((r) => r.ms)) / median(base.results.map((r) => r.ms));
  const cpuRatio = median(app.results.map((r) => r.cpu)) / median(base.results.map((r) => r.cpu));
  console.log(`ratio ${app.name} / ${base.name} (medians): **${ratio.toFixed(2)}** wall (CPU time at answer: ${cpuRatio.toFixed(2)})  `);
}

const phases = [
  ["host start → worker launched", (r) => r.ready.at - r.ready.total],
  ["worker launched → gRPC stream", (r) => r.ready.stream],
  ["init answered", (r) => r.ready.init - r.ready.stream],
  ["metadata answered", (r) => r.ready.metadata - r.ready.init],
  ["functions loaded", (r) => r.ready.loaded - r.ready.metadata],
  ["worker HTTP listening", (r) => r.ready.http - r.ready.loaded],
  ["ready → first answer (first invocation)", (r) => r.ms - r.ready.at],
  ["total", (r) => r.ms],
];
console.log();
console.log(`| phase (median ms) | ${apps.map((a) => `${a.name} (${a.results[0].ready.functions} functions)`).join(" | ")} | difference |`);
console.log(`|---|${apps.map(() => "---|").join("")}---|`);
for (const [name, of] of phases) {
  const values = apps.map((a) => median(a.results.map(of)));
  console.log(`| ${name} | ${values.map(f0).join(" | ")} | ${f0(values[0] - values[values.length - 1])} |`);
}
