package org.hcert.adapters.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hcert.adapters.Capabilities;
import org.hcert.adapters.ClockOffset;
import org.hcert.adapters.Command;
import org.hcert.adapters.CommandReply;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkListener;
import org.hcert.adapters.LinkLostException;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkPosition;
import org.hcert.adapters.LinkRefusedException;
import org.hcert.adapters.LinkTimeoutException;
import org.hcert.adapters.LinkUri;
import org.hcert.adapters.ReceivedTelemetry;
import org.hcert.adapters.RobotLink;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness side of the wire protocol over any {@link Transport}: the one implementation of
 * {@link RobotLink} that the TCP and serial links configure. A receiving thread checks every
 * frame's CRC and sequence number and the silence since the last frame; a ping thread runs clock
 * exchanges, which are also the harness's heartbeat.
 *
 * <p>Over 400 lines on purpose: the failure state, the pending answers and the sequence check
 * must change together under one set of locks, and splitting them across classes would widen
 * the seams that the loss-is-never-silent guarantee depends on. Codec, estimator, cursor and
 * payloads live in their own classes.
 */
public final class WireLink implements RobotLink {

    private static final Logger LOG = LoggerFactory.getLogger(WireLink.class);

    /** Opens the transport when the link connects. */
    @FunctionalInterface
    public interface Opener {
        Transport open() throws IOException;
    }

    private final LinkUri uri;
    private final Opener opener;
    private final LinkOptions options;
    private final ClockOffsetEstimator estimator;
    private final Object writeLock = new Object();
    private final Map<Long, CompletableFuture<Frame>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Frame> hello = new CompletableFuture<>();
    private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();
    private final LiveCursors cursors;
    private final Receiver receiver = new Receiver();
    private final Object stateLock = new Object();
    private final AtomicBoolean connectCalled = new AtomicBoolean();
    private long txSeq;
    private volatile @Nullable Transport transport;
    private volatile @Nullable LinkException failure;
    private volatile boolean closed;
    private volatile long lastSeq = -1;
    private volatile long lastFrameNs;
    /** Whether the clock sync of {@link #connect()} is complete: telemetry is held until then. */
    private volatile boolean synced;
    private @Nullable Thread reader;
    private @Nullable ScheduledExecutorService pinger;

    public WireLink(LinkUri uri, Opener opener, LinkOptions options) {
        this.uri = Objects.requireNonNull(uri, "uri must not be null");
        this.opener = Objects.requireNonNull(opener, "opener must not be null");
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.cursors = new LiveCursors(options.queueCapacity(), () -> failure, () -> closed);
        this.estimator = new ClockOffsetEstimator(options.clockDriftPpm());
    }

    @Override
    public String describe() {
        return uri.toString();
    }

    @Override
    public LinkOptions options() {
        return options;
    }

    @Override
    public Capabilities connect() {
        if (!connectCalled.compareAndSet(false, true) || closed) {
            throw new IllegalStateException("%s: connect() may be called once; open a new link to reconnect".formatted(uri));
        }
        lastFrameNs = now();
        Transport t;
        try {
            t = opener.open();
        } catch (IOException | RuntimeException e) {
            closed = true;
            throw LinkRefusedException.cannotOpen(position(), String.valueOf(e.getMessage()), e);
        }
        transport = t;
        lastFrameNs = now();
        reader = new Thread(this::receive, "hcert-link-reader " + uri);
        reader.setDaemon(true);
        reader.start();
        try {
            Capabilities caps = hello();
            syncClock();
            synced = true;
            startPinger();
            LOG.info("connected to {}: {}", uri, caps);
            return caps;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Capabilities hello() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("protocol", FrameCodec.VERSION).put("client", "hcert");
        uri.param("token").ifPresent(token -> body.put("token", token));
        write(FrameType.HELLO, body, null);
        Frame answer = await(hello, options.helloTimeout(), "hello");
        if (answer.type() == FrameType.NACK) {
            LinkRefusedException e = LinkRefusedException.refused(position(), answer.get("reason").asText("no reason given"));
            fail(e);
            throw e;
        }
        return Payloads.capabilities(answer);
    }

    private void startPinger() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "hcert-link-ping " + uri);
            th.setDaemon(true);
            return th;
        });
        long every = options.pingInterval().toNanos();
        @SuppressWarnings("FutureReturnValueIgnored") // cancelled by shutting the executor down on close or failure
        var unused = s.scheduleAtFixedRate(this::ping, every, every, TimeUnit.NANOSECONDS);
        pinger = s;
    }

    private void ping() {
        if (failure == null && !closed) {
            try {
                write(FrameType.PING, JsonNodeFactory.instance.objectNode(), null);
            } catch (LinkException e) {
                // fail() has recorded it and told the listeners.
            }
        }
    }

    @Override
    public CommandReply send(Command command, Duration timeout) {
        Objects.requireNonNull(command, "command must not be null");
        checkUsable();
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        long seq = write(FrameType.COMMAND, command.toBody(), answer);
        tell(l -> l.onCommand(seq, command, now()));
        LOG.info("command {} (seq {}) sent to {}", command.name(), seq, uri);
        Frame f = await(answer, timeout, "command %s (seq %d)".formatted(command.name(), seq));
        CommandReply reply = f.type() == FrameType.ACK ? CommandReply.ack(seq, f.timeNs())
                : CommandReply.nack(seq, f.get("reason").asText("no reason given"), f.timeNs());
        tell(l -> l.onReply(reply, now()));
        LOG.info("command {} (seq {}): {}", command.name(), seq, reply);
        return reply;
    }

    @Override
    public boolean stopNow(String reason) {
        Transport t = transport;
        if (t == null || closed) {
            return false;
        }
        Command stop = new Command.SoftwareStop(reason);
        long seq;
        long sentNs;
        try {
            synchronized (writeLock) {
                seq = nextSeq();
                sentNs = now();
                t.write(FrameCodec.encode(new Frame(FrameType.COMMAND, seq, sentNs, stop.toBody())));
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        // recorded like every command: the session shows the stop the harness sent (at the end, on an abort, on a loss)
        for (LinkListener l : listeners) {
            try {
                l.onCommand(seq, stop, sentNs);
            } catch (RuntimeException e) {
                // the stop is sent; a listener's failure must not undo it
            }
        }
        return true;
    }

    @Override
    public MessageCursor telemetry() {
        checkUsable();
        return cursors.open();
    }

    @Override
    public ClockOffset syncClock() {
        checkUsable();
        long startNs = System.nanoTime();
        int exchanges = 0;
        // at least syncExchanges; then on, for up to SYNC_PATIENCE, while the best bound is wider than
        // SYNC_TARGET: an offset taken on a loaded harness is corrected later, and each correction
        // shows as a step in every mapped time (a false "data age" of the whole correction)
        while (exchanges < options.syncExchanges() || (System.nanoTime() - startNs < SYNC_PATIENCE.toNanos()
                && estimator.estimate().map(o -> o.uncertaintyNs() > SYNC_TARGET.toNanos()).orElse(true))) {
            CompletableFuture<Frame> pong = new CompletableFuture<>();
            long seq = write(FrameType.PING, JsonNodeFactory.instance.objectNode(), pong);
            await(pong, options.answerTimeout(), "ping (seq %d)".formatted(seq));
            exchanges++;
        }
        ClockOffset best = estimator.estimate().orElseThrow(() -> {
            LinkLostException e = LinkLostException.protocol(position(), "no pong had causal times (t1 <= t4 and t2 <= t3)");
            fail(e);
            return e;
        });
        if (best.uncertaintyNs() > SYNC_TARGET.toNanos()) {
            LOG.warn("{}: the robot's clock offset is known only to ±{} after {} exchanges in {} (the link or the harness is slow);"
                    + " mapped times may step when a faster exchange corrects it", uri, "%.3f ms".formatted(best.uncertaintyNs() / 1e6), exchanges,
                    "%d ms".formatted((System.nanoTime() - startNs) / 1_000_000));
        }
        return best;
    }

    /** The clock offset's bound that a sync tries to reach: 1 ms. */
    private static final Duration SYNC_TARGET = Duration.ofMillis(1);
    /** How long a sync goes on exchanging to reach {@link #SYNC_TARGET}. */
    private static final Duration SYNC_PATIENCE = Duration.ofSeconds(2);

    @Override
    public Optional<ClockOffset> clockOffset() {
        return estimator.estimate();
    }

    @Override
    public void addListener(LinkListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    @Override
    public void removeListener(LinkListener listener) {
        listeners.remove(listener);
    }

    @Override
    public Optional<LinkException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        Transport t;
        synchronized (stateLock) {
            if (closed && transport == null) {
                return;
            }
            closed = true;
            t = transport;
            transport = null;
        }
        if (pinger != null) {
            pinger.shutdownNow();
        }
        if (t != null) {
            try {
                synchronized (writeLock) {
                    t.write(FrameCodec.encode(new Frame(FrameType.BYE, nextSeq(), now(),
                            JsonNodeFactory.instance.objectNode().put("reason", "harness closed the link"))));
                }
            } catch (IOException | RuntimeException e) {
                // Best effort: the robot's own timeout stops it.
            }
            t.close();
        }
        Thread r = reader;
        if (r != null && r != Thread.currentThread()) {
            try {
                r.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        IllegalStateException gone = new IllegalStateException("%s: the link was closed".formatted(uri));
        pending.values().forEach(f -> f.completeExceptionally(gone));
        hello.completeExceptionally(gone);
    }

    /** Where the link stands now. */
    LinkPosition position() {
        return new LinkPosition(uri.toString(), lastSeq, lastFrameNs);
    }

    private long now() {
        return options.clock().nowNs();
    }

    private long nextSeq() {
        long s = txSeq;
        txSeq = (txSeq + 1) & Frame.MAX_SEQ;
        return s;
    }

    private void checkUsable() {
        LinkException e = failure;
        if (e != null) {
            throw e;
        }
        if (closed) {
            throw new IllegalStateException("%s: the link is closed".formatted(uri));
        }
        if (transport == null) {
            throw new IllegalStateException("%s: not connected; call connect() first".formatted(uri));
        }
    }

    private long write(FrameType type, ObjectNode body, @Nullable CompletableFuture<Frame> answer) {
        Transport t = transport;
        if (t == null) {
            throw new IllegalStateException("%s: the link is closed".formatted(uri));
        }
        synchronized (writeLock) {
            long seq = nextSeq();
            if (answer != null) {
                pending.put(seq, answer);
            }
            try {
                t.write(FrameCodec.encode(new Frame(type, seq, now(), body)));
            } catch (IOException e) {
                pending.remove(seq);
                LinkLostException lost = LinkLostException.disconnected(position(), "cannot write to %s: %s".formatted(t.describe(), e.getMessage()), e);
                fail(lost);
                throw lost;
            }
            return seq;
        }
    }

    private Frame await(CompletableFuture<Frame> answer, Duration timeout, String what) {
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LinkException f = failure;
            if (f != null) {
                throw f;
            }
            LinkTimeoutException t = what.equals("hello") ? LinkTimeoutException.noAnswer(position(), what, timeout, receiver.heard())
                    : LinkTimeoutException.noAnswer(position(), what, timeout);
            fail(t);
            throw t;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LinkLostException lost = LinkLostException.disconnected(position(), "interrupted while waiting for an answer to " + what, e);
            fail(lost);
            throw lost;
        }
    }

    /** Record the first failure, release every waiter and tell the listeners. */
    private void fail(LinkException e) {
        synchronized (stateLock) {
            if (failure != null || closed) {
                return;
            }
            failure = e;
        }
        LOG.warn("link {} lost: {}", uri, e.getMessage());
        if (pinger != null) {
            pinger.shutdownNow();
        }
        pending.values().forEach(f -> f.completeExceptionally(e));
        hello.completeExceptionally(e);
        for (LinkListener l : listeners) {
            try {
                l.onLost(e);
            } catch (RuntimeException ignored) {
                // The link has failed already; a listener's own failure adds nothing.
            }
        }
    }

    private void tell(Consumer<LinkListener> event) {
        for (LinkListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                fail(LinkLostException.consumerFailed(position(), "listener " + l, e));
            }
        }
    }

    private void receive() {
        Transport t = transport;
        byte[] buf = new byte[8192];
        FrameAssembler assembler = new FrameAssembler(receiver);
        long timeoutNs = options.linkTimeout().toNanos();
        while (t != null && !closed && failure == null) {
            int n;
            try {
                n = t.read(buf);
            } catch (IOException e) {
                if (!closed) {
                    fail(LinkLostException.disconnected(position(), "cannot read from %s: %s".formatted(t.describe(), e.getMessage()), e));
                }
                return;
            }
            long readNs = now();
            if (n < 0) {
                if (!closed) {
                    fail(LinkLostException.disconnected(position(), "the robot closed the connection", null));
                }
                return;
            }
            receiver.readNs = readNs;
            receiver.bytes.addAndGet(n);
            assembler.feed(buf, 0, n);
            if (receiver.session && failure == null && !closed && readNs - lastFrameNs > timeoutNs) {
                fail(LinkTimeoutException.stalled(position(), readNs - lastFrameNs, options.linkTimeout()));
            }
        }
    }

    /** Sequence checks and dispatch, on the receiving thread only. */
    private final class Receiver implements FrameAssembler.Sink {

        long readNs;
        volatile boolean session;
        private long expected;
        private int corruptRun;
        private volatile String lastCorrupt = "";
        private final List<Frame> beforeSync = new ArrayList<>();

        /** What came before the session began, for a hello that is never answered: bytes, corrupt and stray frames. */
        final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong corruptTotal = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong strayFrames = new java.util.concurrent.atomic.AtomicLong();

        /** What the robot sent while the harness waited for its answer to the hello, in words. */
        String heard() {
            if (bytes.get() == 0) {
                return "the robot sent nothing";
            }
            long corrupt = corruptTotal.get();
            return "the robot sent %d byte(s): %d corrupt frame(s)%s and %d valid frame(s) that were no answer to the hello"
                    .formatted(bytes.get(), corrupt, corrupt == 0 ? "" : " (the last: " + lastCorrupt + ")", strayFrames.get());
        }

        @Override
        public void corrupt(WireFormatException problem) {
            corruptTotal.incrementAndGet();
            corruptRun++;
            lastCorrupt = problem.getMessage();
            if (session && corruptRun >= options.corruptBurst()) {
                fail(LinkLostException.corrupt(position(), corruptRun, lastCorrupt));
            }
        }

        @Override
        public void frame(Frame f) {
            if (failure != null || closed) {
                return;
            }
            if (!session) {
                if (f.seq() != 0 || (f.type() != FrameType.CAPABILITIES && f.type() != FrameType.NACK)) {
                    strayFrames.incrementAndGet();
                    return; // left over from an earlier session, e.g. in a serial buffer
                }
                session = true;
            } else if (f.seq() != expected) {
                String after = corruptRun == 0 ? "" : " after %d corrupt frame%s: %s".formatted(corruptRun,
                        corruptRun == 1 ? "" : "s", lastCorrupt);
                long ahead = (f.seq() - expected) & Frame.MAX_SEQ;
                fail(ahead < (1L << 31) ? LinkLostException.gap(position(), expected, f.seq(), after)
                        : LinkLostException.outOfOrder(position(), expected, f.seq()));
                return;
            }
            corruptRun = 0;
            expected = (f.seq() + 1) & Frame.MAX_SEQ;
            lastSeq = f.seq();
            lastFrameNs = readNs;
            dispatch(f);
        }

        private void dispatch(Frame f) {
            switch (f.type()) {
                case CAPABILITIES -> hello.complete(f);
                case ACK, NACK -> answer(f);
                case TELEMETRY -> telemetry(f);
                case PONG -> pong(f);
                case BYE -> fail(LinkLostException.bye(position(), f.get("reason").asText("")));
                default -> fail(LinkLostException.protocol(position(), "a %s frame (seq %d) may not come from the robot"
                        .formatted(f.type(), f.seq())));
            }
        }

        private void answer(Frame f) {
            JsonNode ack = f.get("ack");
            if (!ack.canConvertToLong()) {
                fail(LinkLostException.protocol(position(), "%s frame (seq %d) without an integer \"ack\" field".formatted(f.type(), f.seq())));
                return;
            }
            if (ack.asLong() == 0 && !hello.isDone()) {
                hello.complete(f);
                return;
            }
            CompletableFuture<Frame> waiting = pending.remove(ack.asLong());
            if (waiting != null) {
                waiting.complete(f);
            }
        }

        private void pong(Frame f) {
            Optional<ClockOffset> sample = Optional.empty();
            if (f.get("t1").canConvertToLong() && f.get("t2").canConvertToLong()) {
                sample = estimator.add(f.get("t1").asLong(), f.get("t2").asLong(), f.timeNs(), readNs);
            }
            Optional<ClockOffset> estimate = estimator.estimate();
            if (sample.isPresent() && estimate.isPresent()) {
                tell(l -> l.onClockOffset(estimate.get()));
                if (synced) {
                    deliverHeld(estimate.get());
                }
            }
            CompletableFuture<Frame> waiting = pending.remove(f.get("ping").asLong(-1));
            if (waiting != null) {
                waiting.complete(f);
            }
        }

        /**
         * Telemetry is held until the clock sync of {@link #connect()} is complete, then delivered
         * in order with its estimate: mapped with the first exchanges' (a cold or loaded harness
         * answers them slowly, each only a few ms within its bound), the session's first seconds
         * would sit several ms off the rest, a false "data age" of that correction (LC-SENS-01).
         */
        private void telemetry(Frame f) {
            Optional<ClockOffset> estimate = estimator.estimate();
            if (synced && estimate.isPresent()) {
                deliverHeld(estimate.get());
                deliver(f, estimate.get());
            } else if (beforeSync.size() < options.queueCapacity()) {
                beforeSync.add(f);
            } else {
                fail(LinkLostException.protocol(position(), "%d telemetry frames arrived before the clock sync at connect completed"
                        .formatted(beforeSync.size())));
            }
        }

        private void deliverHeld(ClockOffset estimate) {
            if (!beforeSync.isEmpty()) {
                for (Frame held : beforeSync) {
                    deliver(held, estimate);
                }
                beforeSync.clear();
            }
        }

        private void deliver(Frame f, ClockOffset offset) {
            Message m;
            try {
                m = Payloads.message(f, offset.toHarnessNs(f.timeNs()), uri + "#" + f.seq());
            } catch (IllegalArgumentException e) {
                fail(LinkLostException.protocol(position(), java.util.Objects.requireNonNullElse(e.getMessage(), "malformed telemetry")));
                return;
            }
            ReceivedTelemetry received = new ReceivedTelemetry(m, f.seq(), f.timeNs(), readNs);
            tell(l -> l.onTelemetry(received));
            cursors.deliver(m, position());
        }
    }
}
