package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.simulator.Command;
import org.hcert.simulator.Side;
import org.hcert.simulator.TrueState;
import org.hcert.simulator.recording.Scenario;
import org.hcert.telemetry.Vector3;
import org.junit.jupiter.api.Test;

/**
 * The kinematic chains of {@code hc1-demo.yaml} are HC-1's: hcert's forward kinematics of the joint
 * states HC-1 publishes (with their sensor noise) puts each hand where the simulator's arm model has it,
 * and J·q̇ gives the speed the simulator reports (its hand moved over the last 1 ms step).
 *
 * <p>Tolerances: position 2 mm (joint position noise is clipped at 4e-4 rad per joint, over levers of
 * at most 0.8 m: 4 × 0.32 mm); speed 8 mm/s (velocity noise clipped at 2e-3 rad/s per joint gives at
 * most 6.4 mm/s over four joints; the simulator's speed is a backward difference over 1 ms, behind
 * the instant by half a step, about a·0.5 ms ≤ 1.5 mm/s at the hand's accelerations here).
 */
class Hc1KinematicsTest {

    private static final List<KinematicFrame> HANDS = ProfileLoader.loadRobot(Path.of("../profiles/robots/hc1-demo.yaml"))
            .kinematics().stream().filter(KinematicFrame::handOrTool).toList();

    @Test
    void forwardKinematicsOfHc1sJointStatesAgreesWithItsTrueHands() {
        Scenario moves = Scenario.until(3_000)
                .at(100, new Command.MoveJoint("torso_yaw", 0.4, 1.0))
                .at(200, new Command.MoveHand(Side.LEFT, 0.3, -0.3, 0.6))
                .at(300, new Command.MoveHand(Side.RIGHT, 0.2, 0.1, 0.8))
                .at(1_500, new Command.MoveJoint("left_shoulder_roll", 0.5, 1.0))
                .at(1_800, new Command.MoveHand(Side.RIGHT, 0.35, -0.4, 1.0));
        TrueState[] truth = new TrueState[1];
        double[] worst = new double[2];
        int[] compared = new int[1];
        moves.run(m -> {
            if (!m.topic().equals("/joint_states")) {
                return;
            }
            TrueState t = truth[0];
            assertThat(m.logTimeNs()).isEqualTo(t.robotClockNs());
            Map<String, double[]> joints = joints(m.body());
            for (KinematicFrame f : HANDS) {
                ForwardKinematics.State s = ForwardKinematics.of(f, new ForwardKinematics.Joints() {
                    @Override
                    public double positionRad(String joint) {
                        return joints.get(joint)[0];
                    }

                    @Override
                    public double velocityRadS(String joint) {
                        return joints.get(joint)[1];
                    }
                });
                TrueState.Hand hand = t.hand(f.name().startsWith("left") ? Side.LEFT : Side.RIGHT);
                worst[0] = Math.max(worst[0], distance(s.positionM(), hand.positionM()));
                worst[1] = Math.max(worst[1], Math.abs(s.velocityMps().norm() - hand.speedMs()));
            }
            compared[0]++;
        }, robot -> truth[0] = robot.truth());
        assertThat(HANDS).extracting(KinematicFrame::name).containsExactly("left_hand", "right_hand");
        assertThat(compared[0]).isEqualTo(600);
        assertThat(worst[0]).as("largest position difference, m").isLessThan(0.002);
        assertThat(worst[1]).as("largest speed difference, m/s").isLessThan(0.008);
    }

    private static Map<String, double[]> joints(JsonNode body) {
        Map<String, double[]> out = new HashMap<>();
        for (int i = 0; i < body.get("name").size(); i++) {
            out.put(body.get("name").get(i).asText(),
                    new double[] {body.get("position").get(i).asDouble(), body.get("velocity").get(i).asDouble()});
        }
        return out;
    }

    private static double distance(Vector3 a, Vector3 b) {
        return Math.sqrt((a.x() - b.x()) * (a.x() - b.x()) + (a.y() - b.y()) * (a.y() - b.y()) + (a.z() - b.z()) * (a.z() - b.z()));
    }
}
