package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcert.conformance.family.FamilyFixture.joints;
import static org.hcert.conformance.family.FamilyFixture.odom;
import static org.hcert.conformance.family.FamilyFixture.positions;
import static org.hcert.conformance.family.ProvenanceFixture.LOADED;
import static org.hcert.conformance.family.ProvenanceFixture.RECORD;
import static org.hcert.conformance.family.ProvenanceFixture.event;
import static org.hcert.conformance.family.ProvenanceFixture.gaps;

import java.util.ArrayList;
import java.util.List;
import org.hcert.telemetry.Sample;
import org.hcert.conformance.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** The provenance family's record check (AI-DATA-01): every record gives every key, names this robot, and comes before motion. */
class ProvenanceTest {

    private static final ProvenanceFixture DATA = ProvenanceFixture.record();

    /** The robot standing from 0 to 400 ms, then a joint moving at 0.5 rad/s from 500 ms. */
    private static List<Sample> moving(Sample... events) {
        List<Sample> out = new ArrayList<>(List.of(events));
        for (int t = 0; t <= 1000; t += 5) {
            out.add(joints(t, 0, t >= 500 ? 0.5 : 0.001));
        }
        return out;
    }

    @Test
    void aCompleteRecordOfThisRobotBeforeItMovesPasses() {
        ClauseEvidence e = DATA.evaluate(moving(event(0, "model_loaded", LOADED), event(0, "provenance", RECORD)));
        assertThat(e.problems()).isEmpty();
        assertThat(DATA.verdicts(e, "robotIdMismatch")).containsExactly(Verdict.PASS);
        assertThat(DATA.judged(e, "robotIdMismatch").get(0).detail()).isEqualTo("the provenance event at 2026-03-01T08:00:00Z on /events "
                + "gives robot_id R-0001; robot profile robot.yaml gives serial R-0001");
    }

    @Test
    void aRecordNamingAnotherRobotFails() {
        ClauseEvidence e = DATA.evaluate(moving(event(0, "provenance", RECORD.replace("R-0001", "R-0002"))));
        assertThat(DATA.verdicts(e, "robotIdMismatch")).containsExactly(Verdict.FAIL);
        assertThat(DATA.judged(e, "robotIdMismatch").get(0).detail()).contains("gives robot_id R-0002; robot profile robot.yaml gives serial R-0001");
    }

    @Test
    void eachKeyARecordLeavesOutIsNamed() {
        for (String key : Provenance.RECORD_KEYS) {
            String detail = RECORD.replaceAll("(^|; )" + key + "=[^;]*", "");
            ClauseEvidence e = DATA.evaluate(moving(event(0, "provenance", detail)));
            assertThat(DATA.verdicts(e, "robotIdMismatch")).as(key).containsExactly(Verdict.INCONCLUSIVE);
            assertThat(gaps(e, "robotIdMismatch")).as(key).containsExactly(
                    "the provenance event at 2026-03-01T08:00:00Z on /events does not give " + key);
        }
    }

    @Test
    void aKeyWithoutAValueOrGivenTwiceDifferentlyIsNotGuessedAt() {
        ClauseEvidence empty = DATA.evaluate(moving(event(0, "provenance", RECORD.replace("dataset_id=d-7", "dataset_id="))));
        assertThat(gaps(empty, "robotIdMismatch")).containsExactly("the provenance event at 2026-03-01T08:00:00Z on /events does not give dataset_id");
        ClauseEvidence twice = DATA.evaluate(moving(event(0, "provenance", RECORD + "; robot_id=R-0002; junk")));
        assertThat(DATA.verdicts(twice, "robotIdMismatch")).containsExactly(Verdict.INCONCLUSIVE);
        assertThat(gaps(twice, "robotIdMismatch")).containsExactly(
                "the provenance event at 2026-03-01T08:00:00Z on /events does not give robot_id",
                "the provenance event at 2026-03-01T08:00:00Z on /events: robot_id is given twice, as R-0001 and as R-0002",
                "the provenance event at 2026-03-01T08:00:00Z on /events: \"junk\" is not key=value");
    }

    @Test
    void withoutAnyRecordTheRunDoesNotSayWhereItCameFrom() {
        ClauseEvidence e = DATA.evaluate(moving(event(0, "model_loaded", LOADED)));
        assertThat(e.readings("robotIdMismatch")).isEmpty();
        assertThat(e.problems()).containsExactly("no provenance event on /events: the telemetry does not say which robot, model, dataset, "
                + "software and calibration produced it (hcert reads events of kind provenance whose detail gives robot_id, model_id, "
                + "model_version, dataset_id, software_versions, calibration_ids as key=value pairs)");
    }

    @Test
    void aRecordThatComesOnlyAfterTheRobotMovedLeavesThatMotionUnaccounted() {
        ClauseEvidence e = DATA.evaluate(moving(event(800, "provenance", RECORD)));
        assertThat(DATA.verdicts(e, "robotIdMismatch")).containsExactly(Verdict.INCONCLUSIVE);
        assertThat(gaps(e, "robotIdMismatch")).containsExactly("the robot moved at 2026-03-01T08:00:00.500Z (joint a at 0.5 rad/s), "
                + "before the first provenance record (the provenance event at 2026-03-01T08:00:00.800Z on /events): what produced that "
                + "motion is not reported");
        ClauseEvidence base = DATA.evaluate(List.of(odom(100, 0.3, 0.9), event(200, "provenance", RECORD)));
        assertThat(gaps(base, "robotIdMismatch").get(0)).contains("(the base at 0.3 m/s), before the first provenance record");
        ClauseEvidence before = DATA.evaluate(moving(event(499, "provenance", RECORD)));
        assertThat(DATA.verdicts(before, "robotIdMismatch")).containsExactly(Verdict.PASS);
    }

    @Test
    void withoutJointVelocitiesOrOdometryWhetherTheRobotMovedFirstIsNotKnown() {
        ClauseEvidence e = DATA.evaluate(List.of(event(0, "provenance", RECORD), positions(5, List.of("a", "b"), 0, 0)));
        assertThat(gaps(e, "robotIdMismatch")).containsExactly("whether the robot moved before the first provenance record is not known: "
                + "the telemetry has no joint velocities or odometry");
    }

    @Test
    void twoRecordsThatDisagreeWithNoModelLoadedBetweenAreNotJudged() {
        ClauseEvidence e = DATA.evaluate(moving(event(0, "provenance", RECORD),
                event(300, "provenance", RECORD.replace("R-0001", "R-0002"))));
        assertThat(DATA.verdicts(e, "robotIdMismatch")).containsExactly(Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE);
        assertThat(e.problems()).containsExactly("the provenance event at 2026-03-01T08:00:00Z on /events says robot_id=R-0001, the "
                + "provenance event at 2026-03-01T08:00:00.300Z on /events says robot_id=R-0002, with no model_loaded between: two "
                + "publishers on /events, or a robot that contradicts itself; hcert does not choose which report is the robot's");
    }

    @Test
    void aNewModelLoadedStartsANewStretchOfRecords() {
        String other = RECORD.replace("model_version=2.0", "model_version=2.1");
        ClauseEvidence e = DATA.evaluate(moving(event(0, "provenance", RECORD), event(600, "model_loaded", LOADED),
                event(600, "provenance", other)));
        assertThat(e.problems()).isEmpty();
        assertThat(DATA.verdicts(e, "robotIdMismatch")).containsExactly(Verdict.PASS, Verdict.PASS);
        ClauseEvidence same = DATA.evaluate(moving(event(0, "provenance", RECORD), event(600, "provenance", other)));
        assertThat(same.problems()).hasSize(1);
    }
}
