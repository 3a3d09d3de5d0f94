@pillar:complete-machine
Feature: Locomotion performance against the declared values
  The robot walks a straight measured segment, after an acceleration zone, at
  no less than its declared rated speed; stopped by a stop command while
  walking at its rated speed, it stops within its declared stopping distance
  and time. Each test is repeated; hcert judges a one-sided confidence bound
  of the trials (the mean, or every trial and a percentile) and reports the
  number of trials, mean, standard deviation and coefficient of variation.
  Sources: GB/T 44251 cl. 6 and 7; ISO 18646-1 cl. 5 and 6.
  Evidence: C for the test items; the values are the robot's declared ones
  (D); the trial lengths, counts and confidence levels are hcert's proposal (I).

  @CM-LOC-01
  Scenario: The rated walking speed is reached on a measured straight segment
    When the robot walks a measured straight segment several times
    Then the walking speed over the trials meets the limit "segmentSpeed"

  @CM-LOC-02
  Scenario: Stops from rated speed end within the declared distance and time
    When the robot is stopped several times while walking at its rated speed
    Then the stopping distance over the trials stays within the limit "stoppingDistance"
    And the stopping time over the trials stays within the limit "stoppingTime"
