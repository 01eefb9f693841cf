#!/usr/bin/env node
// Start-to-ready time of two web apps started the same way a Functions host starts a custom handler:
// spawn the executable in its own folder (the Functions host starts the handler in its `workingDirectory`, the app
// folder) with a free port in the environment, then poll GET / every 25 ms until any answer.
// Alternates the two apps run by run (so drift hits both), reports medians and the ratio.
// Usage: node measure.mjs RUNS NAME_A EXE_A NAME_B EXE_B
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import http from "node:http";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";

const [runsArg, nameA, exeA, nameB, exeB] = process.argv.slice(2);
const runs = Number(runsArg);

const freePort = () => new Promise((ok) => {
  const s = createServer();
  s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
});

const answers = (port) => new Promise((ok) => {
  const req = http.get({ host: "127.0.0.1", port, path: "/", timeout: 1000 }, (res) => { res.resume(); ok(true); });
  req.on("error", () => ok(false));
  req.on("timeout", () => { req.destroy(); ok(false); });
});

// CPU time (user + system, all threads) the process has used: fields 14 and 15 of /proc/PID/stat, in 10 ms ticks.
// On the loaded shared machine wall times swing with the load; the CPU time needed to get ready much less.
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function once(exe) {
  const port = await freePort();
  const env = {
    ...process.env,
    FUNCTIONS_CUSTOMHANDLER_PORT: String(port),     // read by the FuncLabel handler
    ASPNETCORE_URLS: `http://127.0.0.1:${port}`,    // read by the bare template app
    Logging__LogLevel__Default: "Warning",
  };
  const started = process.hrtime.bigint();
  const child = spawn(exe, [], { env, cwd: dirname(exe), stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise((r) => child.once("exit", r));
  let gone = false;
  exited.then(() => { gone = true; });
  try {
    for (;;) {
      if (gone) throw new Error(`${exe} exited before it was ready`);
      if (await answers(port)) return { ms: Number(process.hrtime.bigint() - started) / 1e6, cpu: cpuMs(child.pid) };
      if (Number(process.hrtime.bigint() - started) / 1e6 > 30000) throw new Error(`${exe} not ready in 30 s`);
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
await once(exeA); await once(exeB); // warm the OS file cache for both; not counted
const ra = [], rb = [];
for (let i = 0; i < runs; i++) { ra.push(await once(exeA)); rb.push(await once(exeB)); }
const a = ra.map((r) => r.ms), b = rb.map((r) => r.ms);
const ca = ra.map((r) => r.cpu), cb = rb.map((r) => r.cpu);
const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(", ");
console.log(`| app | median ms | min | max | median CPU ms at ready | runs (ms) |`);
console.log(`|---|---|---|---|---|---|`);
console.log(`| ${nameA} | ${median(a).toFixed(0)} | ${Math.min(...a).toFixed(0)} | ${Math.max(...a).toFixed(0)} | ${median(ca).toFixed(0)} | ${fmt(a)} |`);
console.log(`| ${nameB} | ${median(b).toFixed(0)} | ${Math.min(...b).toFixed(0)} | ${Math.max(...b).toFixed(0)} | ${median(cb).toFixed(0)} | ${fmt(b)} |`);
console.log(`\nratio ${nameA} / ${nameB} (medians): ${(median(a) / median(b)).toFixed(2)} (CPU time at ready: ${(median(ca) / median(cb)).toFixed(2)})`);
