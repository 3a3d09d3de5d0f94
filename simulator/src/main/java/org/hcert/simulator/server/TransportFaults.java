package org.hcert.simulator.server;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.hcert.adapters.robotside.RobotSession;
import org.hcert.simulator.OutboundMessage;
import org.hcert.simulator.VirtualHumanoid;
import org.hcert.telemetry.Message;

/**
 * The faults a server applies to the link rather than the model: frames dropped (their sequence
 * numbers used up), damaged, a stall, a jump of the robot's clock. They begin at the harness's first
 * command of each session, so that the harness has connected and estimated the clock first; a
 * machine's load cannot move that instant.
 */
final class TransportFaults {

    private final FaultPlan plan;
    private final VirtualHumanoid robot;
    private final Random drops;
    private final Consumer<String> say;
    private final java.util.function.LongConsumer clockJump;
    private boolean armed;
    private long stallUntilNanos;
    private boolean stallDone;
    private boolean jumped;

    /**
     * @param clockJump receives the robot clock's offset from the model's time once it jumps, ns
     */
    TransportFaults(FaultPlan plan, VirtualHumanoid robot, long seed, long epochNs, Consumer<String> say,
            java.util.function.LongConsumer clockJump) {
        this.plan = plan;
        this.robot = robot;
        this.drops = new Random(seed ^ 0x7365_7276L);
        this.epochNs = epochNs;
        this.say = say;
        this.clockJump = clockJump;
    }

    private final long epochNs;

    /** A session opened: the faults wait for its first command. */
    synchronized void sessionOpened() {
        armed = false;
        stallDone = false;
        stallUntilNanos = 0;
    }

    /** The harness's command has been answered: the faults begin, if they have not. */
    synchronized void commandReceived() {
        if (!armed && !plan.isEmpty()) {
            say.accept("transport faults begin at the harness's first command");
        }
        armed = true;
    }

    /** Publish {@code out} over {@code s}, dropping, damaging or holding it back as the faults say. */
    void publish(RobotSession s, List<OutboundMessage> out) {
        boolean faulty;
        synchronized (this) {
            faulty = armed;
            if (faulty) {
                stallAndJump(s);
            }
        }
        for (OutboundMessage o : out) {
            Message m = o.message();
            if (faulty && plan.dropProbability() > 0 && drops.nextDouble() < plan.dropProbability()) {
                s.skipSequenceNumbers(1);
            } else if (faulty && plan.corrupt() && o.corrupt()) {
                s.publishDamaged(m.logTimeNs(), m.topic(), m.type(), m.body());
            } else {
                s.publish(m.logTimeNs(), m.topic(), m.type(), m.body());
            }
        }
    }

    private void stallAndJump(RobotSession s) {
        long now = System.nanoTime();
        if (plan.stallNs() > 0 && !stallDone) {
            if (stallUntilNanos == 0) {
                stallUntilNanos = now + plan.stallNs();
                s.silence(true);
                say.accept("stalled-link: sending nothing for %d ms".formatted(plan.stallNs() / 1_000_000L));
            } else if (now >= stallUntilNanos) {
                s.silence(false);
                stallDone = true;
                say.accept("stalled-link: sending again");
            }
        }
        if (!plan.clockJumpSpec().isEmpty() && !jumped) {
            jumped = true;
            long jumpNs;
            synchronized (robot) {
                robot.faults().activate(plan.clockJumpSpec());
                jumpNs = robot.robotClockNs() - epochNs - robot.simTimeNs();
            }
            clockJump.accept(jumpNs);
            say.accept("clock-jump: the robot clock jumped by %d ms".formatted(jumpNs / 1_000_000L));
        }
    }
}
