// Write so100_pick/, a dataset in LeRobot's v2.1 layout (meta/info.json, meta/episodes.jsonl,
// meta/tasks.jsonl, data/chunk-000/episode_NNNNNN.parquet), with Apache Arrow's JavaScript library
// and the Rust parquet writer (parquet-wasm); and expected.json, what those libraries read back.
// Two episodes of an SO-100 arm at 30 fps; its joint state in degrees, as LeRobot stores it.
// Run: npm install apache-arrow@21.2.0 parquet-wasm@0.8.0 && node make-lerobot.mjs
import { Field, Float32, Int64, List, makeTable, tableFromIPC, tableToIPC, vectorFromArray } from "apache-arrow";
import { Table as WasmTable, readParquet, writeParquet, WriterPropertiesBuilder, Compression } from "parquet-wasm";
import { mkdirSync, writeFileSync, readFileSync } from "node:fs";

const root = "so100_pick";
const names = ["main_shoulder_pan", "main_shoulder_lift", "main_elbow_flex", "main_wrist_flex", "main_wrist_roll", "main_gripper"];
const fps = 30;
const lengths = [45, 60];
mkdirSync(`${root}/meta`, { recursive: true });
mkdirSync(`${root}/data/chunk-000`, { recursive: true });

const list = () => new List(new Field("item", new Float32(), true));
let index = 0;
const expected = { fps, episodes: [], names };
lengths.forEach((n, ep) => {
  const state = [], action = [], timestamp = [], frame = [], episode = [], idx = [], task = [];
  for (let i = 0; i < n; i++) {
    // each joint swings ±40° about its own offset; the second episode 10° further on the shoulder lift
    const s = names.map((_, k) => Math.fround(40 * Math.sin(2 * Math.PI * i / fps + k) + (ep === 1 && k === 1 ? 10 : 0)));
    state.push(s);
    action.push(s.map((v) => Math.fround(v + 1)));
    timestamp.push(Math.fround(i / fps));
    frame.push(BigInt(i));
    episode.push(BigInt(ep));
    idx.push(BigInt(index++));
    task.push(0n);
  }
  const table = makeTable({
    "observation.state": vectorFromArray(state, list()),
    action: vectorFromArray(action, list()),
    timestamp: vectorFromArray(timestamp, new Float32()),
    frame_index: vectorFromArray(frame, new Int64()),
    episode_index: vectorFromArray(episode, new Int64()),
    index: vectorFromArray(idx, new Int64()),
    task_index: vectorFromArray(task, new Int64()),
  });
  const props = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
  const file = `${root}/data/chunk-000/episode_${String(ep).padStart(6, "0")}.parquet`;
  writeFileSync(file, writeParquet(WasmTable.fromIPCStream(tableToIPC(table, "stream")), props));
  // read back with the same libraries: what hcert must see
  const back = tableFromIPC(readParquet(readFileSync(file)).intoIPCStream());
  const row0 = back.get(0).toJSON();
  expected.episodes.push({ frames: back.numRows, firstState: Array.from(row0["observation.state"]), lastTimestamp: back.get(n - 1).toJSON().timestamp });
});

const feature = (dtype, shape, n) => ({ dtype, shape, names: n });
writeFileSync(`${root}/meta/info.json`, JSON.stringify({
  codebase_version: "v2.1",
  robot_type: "so100",
  total_episodes: lengths.length,
  total_frames: index,
  total_tasks: 1,
  total_videos: 0,
  total_chunks: 1,
  chunks_size: 1000,
  fps,
  splits: { train: `0:${lengths.length}` },
  data_path: "data/chunk-{episode_chunk:03d}/episode_{episode_index:06d}.parquet",
  video_path: null,
  features: {
    action: feature("float32", [6], names),
    "observation.state": feature("float32", [6], names),
    timestamp: feature("float32", [1], null),
    frame_index: feature("int64", [1], null),
    episode_index: feature("int64", [1], null),
    index: feature("int64", [1], null),
    task_index: feature("int64", [1], null),
  },
}, null, 4) + "\n");
writeFileSync(`${root}/meta/episodes.jsonl`, lengths.map((n, ep) => JSON.stringify({ episode_index: ep, tasks: ["Pick the cube"], length: n })).join("\n") + "\n");
writeFileSync(`${root}/meta/tasks.jsonl`, JSON.stringify({ task_index: 0, task: "Pick the cube" }) + "\n");
writeFileSync("expected.json", JSON.stringify(expected, null, 1) + "\n");
