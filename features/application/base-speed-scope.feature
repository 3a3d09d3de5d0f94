@pillar:application
Feature: Base speed within the scope of ISO 13482
  ISO 13482 applies to robots whose base moves slower than 20 km/h
  (5.56 m/s). The speed is the norm of the base's whole linear twist.
  Source: ISO 13482 scope. Evidence: C.

  @AP-SCOPE-01
  Scenario: The base never reaches 20 km/h
    When the robot runs through its duty cycle
    Then every subject stays within the limit "baseSpeed"
