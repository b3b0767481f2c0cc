import { mkdtempSync, mkdirSync, chmodSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { buildRuntime, sandboxCommand, probeIsolation } from "../src/course/grade";
const root = "/work/main";
const w = mkdtempSync(join(tmpdir(), "st-")); chmodSync(w, 0o711);
const rt = buildRuntime(root, join(w, "rt"), { memoryMb: 256 });
mkdirSync(join(w, "sub", "exercises"), { recursive: true }); mkdirSync(join(w, "sub", "scratch"));
const iso = probeIsolation();
for (const snap of [true, false]) for (const wrap of [true, false]) {
  const paths = { childScript: rt.childScript, ...(snap ? { snapshotBlob: rt.snapshotBlob } : {}), libraryBundle: rt.libraryBundle, runtimeDir: rt.dir, submissionDir: join(w, "sub"), scratchDir: join(w, "sub", "scratch") };
  const cmd = sandboxCommand(paths, { memoryMb: 256, cpuSeconds: 100 }, wrap ? iso : { privateNetwork: false, addressSpaceLimit: false });
  const times: number[] = [];
  for (let i = 0; i < 10; i++) { const t = performance.now(); const r = spawnSync(cmd[0], cmd.slice(1), { stdio: "ignore" }); times.push(performance.now() - t); if (r.status !== 0) console.log("status", r.status); }
  times.sort((a, b) => a - b);
  console.log(`snapshot=${snap} wrapped=${wrap}: median ${times[5].toFixed(1)} ms, min ${times[0].toFixed(1)}`);
}
console.log(JSON.stringify(iso));
