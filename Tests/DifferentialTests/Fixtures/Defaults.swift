/// Values for the columns a fixture table leaves out.
enum Defaults {
    /// The lineage columns of an input row: loaded by an earlier run for tenant acme and credential cred-a.
    /// A fixture overrides any of them by naming the column (x_credential_id for a second credential).
    ///
    /// The procedures read only the rows their own pipeline loaded: the GenAI and FOCUS steps filter on
    /// `x_pipeline_id = @pipeline_id`, and the subscription step on the snapshot of its run date
    /// (`x_pipeline_run_date = @run_date`). So input rows carry the fixtures' pipeline id, `pipe_diff`, and the
    /// run date the fixture calls with.
    static func loaded(runDate: String) -> [String: String] {
        [
            "x_org_slug": "acme", "x_pipeline_id": "pipe_diff", "x_credential_id": "cred-a", "x_pipeline_run_date": runDate,
            "x_run_id": "load-run-1", "x_ingested_at": "\(runDate) 06:00:00+00", "x_ingestion_date": runDate,
        ]
    }

    /// The organisation hierarchy of acme used by every fixture: current rows, an entity whose only row has ended,
    /// an entity with an ended and a current row, and another tenant's row under the same entity id (which the
    /// procedures' `org_slug = @org_slug` join must ignore).
    static let hierarchy = FixtureTable(
        "organizations.org_hierarchy",
        """
        org_slug | entity_id  | entity_name            | level_code | path                 | path_names                       | start_date | end_date
        acme     | DEPT-ENG   | Engineering            | DEPT       | DEPT-ENG             | Engineering                      | 2020-01-01 | NULL
        acme     | TEAM-ENDED | Old Team               | TEAM       | DEPT-ENG/TEAM-ENDED  | Engineering > Old Team           | 2020-01-01 | 2023-12-31
        acme     | PROJ-X     | Project X (old name)   | PROJ       | DEPT-ENG/PROJ-X      | Engineering > Project X (old)    | 2020-01-01 | 2023-06-30
        acme     | PROJ-X     | 'Project "X" ✓'        | PROJ       | DEPT-ENG/PROJ-X      | 'Engineering > Project "X" ✓'    | 2023-07-01 | NULL
        other    | DEPT-ENG   | Other Org Engineering  | DEPT       | DEPT-ENG             | Other Org Engineering            | 2020-01-01 | NULL
        """)

    /// The required columns of a FOCUS row written by an earlier run (pipeline pipe_diff, credential cred-a).
    static func focusRow(runDate: String) -> [String: String] {
        loaded(runDate: runDate).merging([
            "BilledCost": "1.5", "BillingAccountId": "cred-a", "BillingCurrency": "USD",
            "BillingPeriodStart": "2024-02-01 00:00:00+00", "BillingPeriodEnd": "2024-03-01 00:00:00+00", "ChargeCategory": "Usage",
            "ChargePeriodEnd": "2024-03-01 00:00:00+00", "ContractedCost": "1.5", "EffectiveCost": "1.5", "HostProviderName": "Old",
            "InvoiceIssuerName": "Old", "ListCost": "1.5", "ProviderName": "Old", "PublisherName": "Old",
            "ServiceCategory": "Other", "ServiceName": "Old", "ServiceProviderName": "Old", "x_source_system": "earlier_run",
        ]) { _, new in new }
    }
}
