@pillar:intelligent-computing
Feature: Provenance of a run
  The run's telemetry says where it came from. The robot reports, on its events topic, a
  provenance record (kind provenance: robot_id, model_id, model_version, dataset_id,
  software_versions, calibration_ids, model_sha256) before it moves, and an event for every model
  it loads (kind model_loaded: model_id, model_version, sha256, signature). A key it does not report
  is named, and the clause is INCONCLUSIVE; a report that contradicts the robot profile fails.
  Sources: HEIS pillar 2 (data lifecycle, deployment chain); ISO/WD 26264-1; EN 18031 SUM.
  Evidence: C for the pillar text and the mechanism; the criteria are hcert's (I).

  @AI-DATA-01
  Scenario: Every run records which robot, model, dataset, software and calibration produced it
    When the run's provenance is read
    Then the provenance meets the limit "robotIdMismatch"

  @AI-OTA-01
  Scenario: Only signed, approved models load, and the running model's hash is reported
    When the run's provenance is read
    Then the provenance meets the limit "signatureVerified"
    And the provenance meets the limit "modelHashMismatch"
