@pillar:safety-and-ethics
Feature: Stop on a fault of the safety control system
  A fault injected into the safety control system (an encoder dropout, a
  dual-channel mismatch) is logged as a fault event and leads to a stop of
  category 0 or 1: standstill, and drive power removed at the end.
  Source: ISO 10218-1:2025 5.3 (C2, a secondary source). The stopping time is
  the robot's declared value (D). hcert finds the fault by its fault event: a
  fault that is not logged is never found, and the clause stays INCONCLUSIVE;
  hcert cannot tell a fault of the safety control system from another fault
  by its event kind.

  @SE-STOP-07
  Scenario: A safety fault stops the robot with category 0 or 1
    Given the robot is walking
    When a safety fault occurs
    Then all joints and the base reach standstill within the limit "stopTime"
    And drive power is removed by the end of the stop, within the limit "driveEnabledAtEnd"
