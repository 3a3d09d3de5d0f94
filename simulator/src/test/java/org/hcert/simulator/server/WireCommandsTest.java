package org.hcert.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hcert.adapters.Command;
import org.hcert.simulator.BodyRegion;
import org.hcert.simulator.OperatingMode;
import org.hcert.simulator.SafetyFaultKind;
import org.hcert.simulator.Side;
import org.junit.jupiter.api.Test;

class WireCommandsTest {

    @Test
    void translatesEachWireCommandIntoTheModels() {
        assertThat(WireCommands.toModel(new Command.EmergencyStop(true))).containsExactly(new org.hcert.simulator.Command.EmergencyStop());
        assertThat(WireCommands.toModel(new Command.EmergencyStop(false)))
                .containsExactly(new org.hcert.simulator.Command.ReleaseEmergencyStop());
        assertThat(WireCommands.toModel(new Command.DrivePower(false))).containsExactly(new org.hcert.simulator.Command.DrivePower(false));
        assertThat(WireCommands.toModel(new Command.DrivePower(true))).containsExactly(new org.hcert.simulator.Command.DrivePower(true));
        assertThat(WireCommands.toModel(new Command.SafetyFault("dual_channel_mismatch", true))).containsExactly(
                new org.hcert.simulator.Command.SafetyFault(SafetyFaultKind.DUAL_CHANNEL_MISMATCH, true));
        assertThat(WireCommands.toModel(new Command.ProtectiveStop(true))).containsExactly(new org.hcert.simulator.Command.ProtectiveStop(true));
        assertThat(WireCommands.toModel(new Command.Start())).containsExactly(new org.hcert.simulator.Command.Start());
        assertThat(WireCommands.toModel(new Command.SoftwareStop("x"))).containsExactly(new org.hcert.simulator.Command.Stop());
        assertThat(WireCommands.toModel(new Command.SetMode("manual_reduced")))
                .containsExactly(new org.hcert.simulator.Command.SetMode(OperatingMode.MANUAL_REDUCED));
        assertThat(WireCommands.toModel(new Command.MoveHand("left", 0.3, 0.2, 0.45, 0.1, 0)))
                .containsExactly(new org.hcert.simulator.Command.MoveHand(Side.LEFT, 0.3, 0.0, 0.1));
        assertThat(WireCommands.toModel(new Command.PlaceDummy("right", "chest", 0.4)))
                .containsExactly(new org.hcert.simulator.Command.PlaceDummy(Side.RIGHT, BodyRegion.CHEST, 0.4));
        assertThat(WireCommands.toModel(new Command.RemoveDummy(""))).containsExactly(
                new org.hcert.simulator.Command.RemoveDummy(Side.LEFT), new org.hcert.simulator.Command.RemoveDummy(Side.RIGHT));
    }

    @Test
    void namesTheValidSafetyFaultsForAnUnknownOne() {
        assertThatThrownBy(() -> WireCommands.toModel(new Command.SafetyFault("brownout", true)))
                .hasMessage("unknown safety fault \"brownout\"; expected one of encoder_dropout, dual_channel_mismatch");
    }

    @Test
    void namesTheValidBodyRegionsForAnUnknownOne() {
        assertThatThrownBy(() -> WireCommands.toModel(new Command.PlaceDummy("left", "forearm", 0.4))).hasMessage("""
                unknown body region "forearm"; expected one of skull_forehead, face, neck, back_shoulders, chest, abdomen, \
                pelvis, upper_arms_elbows, lower_arms_wrists, hands_fingers, thighs_knees, lower_legs""");
    }
}
