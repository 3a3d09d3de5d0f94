@pillar:safety-and-ethics
Feature: No uncontrolled fall on a stop while walking
  When an emergency or protective stop asserts while the robot walks, it
  reaches a safe posture or lowers itself in a controlled way; it does not
  fall. hcert's proposed fall criterion (I, not a number from any standard):
  trunk tilt above 60° from vertical, or pelvis height below 30 % of nominal.
  Sources: ISO/CD 25785-1 scope (approx.); IEEE study group stability pillar.

  @SE-BAL-01
  Scenario: The trunk stays up and the pelvis stays high after a stop while walking
    Given the robot is walking
    When any stop is asserted while it walks
    Then the trunk tilt stays within the limit "trunkTilt"
    And the pelvis height stays within the limit "pelvisHeightRatio"
