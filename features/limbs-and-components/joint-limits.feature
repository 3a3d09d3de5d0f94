@pillar:limbs-and-components
Feature: Joint soft limits
  Every joint position stays within the soft limits the manufacturer
  declares, over the whole run.
  Sources: GB/T 41393 (end-of-travel limits); GB/T 39785 5.2.4.
  Evidence: C for the requirement; the limits are declared values (D).

  @LC-JNT-01
  Scenario: Every joint stays within its declared soft limits
    When the robot performs its test motion
    Then every joint position stays within its declared soft limits, within the limit "jointOverrun"
