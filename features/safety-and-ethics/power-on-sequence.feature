@pillar:safety-and-ethics
Feature: Power-on sequence
  When drive power comes back (power_restored), the robot runs its self-test:
  drive enable (drive_enabled) comes only after a passed self-test
  (self_test_passed) in the same power cycle, never after a failed one
  (self_test_failed, the error it shows). A power cycle ends at the next
  power_lost.
  Sources: GB/T 41393-2022 (start-up self-test and error report); ISO 13482 5.4.
  Evidence: C (the item exists). Both parts must be shown: a power cycle whose
  self-test passes and that enables the drives, and one whose self-test fails.
  Motion is judged by drive enable only.

  @SE-FS-03
  Scenario: Drive enable only after a passed self-test, never after a failed one
    Given the robot is standing
    When the robot goes through the sequence that power_restored opens
    Then no event comes that the sequence does not permit, within the limit "unpermittedEvents"
