@pillar:safety-and-ethics
Feature: Protective stop
  When an external input (a scanner, an interlock) asserts the protective
  stop, the robot reaches standstill within its declared protective stopping
  time.
  Source: ISO 10218-1:2025 5.4.
  Evidence: C for the existence of the function; the stopping time is the
  robot's declared value (D); the standstill tolerances are hcert's proposal
  (I). Not checked: the standstill monitoring after a category 2 stop
  (drift < 1 mm / 0.5° over 10 s, I).

  @SE-PSTOP-01
  Scenario: Standstill within the declared protective stopping time
    Given the robot is walking
    When the protective stop is asserted
    Then all joints and the base reach standstill within the limit "stopTime"
