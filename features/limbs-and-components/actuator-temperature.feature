@pillar:limbs-and-components
Feature: Actuator temperature
  Every actuator's winding or housing temperature stays below the maximum
  the robot declares for it, over the whole run.
  Sources: GB/T 41393 (overheat protection); GB/T 40013 (temperature rise).
  Evidence: C for the requirement; the maximum is a declared value (D); the
  sampling tolerances are hcert's proposal (I). Not checked: that torque is
  limited above the derating threshold, and that the robot stops safely
  above the trip threshold.

  @LC-JNT-02
  Scenario: Every actuator stays below its declared maximum temperature
    When the robot runs through its duty cycle
    Then every subject stays within the limit "jointTemperature"
