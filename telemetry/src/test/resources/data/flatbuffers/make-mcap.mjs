// Write lowstate.mcap, an MCAP with one flatbuffer channel: the schema compiled by the reference
// compiler (flatc --binary --schema), 400 messages encoded by flatc from JSON, the file written by
// the reference MCAP writer (@mcap/core); and expected.json, the first messages as flatc decodes
// them back (flatc --json --strict-json --defaults-json).
// Run: apt install flatbuffers-compiler; npm install @mcap/core@2.2.2; node make-mcap.mjs
import { McapWriter } from "@mcap/core";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const work = mkdtempSync(join(tmpdir(), "fb-"));
execFileSync("flatc", ["--binary", "--schema", "-o", work, "lowstate.fbs"]);
const bfbs = readFileSync(join(work, "lowstate.bfbs"));
const names = Array.from({ length: 12 }, (_, i) => ["FR", "FL", "RR", "RL"][Math.floor(i / 3)] + "_" + ["hip", "thigh", "calf"][i % 3]);
const N = 400;
const files = [];
for (let i = 0; i < N; i++) {
  const msg = {
    tick: i,
    motors: names.map((name, k) => ({ name, q: Math.fround(0.1 * Math.sin(i / 20 + k)), dq: Math.fround(0.05 * Math.cos(i / 20 + k)), tau_est: k * 0.5, mode: k === 0 ? 10 : 11 })),
    gait: i < 100 ? "Stand" : "Walk",
    gyro: { x: 0.01 * i, y: 0, z: -0.5 },
    temperatures: [30 + i / 100, 31.5],
    estop: i >= 300,
  };
  if (i % 2 === 0) msg.battery_v = 24.5 - i * 0.001;
  const f = join(work, `m${i}.json`);
  writeFileSync(f, JSON.stringify(msg));
  files.push(f);
}
execFileSync("flatc", ["--binary", "-o", work, "lowstate.fbs", ...files]);
class Sink {
  chunks = [];
  size = 0n;
  async write(buf) { this.chunks.push(Buffer.from(buf)); this.size += BigInt(buf.byteLength); }
  position() { return this.size; }
}
const sink = new Sink();
const writer = new McapWriter({ writable: sink, chunkSize: 8192 });
await writer.start({ profile: "", library: "hcert test data" });
const schemaId = await writer.registerSchema({ name: "acme.robot.LowState", encoding: "flatbuffer", data: bfbs });
const channelId = await writer.registerChannel({ topic: "/lowstate", schemaId, messageEncoding: "flatbuffer", metadata: new Map() });
for (let i = 0; i < N; i++) {
  const data = readFileSync(join(work, `m${i}.bin`));
  const t = 1767261600000000000n + BigInt(i) * 5000000n; // 200 Hz
  await writer.addMessage({ channelId, sequence: i, logTime: t, publishTime: t, data });
}
await writer.end();
writeFileSync("lowstate.mcap", Buffer.concat(sink.chunks));
const first = [];
for (let i = 0; i < 3; i++) {
  execFileSync("flatc", ["--json", "--strict-json", "--defaults-json", "--raw-binary", "-o", work, "lowstate.fbs", "--", join(work, `m${i}.bin`)]);
  first.push(JSON.parse(readFileSync(join(work, `m${i}.json`), "utf8")));
}
writeFileSync("expected.json", JSON.stringify({ messages: N, first }, null, 1) + "\n");
