@pillar:basic-commonality
Feature: The robot's declaration manifest
  The manifest (the robot profile's declaration section) gives every field the classification
  schemes ask for: the class of each arm (ISO 10218-1:2025), the ISO 13482 robot type, the
  locomotion type, the degrees of freedom, the masses, the rated payload of each arm, the rated
  speed, the stopping data, the fall-zone radius and the PL of each safety function. Each field it
  leaves out is named, and the clause is INCONCLUSIVE; what it gives must agree with the rest of
  the robot profile.
  Sources: ISO 10218-1:2025 Class I/II; ISO 13482 robot type; IEEE taxonomy; GB/T 39405-2020.
  Evidence: C that the schemes exist; the consistency limits are hcert's (I).

  @BC-CLS-01
  Scenario: The manifest is complete and consistent
    When the robot's declaration is read
    Then the declaration meets the limit "jointsBeyondDof"
    And the declaration meets the limit "armMassBeyondTotal"
