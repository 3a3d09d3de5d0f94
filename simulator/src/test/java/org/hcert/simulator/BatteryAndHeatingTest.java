package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BatteryAndHeatingTest {

    @Test
    void walkingDrawsMoreCurrentSagsTheVoltageAndDrainsCharge() {
        SimRun standing = SimRun.hc1().run(2.0);
        SimRun walking = SimRun.hc1().send(new Command.Walk(0.5, 0, 0)).run(2.0);
        TrueState.BatteryTruth idle = standing.truth().battery();
        TrueState.BatteryTruth busy = walking.truth().battery();

        assertThat(idle.currentA()).isGreaterThan((Battery.IDLE_W + Battery.HOLD_W) / 53);
        assertThat(busy.stateOfCharge()).isLessThan(idle.stateOfCharge()).isLessThan(0.82);
        assertThat(idle.voltageV()).isLessThan(Battery.EMPTY_V + Battery.SPAN_V * idle.stateOfCharge());
    }

    @Test
    void theBatteryCurrentSolvesThePowerBalance() {
        Battery b = new Battery(0.5);
        b.draw(500, 0.001);

        // The voltage is read after the step's charge was drawn, hence the small tolerance (W).
        assertThat(b.voltageV() * b.currentA()).isCloseTo(500, within(1e-3));
    }

    @Test
    void aFaultHeatsUpToItsCeilingAndNeverCools() {
        Thermal t = new Thermal();
        for (int i = 0; i < 10_000; i++) {
            t.heat(0.001, 25, Thermal.OVERHEAT_CEILING_C);
        }
        assertThat(t.temperatureC()).isEqualTo(Thermal.OVERHEAT_CEILING_C);
        Battery b = new Battery(0.5);
        b.heat(10, 15);
        assertThat(b.temperatureC()).isEqualTo(Battery.OVERHEAT_CEILING_C);
    }

    @Test
    void anActuatorWarmsTowardsAmbientPlusLossTimesResistance() {
        Thermal t = new Thermal();
        for (int i = 0; i < 3_000_000; i++) {
            t.step(0.001, 100, 200);
        }
        double steady = Thermal.AMBIENT_C + Thermal.lossW(100, 200) * Thermal.RESISTANCE_K_W;

        assertThat(t.temperatureC()).isCloseTo(steady, within(0.01));
    }
}
