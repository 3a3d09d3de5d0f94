// Preloaded before the examples of @foxglove/ws-protocol-examples (node -r ./localhost.cjs …):
// their servers listen on port 8765 of every interface; this makes them listen on 127.0.0.1 only,
// on the port given in the environment variable PORT, so that tests reach them on loopback only.
const ws = require("ws");
const Original = ws.WebSocketServer;
class Loopback extends Original {
  constructor(options, callback) {
    super({ ...options, host: "127.0.0.1", port: Number(process.env.PORT) || options.port }, callback);
  }
}
ws.WebSocketServer = Loopback;
ws.Server = Loopback;
