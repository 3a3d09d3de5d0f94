@pillar:safety-and-ethics
Feature: No restart when drive power comes back
  When drive power is interrupted and comes back, the robot does not move by
  itself: motion waits for an explicit start command.
  Sources: ISO 3691-4 4.1.14; IEC 60204-1 (approx.).
  Evidence: C for the rule; the noise-level speed tolerances and the
  observation windows are hcert's proposal (I).

  @SE-STOP-08
  Scenario: No motion between the power restore and an explicit start
    Given the robot is standing
    When drive power is cut and restored without a start command
    Then no joint moves until a start command, within the limit "jointSpeedAfterReset"
    And the base does not move until a start command, within the limit "baseSpeedAfterReset"
    And the base does not turn until a start command, within the limit "baseTurnRateAfterReset"
