@pillar:safety-and-ethics
Feature: Emergency stop
  After the emergency-stop input asserts, the robot reaches standstill within
  its declared stopping time, and drive power is removed at the end of the
  stop (stop category 0 or 1).
  Sources: IEC 60204-1 §9.2.2, ISO 13850; ISO 10218-1:2025 5.4.
  Evidence: C for the category rule; the stopping time is the robot's
  declared value (D); the standstill tolerances are hcert's proposal (I).

  @SE-ESTOP-01
  Scenario: Standstill within the declared stopping time, drive power removed
    Given the robot is walking
    When the emergency stop is asserted
    Then all joints and the base reach standstill within the limit "stopTime"
    And drive power is removed by the end of the stop, within the limit "driveEnabledAtEnd"
