@pillar:safety-and-ethics
Feature: Declared functional safety
  What the robot's declaration manifest states about its safety functions (ISO 13849-1) and its
  arms (ISO 10218-1:2025), checked against the standard's rules. These are checks of the document
  (the robot profile's declaration section): a field the declaration leaves out is INCONCLUSIVE,
  naming it; a declared value that breaks a rule fails with the value and the limit.
  Sources: ISO 10218-1:2025 5.3 and its Class I/II; ISO 13849-1.
  Evidence: C2 for the e-stop's PL, C for the rest (see each clause).

  @SE-ESTOP-06
  Scenario: The emergency stop's declared performance level is at least c
    When the robot's declaration is read
    Then the declaration meets the limit "requiredPl"

  @SE-FS-01
  Scenario: Each safety function's PL reaches its PLr and its PFH_D lies in the band of its PL
    When the robot's declaration is read
    Then the declaration meets the limit "requiredPl"
    And the declaration meets the limit "pfhdPlA"
    And the declaration meets the limit "pfhdPlB"
    And the declaration meets the limit "pfhdPlC"
    And the declaration meets the limit "pfhdPlD"
    And the declaration meets the limit "pfhdPlE"
    And the declaration meets the limit "pfhdFloor"

  @SE-FS-02
  Scenario: Each safety function's DC, MTTF_D and CCF agree with each other
    When the robot's declaration is read
    Then the declaration meets the limit "dcLow"
    And the declaration meets the limit "dcMedium"
    And the declaration meets the limit "dcHigh"
    And the declaration meets the limit "mttfdMin"
    And the declaration meets the limit "mttfdMax"
    And the declaration meets the limit "ccfScore"

  @SE-CLS-01
  Scenario: Each arm's declared class agrees with its mass, TCP speed and force
    When the robot's declaration is read
    Then the declaration meets the limit "classIMass"
    And the declaration meets the limit "classITcpSpeed"
    And the declaration meets the limit "classIForce"
    And the declaration meets the limit "wristForceOverrun"
