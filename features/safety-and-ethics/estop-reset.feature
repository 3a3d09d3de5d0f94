@pillar:safety-and-ethics
Feature: Emergency stop reset
  Resetting the emergency stop must not restart the robot: motion may resume
  only after a separate, deliberate start command.
  Sources: ISO 13850; IEC 60204-1.
  Evidence: C for the rule; the noise-level speed tolerances and the
  observation windows are hcert's proposal (I).

  @SE-ESTOP-02
  Scenario: No motion between the reset and an explicit start
    Given the robot is walking
    When the emergency stop is pressed, released and reset without a start command
    Then no joint moves until a start command, within the limit "jointSpeedAfterReset"
    And the base does not move until a start command, within the limit "baseSpeedAfterReset"
    And the base does not turn until a start command, within the limit "baseTurnRateAfterReset"
