@pillar:basic-commonality
Feature: One time base
  The safety stream and the joint stream are stamped on one time base: the
  offset between their clocks is at most 1 ms (I). Measured from what a
  recording holds, each message's log time and its header stamp; a stream
  whose messages carry no stamp cannot be compared.
  Source: ISO/WD 26264-1 (timing, frames, calibration, sync documented), a
  working draft. Evidence: the concept is from a secondary source (C2); the
  1 ms is hcert's proposal (I). Not checked: that the frame tree and the
  calibration versions are recorded.

  @BC-TIME-01
  Scenario: The safety stream's clock agrees with the joint stream's
    When the robot's telemetry streams are observed
    Then every stream stays within the limit "clockOffset"
