@pillar:safety-and-ethics
Feature: Reduced speed in manual mode
  While the robot is in manual reduced-speed mode, every hand and tool frame
  moves at 250 mm/s or less, and a command above the configured safe speed
  limit is limited (or the robot stops) before the speed passes the limit by
  more than the tolerance the robot declares; the robot logs that it acted.
  Frame speeds come from forward kinematics of the joint states and the robot
  profile's kinematic chains, with the base's motion added.
  Sources: ISO 10218-1:2025 5.5.3.
  Evidence: C for the 250 mm/s limit and the speed-limit function; the
  tolerance is the robot's declared value (D); the sampling tolerances are
  hcert's proposal (I).

  @SE-SPD-01
  Scenario: Every hand and tool frame stays at or below the reduced speed
    Given the robot is standing
    When a hand moves in manual reduced-speed mode
    Then every frame's Cartesian speed stays within the limit "frameSpeed"

  @SE-SPD-02
  Scenario: A command above the safe speed limit is limited and logged
    Given the robot is standing
    When a hand is commanded faster than the safe speed limit in manual reduced-speed mode
    Then no frame passes the safe speed limit by more than the limit "frameSpeedOverSafeLimit"
    And the robot logs that it limited the speed, within the limit "limitingEventLogged"
