@pillar:safety-and-ethics
Feature: Emergency stop latch
  After the e-stop actuator is released (estop_released), the stop state
  remains until a deliberate reset (estop_reset): every safety state in
  between shows the e-stop asserted, and drive power is not enabled again.
  Source: ISO 10218-1:2025 5.4.
  Evidence: C. hcert reads the safety state's estop flag as the robot's e-stop
  state, as SE-ESTOP-02 does (its fall counts as the reset there). Motion
  between the release and the reset is not judged here.

  @SE-ESTOP-03
  Scenario: The stop state holds from the release to the reset
    Given the robot is walking
    When the robot goes through the sequence that estop_released opens
    Then the safety state holds throughout the sequence, within the limit "stateLapses"
    And no event comes that the sequence does not permit, within the limit "unpermittedEvents"
