#!/usr/bin/env node
// Sums the counters of every .trx file under a folder and prints "N passed, N failed" (CI reads that line).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".trx")) files.push(path);
  }
};
walk(process.argv[2]);

let passed = 0, failed = 0, skipped = 0;
for (const file of files) {
  const counters = readFileSync(file, "utf8").match(/<Counters\b[^>]*>/);
  if (!counters) continue;
  const get = (name) => Number((counters[0].match(new RegExp(`\\b${name}="(\\d+)"`)) ?? [0, 0])[1]);
  passed += get("passed");
  failed += get("failed") + get("error") + get("timeout") + get("aborted");
  skipped += get("notExecuted");
}
if (files.length === 0) failed += 1; // no result file at all means the run itself failed
console.log(skipped ? `${passed} passed, ${failed} failed, ${skipped} skipped` : `${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
