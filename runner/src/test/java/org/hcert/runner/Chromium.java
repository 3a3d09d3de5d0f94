package org.hcert.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol, on the JDK's
 * WebSocket client: one page, navigated, queried by script, and photographed. The browser listens
 * on 127.0.0.1 only and is killed on close.
 */
final class Chromium implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration ANSWER = Duration.ofSeconds(30);

    private final Process process;
    private final WebSocket socket;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final String session;

    private Chromium(Process process, URI endpoint) throws IOException {
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, new Listener()).join();
        String target = call("Target.createTarget", json.createObjectNode().put("url", "about:blank"), null).get("targetId").asText();
        this.session = call("Target.attachToTarget", json.createObjectNode().put("targetId", target).put("flatten", true), null)
                .get("sessionId").asText();
        call("Page.enable", json.createObjectNode());
        call("Emulation.setDeviceMetricsOverride", json.createObjectNode().put("width", 1400).put("height", 1200)
                .put("deviceScaleFactor", 1).put("mobile", false));
    }

    /** Whether Debian's chromium is installed here. */
    static boolean installed() {
        return java.nio.file.Files.isExecutable(Path.of("/usr/bin/chromium"));
    }

    /** Start a headless browser with a fresh profile in {@code profileDir}. */
    static Chromium launch(Path profileDir) throws IOException {
        Process p = new ProcessBuilder(List.of("/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profileDir, "about:blank")).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
            said.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the browser is gone
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return new Chromium(p, URI.create(m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new IOException("chromium did not open its DevTools endpoint; it said:\n" + said);
    }

    /** Open {@code url} in the page. */
    void open(String url) throws IOException {
        call("Page.navigate", json.createObjectNode().put("url", url));
    }

    /** The value of a script run in the page (a string, number, boolean or JSON-able object). */
    JsonNode eval(String expression) throws IOException {
        JsonNode r = call("Runtime.evaluate", json.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IOException("the script failed in the page: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Run {@code expression} until it is true, for at most {@code timeout}. */
    void await(String what, String expression, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            // while the page loads, the expression may throw (no body yet): not shown yet
            if (eval("(() => { try { return Boolean(" + expression + "); } catch (e) { return false; } })()").asBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("the page never showed " + what + " (waited " + timeout.toSeconds() + " s for " + expression + ")");
    }

    /** A PNG of the page as it shows now. */
    byte[] screenshot() throws IOException {
        return Base64.getDecoder().decode(call("Page.captureScreenshot", json.createObjectNode().put("format", "png"))
                .get("data").asText());
    }

    private JsonNode call(String method, ObjectNode params) throws IOException {
        return call(method, params, session);
    }

    private JsonNode call(String method, ObjectNode params, @org.jspecify.annotations.Nullable String sessionId) throws IOException {
        int id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(json.writeValueAsString(message), true).join();
        try {
            JsonNode a = answer.get(ANSWER.toSeconds(), TimeUnit.SECONDS);
            if (a.has("error")) {
                throw new IOException(method + " failed: " + a.get("error"));
            }
            return a.path("result");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(method + ": no answer from chromium within " + ANSWER.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        socket.abort();
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode m = json.readTree(text.toString());
                    CompletableFuture<JsonNode> f = m.has("id") ? pending.get(m.get("id").asInt()) : null;
                    if (f != null) {
                        f.complete(m);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
