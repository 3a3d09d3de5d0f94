// Reference for bench/run.sh: iterate every message of an MCAP file with @mcap/core, without
// decoding bodies, and print "mode bytes messages seconds MB/s msg/s payload=N" like RawDecode.
//   node read.mjs FILE stream|indexed
// stream:  McapStreamReader fed 1 MiB reads of the file (file order, chunks decompressed, CRCs checked)
// indexed: McapIndexedReader.readMessages() (log-time order through the summary, CRCs checked)
// Decompression: @mcap/support's loadDecompressHandlers (@foxglove/wasm-zstd, wasm-lz4, wasm-bz2),
// as @mcap/core's documentation recommends.
import { open } from "node:fs/promises";
import { McapIndexedReader, McapStreamReader } from "@mcap/core";
import { FileHandleReadable } from "@mcap/nodejs";
import { loadDecompressHandlers } from "@mcap/support";

const [file, mode] = process.argv.slice(2);
if (!file || !["stream", "indexed"].includes(mode)) {
  console.error("usage: node read.mjs FILE stream|indexed");
  process.exit(2);
}
const decompressHandlers = await loadDecompressHandlers();
const started = process.hrtime.bigint();
const handle = await open(file, "r");
const { size } = await handle.stat();
let messages = 0;
let payload = 0;
if (mode === "stream") {
  const reader = new McapStreamReader({ decompressHandlers });
  const buffer = new Uint8Array(1 << 20);
  for (let position = 0; position < size; ) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    reader.append(buffer.subarray(0, bytesRead));
    for (let record; (record = reader.nextRecord()); ) {
      if (record.type === "Message") {
        messages++;
        payload += record.data.byteLength;
      }
    }
  }
  if (!reader.done()) throw new Error(`${file}: the stream reader did not reach the end of the file`);
} else {
  const reader = await McapIndexedReader.Initialize({ readable: new FileHandleReadable(handle), decompressHandlers });
  for await (const message of reader.readMessages()) {
    messages++;
    payload += message.data.byteLength;
  }
}
await handle.close();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`${mode} ${size} ${messages} ${seconds.toFixed(3)} ${(size / 1e6 / seconds).toFixed(1)} ${(messages / seconds).toFixed(0)} payload=${payload}`);
