/// Fixtures of sp_subscription_to_focus: one day of amortised subscription costs converted into FOCUS 1.3 rows.
enum SubscriptionToFocusFixtures {
    static let procedure = "sp_subscription_to_focus"

    static let all: [ProcedureFixture] = [monthEnds, credentials]

    static let monthEnds = ProcedureFixture(
        procedure: procedure, name: "month-ends",
        covers: [
            "leap day and year end (billing periods, charge periods)", "FORMAT_DATE('%F') of year 1 and of a leap day in Tags",
            "repeating-decimal, zero and large daily costs", "EUR and JPY", "quotes, apostrophes and unicode in names and ids",
            "hierarchy columns copied, NULL ones too", "rows of another day, credential and pipeline (not read)", "re-run",
        ],
        tables: [
            FixtureTable(
                "acme_prod.subscription_plan_costs_daily", defaults: Defaults.loaded(runDate: "2024-02-29"),
                """
                cost_date  | subscription_id | provider | plan_name          | currency | cycle_start | cycle_end  | cycle_cost   | daily_cost                                 | x_credential_id | x_pipeline_id | x_hierarchy_entity_id | x_hierarchy_entity_name | x_hierarchy_level_code | x_hierarchy_path | x_hierarchy_path_names
                2024-02-29 | jan31-monthly   | slack    | Pro                | USD      | 2024-02-29  | 2024-03-31 | 87.5         | 2.82258064516129032258064516129032258065   | cred-a          | pipe_diff     | DEPT-ENG              | Engineering             | DEPT                   | DEPT-ENG         | Engineering
                2024-02-29 | 'o''brien'      | adobe    | 'Creative "All" ✓' | EUR      | 2023-11-30  | 2024-11-30 | 4619.16      | 12.62065573770491803278688524590163934426  | cred-a          | pipe_diff     | NULL                  | NULL                    | NULL                   | NULL             | NULL
                2024-02-29 | year-one        | legacy   | Ancient            | JPY      | 0001-01-01  | 2025-01-01 | 0            | 0                                          | cred-a          | pipe_diff     | NULL                  | NULL                    | NULL                   | NULL             | NULL
                2024-02-29 | huge            | oracle   | Cloud              | USD      | 2024-01-01  | 2025-01-01 | 999999999.99 | 2732240.43713114754098360655737704918032786885 | cred-a      | pipe_diff     | PROJ-X                | 'Project "X" ✓'         | PROJ                   | DEPT-ENG/PROJ-X  | 'Engineering > Project "X" ✓'
                2024-12-31 | nov30-yearly    | adobe    | CC                 | USD      | 2024-11-30  | 2025-11-30 | 4619.16      | 12.65523287671232876712328767123287671233  | cred-a          | pipe_diff     | NULL                  | NULL                    | NULL                   | NULL             | NULL
                # not read
                2024-02-28 | jan31-monthly   | slack    | Pro                | USD      | 2024-01-31  | 2024-02-29 | 87.5         | 3.01724137931034482758620689655172413793   | cred-a          | pipe_diff     | NULL                  | NULL                    | NULL                   | NULL             | NULL
                2024-02-29 | b-plan          | slack    | Pro                | USD      | 2024-02-29  | 2024-03-31 | 87.5         | 2.82258064516129032258064516129032258065   | cred-b          | pipe_diff     | NULL                  | NULL                    | NULL                   | NULL             | NULL
                2024-02-29 | other-pipe      | slack    | Pro                | USD      | 2024-02-29  | 2024-03-31 | 87.5         | 2.82258064516129032258064516129032258065   | cred-a          | other_pipe    | NULL                  | NULL                    | NULL                   | NULL             | NULL
                """),
            FixtureTable(
                "acme_prod.cost_data_standard_1_3", defaults: Defaults.focusRow(runDate: "2024-02-29"),
                """
                ChargePeriodStart             | SkuId        | ChargeCategory
                2024-02-29 00:00:00+00        | replaced     | Purchase
                2024-03-01 00:00:00+00        | kept         | Purchase
                2024-02-29 06:00:00+00        | NULL         | Usage
                """),
        ],
        steps: [.call(["p_cost_date": "2024-02-29"]), .call(["p_cost_date": "2024-12-31"]), .rerun(of: 0)])

    static let credentials = ProcedureFixture(
        procedure: procedure, name: "multi-credential",
        covers: ["two credentials in turn", "stale rows of the same run replaced, others kept", "re-run after the other credential"],
        tables: [
            FixtureTable(
                "acme_prod.subscription_plan_costs_daily", defaults: Defaults.loaded(runDate: "2024-03-15"),
                """
                cost_date  | subscription_id | provider | plan_name | currency | cycle_start | cycle_end  | cycle_cost | daily_cost                               | x_credential_id
                2024-03-15 | a-slack         | slack    | Pro       | USD      | 2024-02-29  | 2024-03-31 | 105        | 3.38709677419354838709677419354838709677 | cred-a
                2024-03-15 | b-github        | github   | Team      | USD      | 2024-03-01  | 2024-04-01 | 0          | 0                                        | cred-b
                2024-03-15 | b-slack         | slack    | Business+ | USD      | 2024-02-29  | 2024-03-29 | 500        | 17.24137931034482758620689655172413793103 | cred-b
                """),
            FixtureTable(
                "acme_prod.cost_data_standard_1_3", defaults: Defaults.focusRow(runDate: "2024-03-15"),
                """
                ChargePeriodStart      | SkuId   | x_credential_id | x_pipeline_id
                2024-03-15 00:00:00+00 | stale-a | cred-a          | pipe_diff
                2024-03-15 00:00:00+00 | stale-b | cred-b          | pipe_diff
                2024-03-15 00:00:00+00 | other   | cred-a          | other_pipe
                """),
        ],
        steps: [
            .call(["p_cost_date": "2024-03-15", "credential_id": "cred-a"]),
            .call(["p_cost_date": "2024-03-15", "credential_id": "cred-b"]),
            .rerun(of: 0),
        ])
}
