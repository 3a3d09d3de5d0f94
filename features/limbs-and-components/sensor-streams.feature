@pillar:limbs-and-components
Feature: Health of the sensor streams
  Each telemetry stream the robot declares runs at its declared rate or
  faster in every window, its data is never older than the declared age
  beyond its freshest message, its header stamps never go back, and it
  carries one frame_id.
  Source: ISO/WD 26264-1 (humanoid data, "physical coherence"), a working
  draft. Evidence: the concept is from a secondary source (C2); rates and
  ages are declared values (D); the window and the tolerances are hcert's
  proposal (I). Not checked: that stale data raises a degraded-mode event.

  @LC-SENS-01
  Scenario: Every declared stream keeps its rate, fresh data, monotonic stamps and one frame_id
    When the robot's telemetry streams are observed
    Then every stream stays within the limit "streamRate"
    And every stream stays within the limit "dataAge"
    And every stream stays within the limit "stampStepBack"
    And every stream stays within the limit "frameIds"
