#!/usr/bin/env node
// Per-phase start-up timeline of apps that print `startup-trace <ms> ms cpu <ms> ms jit <n> methods <ms> ms <phase>`
// lines on stderr when FUNCLABEL_STARTUP_TRACE=1 (src/FuncLabel.Functions/Hosting/StartupTrace.cs). Each app is
// started as measure.mjs starts it (free port in the environment, GET / polled every 25 ms); apps alternate run by
// run. Prints, per app, the median of each phase's time since process start, of the CPU time (user + system, all
// threads) used by then and of the methods JIT-compiled by then (with the JIT's own time), and the poller's own
// spawn-to-first-answer time ("ready (poller)", CPU from /proc): on a loaded shared machine the wall times swing with
// the load, the CPU times much less.
// Usage: node phases.mjs RUNS NAME_A EXE_A [NAME_B EXE_B ...]
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import http from "node:http";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";

const [runsArg, ...rest] = process.argv.slice(2);
const runs = Number(runsArg);
const apps = [];
for (let i = 0; i < rest.length; i += 2) apps.push({ name: rest[i], exe: rest[i + 1], phases: new Map() });

const freePort = () => new Promise((ok) => {
  const s = createServer();
  s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
});

const answers = (port) => new Promise((ok) => {
  const req = http.get({ host: "127.0.0.1", port, path: "/", timeout: 1000 }, (res) => { res.resume(); ok(true); });
  req.on("error", () => ok(false));
  req.on("timeout", () => { req.destroy(); ok(false); });
});

// utime and stime (fields 14 and 15 of /proc/PID/stat, after the parenthesised command name), in clock ticks (100/s).
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function once(app, record) {
  const port = await freePort();
  const env = {
    ...process.env,
    FUNCTIONS_CUSTOMHANDLER_PORT: String(port),
    ASPNETCORE_URLS: `http://127.0.0.1:${port}`,
    Logging__LogLevel__Default: "Warning",
    FUNCLABEL_STARTUP_TRACE: "1",
  };
  const started = process.hrtime.bigint();
  const child = spawn(app.exe, [], { env, cwd: dirname(app.exe), stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => { stderr += d; });
  const exited = new Promise((r) => child.once("exit", r));
  let gone = false;
  exited.then(() => { gone = true; });
  let ready, cpu;
  for (;;) {
    if (gone) throw new Error(`${app.exe} exited before it was ready:\n${stderr}`);
    if (await answers(port)) { ready = Number(process.hrtime.bigint() - started) / 1e6; cpu = cpuMs(child.pid); break; }
    await new Promise((r) => setTimeout(r, 25));
  }
  await new Promise((r) => setTimeout(r, 200)); // let the first-request mark reach stderr
  child.kill("SIGTERM");
  await exited;
  if (!record) return;
  const add = (phase, ms, cpu, jit, jitMs) => {
    if (!app.phases.has(phase)) app.phases.set(phase, { ms: [], cpu: [], jit: [], jitMs: [] });
    const p = app.phases.get(phase);
    p.ms.push(ms);
    if (cpu !== undefined) p.cpu.push(cpu);
    if (jit !== undefined) { p.jit.push(jit); p.jitMs.push(jitMs); }
  };
  for (const line of stderr.split("\n")) {
    const m = /^startup-trace\s+([\d.]+) ms cpu\s+(\d+) ms jit\s+(\d+) methods\s+(\d+) ms (.+)$/.exec(line);
    if (m) add(m[5], Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]));
  }
  add("ready (poller)", ready, cpu);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
for (const app of apps) await once(app, false); // warm the OS file cache; not counted
for (let i = 0; i < runs; i++) for (const app of apps) await once(app, true);
for (const app of apps) {
  console.log(`\n${app.name} (median of ${runs} runs, ms since process start)`);
  console.log(`| phase | median ms | min | max | median CPU ms | methods JIT-compiled | JIT ms |`);
  console.log(`|---|---|---|---|---|---|---|`);
  for (const [phase, { ms, cpu, jit, jitMs }] of app.phases) {
    const m = (xs) => (xs.length ? median(xs).toFixed(0) : "");
    console.log(`| ${phase} | ${median(ms).toFixed(0)} | ${Math.min(...ms).toFixed(0)} | ${Math.max(...ms).toFixed(0)} | ${m(cpu)} | ${m(jit)} | ${m(jitMs)} |`);
  }
}
