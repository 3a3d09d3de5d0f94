@pillar:limbs-and-components
Feature: Joint ratings
  Every joint's velocity and effort stay within the values the robot
  declares for it: |velocity| within its maximum, |effort| within its peak,
  and the RMS effort over any window of the declared length within its
  continuous rating.
  Source: joint module specification (HEIS limbs pillar; no public standard
  found). Evidence: the ratings are declared values (D).

  @LC-JNT-03
  Scenario: Joint velocities, peak and RMS efforts within the declared ratings
    When the robot runs through its duty cycle
    Then every subject stays within the limit "jointSpeed"
    And every subject stays within the limit "jointEffort"
    And every subject stays within the limit "jointEffortRms"
