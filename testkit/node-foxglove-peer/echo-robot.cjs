// A robot behind a Foxglove WebSocket server, built on @foxglove/ws-protocol (the package
// foxglove_bridge's protocol is defined by), for the tests of hcert's commands over the protocol.
// Listens on 127.0.0.1:$PORT with the capabilities clientPublish, services and time.
//
// It advertises /joint_states (sensor_msgs/msg/JointState, CDR) and the services /stop, /reset,
// /start (std_srvs/srv/Trigger), /estop (std_srvs/srv/SetBool) and /mode (hcert_test/srv/SetMode:
// string mode; bool success, string message). Messages clients publish on
// their channels are decoded by @foxglove/rosmsg2-serialization with the ROS 2 Humble definitions
// of @foxglove/rosmsg-msgs-common (or parsed as JSON) and printed; service requests likewise, and
// answered success: true unless told otherwise.
//
// stdout, one JSON object per line: {"event":"listening"}, {"event":"connection"}, {"event":"advertise",topic,encoding,schemaName},
// {"event":"message",topic,schemaName,message}, {"event":"call",service,request}, {"event":"closed"}.
// stdin, one JSON object per line:
//   {"do":"publish","stampNs":"123","message":{…JointState…}}   send on /joint_states (missing fields: defaults)
//   {"do":"publish",…,"atNs":"456"}                              the same, sent when the system clock reads atNs
//                                                                (in order with the other timed messages)
//   {"do":"refuse","service":"/reset","message":"why"}           answer success: false, message
//   {"do":"fail","service":"/reset","message":"why"}             answer with a serviceCallFailure
//   {"do":"ignore","service":"/reset"}                           never answer
//   {"do":"unadvertise","topic":"/joint_states"}                 remove the channel
//   {"do":"hangup"}                                              drop every connection
//   {"do":"malformed"}                                           send a binary frame too short to be a message
// Usage: PORT=8765 node echo-robot.cjs
const { FoxgloveServer } = require("@foxglove/ws-protocol");
const { MessageReader, MessageWriter } = require("@foxglove/rosmsg2-serialization");
const { parse, stringify } = require("@foxglove/rosmsg");
const { ros2humble } = require("@foxglove/rosmsg-msgs-common");
const { WebSocketServer } = require("ws");
const readline = require("readline");

const port = Number(process.env.PORT);
const say = (o) => process.stdout.write(JSON.stringify(o, (k, v) =>
  (typeof v === "bigint" ? v.toString() : ArrayBuffer.isView(v) ? Array.from(v) : v)) + "\n");
// Now on the system clock, ns since the epoch (the clock the harness's clock reads too).
const nowNs = () => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));

// A type's definitions, root first, with every type it uses: what MessageReader and MessageWriter take.
function definitions(type) {
  const short = type.replace("/msg/", "/");
  const out = [];
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const d = ros2humble[name];
    if (!d) throw new Error(`no ROS 2 Humble definition of ${name}`);
    out.push(d);
    for (const f of d.definitions) if (f.isComplex) visit(f.type);
  };
  visit(short);
  return out;
}

// The ros2msg text of a type as foxglove_bridge sends it: @foxglove/rosmsg writes ROS 2's
// builtin_interfaces/Time as "time", which is not a ROS 2 type name.
function ros2msg(defs) {
  return stringify(defs).replace(/^time /gm, "builtin_interfaces/Time ").replace(/^duration /gm, "builtin_interfaces/Duration ")
    + "\n================================================================================\nMSG: builtin_interfaces/Time\nint32 sec\nuint32 nanosec\n";
}

const jointDefs = definitions("sensor_msgs/msg/JointState");
const jointWriter = new MessageWriter(jointDefs);
const srv = {
  "std_srvs/srv/Trigger": ["", "bool success\nstring message\n"],
  "std_srvs/srv/SetBool": ["bool data\n", "bool success\nstring message\n"],
  "hcert_test/srv/SetMode": ["string mode\n", "bool success\nstring message\n"],
};
const server = new FoxgloveServer({
  name: "hcert echo robot",
  capabilities: ["clientPublish", "services", "time"],
  supportedEncodings: ["cdr", "json"],
});
const joints = server.addChannel({
  topic: "/joint_states",
  encoding: "cdr",
  schemaName: "sensor_msgs/msg/JointState",
  schemaEncoding: "ros2msg",
  schema: ros2msg(jointDefs),
});
const channels = new Map([["/joint_states", joints]]);
const services = new Map();
for (const [name, type] of [["/stop", "std_srvs/srv/Trigger"], ["/reset", "std_srvs/srv/Trigger"],
  ["/start", "std_srvs/srv/Trigger"], ["/estop", "std_srvs/srv/SetBool"], ["/mode", "hcert_test/srv/SetMode"]]) {
  const [request, response] = srv[type];
  const def = (suffix, text) => ({ encoding: "cdr", schemaName: `${type}_${suffix}`, schemaEncoding: "ros2msg", schema: text });
  const id = server.addService({ name, type, request: def("Request", request), response: def("Response", response) });
  services.set(id, {
    name,
    reader: new MessageReader(parse(request, { ros2: true })),
    writer: new MessageWriter(parse(response, { ros2: true })),
    answer: { mode: "ok" },
  });
}
const byName = (name) => [...services.values()].find((s) => s.name === name);

const readers = new Map();
server.on("advertise", (c) => {
  say({ event: "advertise", topic: c.channel?.topic ?? c.topic, encoding: c.channel?.encoding ?? c.encoding,
    schemaName: c.channel?.schemaName ?? c.schemaName });
});
server.on("message", ({ channel, data }) => {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let message;
  if (channel.encoding === "json") {
    message = JSON.parse(new TextDecoder().decode(bytes));
  } else {
    if (!readers.has(channel.schemaName)) readers.set(channel.schemaName, new MessageReader(definitions(channel.schemaName)));
    message = readers.get(channel.schemaName).readMessage(bytes);
  }
  say({ event: "message", topic: channel.topic, schemaName: channel.schemaName, message });
});
server.on("serviceCallRequest", (request, connection) => {
  const s = services.get(request.serviceId);
  const bytes = new Uint8Array(request.data.buffer, request.data.byteOffset, request.data.byteLength);
  say({ event: "call", service: s.name, request: s.reader.readMessage(bytes) });
  if (s.answer.mode === "ignore") return;
  if (s.answer.mode === "fail") {
    server.sendServiceCallFailure({ op: "serviceCallFailure", serviceId: request.serviceId, callId: request.callId,
      message: s.answer.message }, connection);
    return;
  }
  const refused = s.answer.mode === "refuse";
  const data = s.writer.writeMessage({ success: !refused, message: refused ? s.answer.message : "" });
  server.sendServiceCallResponse({ serviceId: request.serviceId, callId: request.callId, encoding: "cdr", data }, connection);
});
server.on("error", (e) => process.stderr.write(`server error: ${e}\n`));

const connections = new Set();
const ws = new WebSocketServer({ host: "127.0.0.1", port, handleProtocols: (p) => server.handleProtocols(p) });
ws.on("listening", () => say({ event: "listening" }));
ws.on("connection", (conn, req) => {
  connections.add(conn);
  say({ event: "connection" });
  conn.on("close", (code) => say({ event: "closed", code }));
  server.handleConnection(conn, `${req.socket.remoteAddress}:${req.socket.remotePort}`);
});

// Timed messages go out in order, each once the clock has reached its time.
const timed = [];
let pumping = false;
function pump() {
  pumping = true;
  while (timed.length > 0 && timed[0].at <= nowNs()) {
    const m = timed.shift();
    server.sendMessage(joints, m.stamp, m.data);
  }
  if (timed.length === 0) {
    pumping = false;
    return;
  }
  const waitMs = Number(timed[0].at - nowNs()) / 1e6;
  if (waitMs > 2) setTimeout(pump, waitMs - 1);
  else setImmediate(pump);
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (!line.trim()) return;
  const c = JSON.parse(line);
  switch (c.do) {
    case "publish": {
      // fields the instruction leaves out take the type's defaults
      const data = jointWriter.writeMessage({
        header: { stamp: { sec: 0, nanosec: 0 }, frame_id: "" }, name: [], position: [], velocity: [], effort: [], ...c.message,
      });
      if (c.atNs === undefined) {
        server.sendMessage(joints, BigInt(c.stampNs), data);
      } else {
        timed.push({ at: BigInt(c.atNs), stamp: BigInt(c.stampNs), data });
        if (!pumping) pump();
      }
      break;
    }
    case "refuse":
    case "fail":
    case "ignore":
      byName(c.service).answer = { mode: c.do, message: c.message ?? "" };
      break;
    case "unadvertise":
      server.removeChannel(channels.get(c.topic));
      break;
    case "hangup":
      for (const conn of connections) conn.terminate();
      break;
    case "malformed":
      for (const conn of connections) conn.send(new Uint8Array([1, 0, 0]));
      break;
    default:
      process.stderr.write(`unknown instruction ${line}\n`);
  }
  say({ event: "done", do: c.do, id: c.id ?? null });
});
