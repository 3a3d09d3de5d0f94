@pillar:application
Feature: Battery limits
  The battery pack's temperature, voltage and current stay within the limits
  the robot declares, over the whole run.
  Sources: GB/T 40013 (BMS, overload, short circuit); ISO 13482 5.2/5.3.
  Evidence: C for the clauses; the limits are declared values (D). Not
  checked: cell temperatures and voltages (BatteryState's pack values are
  read), that charging stops outside the charge-temperature window, and the
  time a BMS fault takes to reach the safety layer.

  @AP-BATT-01
  Scenario: Pack temperature, voltage and current within the declared limits
    When the robot runs through its duty cycle
    Then every subject stays within the limit "batteryTemperatureMax"
    And every subject stays within the limit "batteryTemperatureMin"
    And every subject stays within the limit "batteryVoltageMax"
    And every subject stays within the limit "batteryVoltageMin"
    And every subject stays within the limit "batteryChargeCurrent"
    And every subject stays within the limit "batteryDischargeCurrent"
