// Write lowstate.mcap, an MCAP with one protobuf channel, with the reference MCAP writer (@mcap/core)
// and the protobuf descriptor of protobufjs; and expected.json, the first messages as protobufjs
// decodes them. Run: npm install @mcap/core@2.2.2 protobufjs@8.8.1 && node make-mcap.mjs
import { McapWriter } from "@mcap/core";
import protobuf from "protobufjs";
import descriptor from "protobufjs/ext/descriptor/index.js";
import { writeFileSync } from "node:fs";

const proto = `
syntax = "proto3";
package acme.robot;
message MotorState { float q = 1; float dq = 2; float tau_est = 3; uint32 mode = 4; }
enum Gait { STAND = 0; WALK = 1; }
message LowState {
  uint64 tick = 1;
  repeated MotorState motor_state = 2;
  Gait gait = 3;
  bytes crc = 4;
  optional double battery_v = 5;
  repeated string motor_name = 6;
}
`;
const root = protobuf.parse(proto, { keepCase: true }).root;
const LowState = root.lookupType("acme.robot.LowState");
const fds = descriptor.FileDescriptorSet.encode(root.toDescriptor("proto3")).finish();

class Sink {
  chunks = [];
  size = 0n;
  async write(buf) { this.chunks.push(Buffer.from(buf)); this.size += BigInt(buf.byteLength); }
  position() { return this.size; }
}
const sink = new Sink();
const writer = new McapWriter({ writable: sink, chunkSize: 4096 });
await writer.start({ profile: "", library: "hcert test data" });
const schemaId = await writer.registerSchema({ name: "acme.robot.LowState", encoding: "protobuf", data: fds });
const channelId = await writer.registerChannel({ topic: "/lowstate", schemaId, messageEncoding: "protobuf", metadata: new Map() });
const names = Array.from({ length: 12 }, (_, i) => ["FR", "FL", "RR", "RL"][Math.floor(i / 3)] + "_" + ["hip", "thigh", "calf"][i % 3]);
const expected = [];
for (let i = 0; i < 1000; i++) {
  const msg = {
    tick: i,
    motor_state: names.map((_, k) => ({ q: Math.fround(0.1 * Math.sin(i / 20 + k)), dq: Math.fround(0.05 * Math.cos(i / 20 + k)), tau_est: Math.fround(k * 0.5), mode: 10 })),
    gait: i < 100 ? 0 : 1,
    crc: Uint8Array.of(i & 0xff, 0xab),
    motor_name: names,
  };
  if (i % 2 === 0) msg.battery_v = 24.5 - i * 0.001;
  const data = LowState.encode(LowState.fromObject(msg)).finish();
  const t = 1767261600000000000n + BigInt(i) * 2000000n; // 500 Hz
  await writer.addMessage({ channelId, sequence: i, logTime: t, publishTime: t, data });
  if (i < 3) {
    expected.push(LowState.toObject(LowState.decode(data), { longs: Number, enums: String, bytes: String, defaults: true }));
  }
}
await writer.end();
writeFileSync("lowstate.mcap", Buffer.concat(sink.chunks));
writeFileSync("expected.json", JSON.stringify({ messages: 1000, first: expected }, null, 1) + "\n");
