package org.hcert.simulator;

/**
 * One joint's true state: position (rad), velocity (rad/s), drive torque (N·m, 0 with power off)
 * and actuator temperature (°C).
 */
public record JointTruth(String name, double positionRad, double velocityRadS, double torqueNm,
        double temperatureDegC) {}
