@pillar:safety-and-ethics
Feature: Normal stop
  A normal stop brings the robot to a complete standstill without raising a
  fault, and the stop is logged as a safety function.
  Sources: ISO 10218-1:2025 5.4; MR 2023/1230 §1.2.4.1.
  Evidence: C for the rule; the stopping time is the robot's declared value
  (D); the standstill tolerances are hcert's proposal (I). hcert finds the
  stop by its log entry (a stop_requested event): a stop that is not logged is
  never found, and the clause stays INCONCLUSIVE. The stop is tested from
  walking; other task states are not.

  @SE-NSTOP-01
  Scenario: Standstill within the declared normal stopping time, no fault raised
    Given the robot is walking
    When a normal stop is asserted
    Then all joints and the base reach standstill within the limit "stopTime"
    And no fault is raised during the stop, within the limit "faultEvents"
