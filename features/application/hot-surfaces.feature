@pillar:application
Feature: Hot surfaces
  Surfaces people can touch stay below the burn thresholds of ISO 13732-1
  for how they are touched: held continuously (43 degC for 8 h or more, K;
  48 degC for up to 10 min, C2; 51 degC for up to 1 min, K), or touched
  briefly (bare metal 55 degC, plastics 70 degC for 10 s; metal 65 degC for
  up to 0.5 s; C2, to be confirmed). The robot profile names each surface's
  temperature frame, how it is touched, its material and, where it
  declares one, its longest contact.

  @AP-HOT-01
  Scenario: Surfaces people may hold stay below the threshold for their contact time
    When the robot runs through its duty cycle
    Then every subject stays within the limit "heldSurfaceTemperature"
    And every subject stays within the limit "heldSurfaceTemperature10min"
    And every subject stays within the limit "heldSurfaceTemperature1min"

  @AP-HOT-02
  Scenario: Surfaces touched briefly stay below the threshold for their material
    When the robot runs through its duty cycle
    Then every subject stays within the limit "metalSurfaceTemperature"
    And every subject stays within the limit "metalSurfaceTemperatureHalfSecond"
    And every subject stays within the limit "plasticSurfaceTemperature"
