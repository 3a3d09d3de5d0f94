// A Foxglove WebSocket server built on @foxglove/ws-protocol (the package mcap-play is built on)
// that replays an MCAP file once, like mcap-play, but starts only when the first client has
// subscribed to every channel: mcap-play plays from the moment a client connects, so the first
// messages of a replay can go by before the client has subscribed. Listens on 127.0.0.1:$PORT,
// sends message frames stamped with the file's log times, paced by them, then closes the
// connection (code 1000) and exits.
// Usage: PORT=8765 node play-when-subscribed.cjs FILE.mcap
const { FoxgloveServer } = require("@foxglove/ws-protocol");
const { McapIndexedReader } = require("@mcap/core");
const Zstd = require("@foxglove/wasm-zstd");
const lz4 = require("@foxglove/wasm-lz4").default ?? require("@foxglove/wasm-lz4");
const { WebSocketServer } = require("ws");
const fs = require("fs/promises");

const file = process.argv[2];
const port = Number(process.env.PORT);

function readable(handle) {
  return {
    async size() { return BigInt((await handle.stat()).size); },
    async read(offset, length) {
      const buffer = new Uint8Array(Number(length));
      const { bytesRead } = await handle.read(buffer, 0, Number(length), Number(offset));
      if (bytesRead !== Number(length)) throw new Error(`short read at ${offset}`);
      return buffer;
    },
  };
}

async function main() {
  await Zstd.isLoaded;
  await lz4.isLoaded;
  const handle = await fs.open(file, "r");
  const reader = await McapIndexedReader.Initialize({
    readable: readable(handle),
    decompressHandlers: {
      zstd: (b, size) => Zstd.decompress(b, Number(size)),
      lz4: (b, size) => lz4(b, Number(size)),
    },
  });
  const server = new FoxgloveServer({ name: file });
  const byMcap = new Map();
  for (const channel of reader.channelsById.values()) {
    const schema = reader.schemasById.get(channel.schemaId);
    if (!schema) continue;
    const binary = schema.encoding === "protobuf" || schema.encoding === "flatbuffer";
    const id = server.addChannel({
      topic: channel.topic,
      encoding: channel.messageEncoding,
      schemaName: schema.name,
      schemaEncoding: schema.encoding,
      schema: binary ? Buffer.from(schema.data).toString("base64") : new TextDecoder().decode(schema.data),
    });
    byMcap.set(channel.id, id);
  }
  const subscribed = new Set();
  let client;
  let started = false;
  const ws = new WebSocketServer({ host: "127.0.0.1", port, handleProtocols: (p) => server.handleProtocols(p) });
  ws.on("connection", (conn, req) => {
    client ??= conn;
    server.handleConnection(conn, `${req.socket.remoteAddress}:${req.socket.remotePort}`);
  });
  server.on("subscribe", (channelId) => {
    subscribed.add(channelId);
    if (!started && subscribed.size === byMcap.size) {
      started = true;
      play().catch((e) => { console.error(e); process.exit(1); });
    }
  });
  async function play() {
    let first;
    const wall = Date.now();
    for await (const m of reader.readMessages()) {
      const id = byMcap.get(m.channelId);
      if (id === undefined) continue;
      first ??= m.logTime;
      const due = Number((m.logTime - first) / 1000000n) - (Date.now() - wall);
      if (due > 0) await new Promise((r) => setTimeout(r, due));
      server.sendMessage(id, m.logTime, m.data);
    }
    await new Promise((r) => setTimeout(r, 200));
    client?.close(1000, "end of file");
    ws.close();
    await handle.close();
    process.exit(0);
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
