@pillar:safety-and-ethics
Feature: No uncontrolled fall on a power loss while standing
  When the main drive bus is cut while the robot stands, the outcome is its
  declared power-loss behaviour (passive locking, a crouch on stored energy…);
  hcert judges it as no uncontrolled fall, with its proposed fall criterion
  (I, as SE-BAL-01): trunk tilt above 60° from vertical, or pelvis height below
  30 % of nominal.
  Source: ISO/CD 25785-1 (reported direction).
  Not checked: that the outcome is the declared behaviour beyond "no
  uncontrolled fall", and the fall-zone radius (D), which needs forward
  kinematics.

  @SE-BAL-02
  Scenario: The trunk stays up and the pelvis stays high after a power loss while standing
    Given the robot is standing
    When a power loss occurs while it stands
    Then the trunk tilt stays within the limit "trunkTilt"
    And the pelvis height stays within the limit "pelvisHeightRatio"
