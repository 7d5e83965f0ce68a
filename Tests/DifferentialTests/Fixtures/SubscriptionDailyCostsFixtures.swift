/// Fixtures of sp_subscription_calculate_daily_costs: a plan's cycle cost spread over the days of its billing cycle,
/// where cycles start every `billing_cycle_months` months from the anchor and DATE_ADD … MONTH clamps anchors on the
/// 29th–31st to the month's last day.
enum SubscriptionDailyCostsFixtures {
    static let procedure = "sp_subscription_calculate_daily_costs"

    static let all: [ProcedureFixture] = [leapDay, monthEnds, credentials, zeroMonthCycle]

    /// On 2024-02-29 every anchor on the 29th–31st lands on the leap day.
    static let leapDay = ProcedureFixture(
        procedure: procedure, name: "leap-day-anchors",
        covers: [
            "leap day", "anchors on the 29th, 30th and 31st clamped to Feb 29", "monthly, quarterly, half-yearly and yearly cycles",
            "an anchor on a leap day (2020-02-29) and on the run date itself", "PER_SEAT and FLAT", "zero and NULL seats",
            "NULL end_date, an end_date on the run date (kept) and the day before (dropped)", "start date and anchor after the run date",
            "another credential's plan", "yesterday's snapshot of the plans (not read)", "NULL hierarchy entity, an ended entity, an entity with ended and current rows",
            "large and repeating-decimal costs", "re-run",
        ],
        tables: [
            FixtureTable(
                "acme_prod.subscription_plans", defaults: Defaults.loaded(runDate: "2024-02-29"),
                """
                subscription_id   | provider  | plan_name       | pricing_model | unit_price   | seats   | currency | billing_anchor | billing_cycle_months | start_date | end_date   | x_credential_id | x_hierarchy_entity_id
                jan31-monthly     | slack     | Pro             | PER_SEAT      | 8.75         | 10      | USD      | 2024-01-31     | 1                    | 2024-01-31 | NULL       | cred-a          | DEPT-ENG
                jan30-monthly     | slack     | Pro             | PER_SEAT      | 8.75         | 2       | USD      | 2024-01-30     | 1                    | 2024-01-30 | NULL       | cred-a          | DEPT-ENG
                dec30-monthly     | notion    | Plus            | PER_SEAT      | 10           | 3       | USD      | 2023-12-30     | 1                    | 2023-12-30 | NULL       | cred-a          | TEAM-ENDED
                mar29-monthly     | figma     | Organization    | FLAT          | 45           | NULL    | EUR      | 2023-03-29     | 1                    | 2023-03-29 | NULL       | cred-a          | NULL
                leap-yearly       | github    | Enterprise      | PER_SEAT      | 231          | 4       | USD      | 2020-02-29     | 12                   | 2020-02-29 | NULL       | cred-a          | DEPT-ENG
                may31-quarterly   | zoom      | Business        | FLAT          | 149.9        | 25      | USD      | 2023-05-31     | 3                    | 2023-05-31 | NULL       | cred-a          | PROJ-X
                aug31-halfyearly  | atlassian | Cloud Premium   | PER_SEAT      | 7.53         | 0       | USD      | 2023-08-31     | 6                    | 2023-08-31 | NULL       | cred-a          | NULL
                nov30-yearly      | adobe     | 'Creative "All"'| PER_SEAT      | 659.88       | 7       | USD      | 2023-11-30     | 12                   | 2023-11-30 | NULL       | cred-a          | UNKNOWN-ENTITY
                anchor-today      | linear    | Standard        | PER_SEAT      | 8            | NULL    | USD      | 2024-02-29     | 1                    | 2024-02-01 | NULL       | cred-a          | NULL
                feb01-thirds      | miro      | Team            | FLAT          | 100          | NULL    | USD      | 2024-02-01     | 1                    | 2024-02-01 | NULL       | cred-a          | NULL
                penny-seats       | okta      | Workforce       | PER_SEAT      | 0.01         | 1000000 | USD      | 2024-02-15     | 1                    | 2024-02-15 | 2024-02-29 | cred-a          | NULL
                huge-flat         | oracle    | 'Cloud ✓ Ünïcode'| FLAT         | 999999999.99 | NULL    | USD      | 2024-01-01     | 12                   | 2024-01-01 | NULL       | cred-a          | NULL
                ended-yesterday   | dropbox   | Business        | FLAT          | 15           | NULL    | USD      | 2024-01-28     | 1                    | 2024-01-28 | 2024-02-28 | cred-a          | NULL
                starts-tomorrow   | asana     | Premium         | FLAT          | 10.99        | NULL    | USD      | 2024-03-01     | 1                    | 2024-03-01 | NULL       | cred-a          | NULL
                anchor-tomorrow   | asana     | Business        | FLAT          | 24.99        | NULL    | USD      | 2024-03-01     | 1                    | 2024-02-01 | NULL       | cred-a          | NULL
                other-credential  | slack     | Pro             | PER_SEAT      | 8.75         | 10      | USD      | 2024-01-31     | 1                    | 2024-01-31 | NULL       | cred-b          | DEPT-ENG
                """),
            FixtureTable(
                "acme_prod.subscription_plans", defaults: Defaults.loaded(runDate: "2024-02-28"),
                """
                # yesterday's snapshot of the plans: not read by today's run
                subscription_id   | provider  | plan_name       | pricing_model | unit_price   | seats   | currency | billing_anchor | billing_cycle_months | start_date | end_date
                jan31-monthly     | slack     | Pro             | PER_SEAT      | 8.75         | 9       | USD      | 2024-01-31     | 1                    | 2024-01-31 | NULL
                """),
            Defaults.hierarchy,
        ],
        steps: [.call(["p_cost_date": "2024-02-29"]), .rerun(of: 0)])

    /// Month ends of ordinary and century years, the day before the leap day, year ends.
    static let monthEnds = ProcedureFixture(
        procedure: procedure, name: "month-ends",
        covers: [
            "Jan 31 + 1 month = Feb 28 in 2023", "the day before a clamped cycle start (2024-02-28)", "30-day months (Apr 30)",
            "year end and new year", "2000-02-29 + 100 years = 2100-02-28 (non-leap century)", "several dates accumulate",
            "re-run of an earlier date",
        ],
        tables: [
            FixtureTable(
                "acme_prod.subscription_plans", defaults: Defaults.loaded(runDate: "2024-01-01"),
                """
                subscription_id  | provider | plan_name  | pricing_model | unit_price | seats | currency | billing_anchor | billing_cycle_months | start_date | end_date
                jan31-monthly    | slack    | Pro        | PER_SEAT      | 12.5       | 3     | USD      | 2023-01-31     | 1                    | 2023-01-31 | NULL
                mar30-monthly    | notion   | Plus       | FLAT          | 96         | NULL  | USD      | 2023-03-30     | 1                    | 2023-03-30 | NULL
                dec29-monthly    | figma    | Pro        | FLAT          | 15         | NULL  | USD      | 2022-12-29     | 1                    | 2022-12-29 | NULL
                millennium-leap  | ibm      | Mainframe  | FLAT          | 36524.25   | NULL  | USD      | 2000-02-29     | 12                   | 2000-02-29 | NULL
                nov30-quarterly  | zoom     | Pro        | PER_SEAT      | 14.99      | 5     | USD      | 2022-11-30     | 3                    | 2022-11-30 | NULL
                may31-biennial   | sap      | Concur     | FLAT          | 48000      | NULL  | EUR      | 2022-05-31     | 24                   | 2022-05-31 | NULL
                """),
            Defaults.hierarchy,
        ],
        // One snapshot of the plans (loaded 2024-01-01) priced for many days, as a backfill does.
        arguments: ["run_date": "2024-01-01"],
        steps: [
            .call(["p_cost_date": "2023-02-28"]), .call(["p_cost_date": "2024-02-28"]), .call(["p_cost_date": "2024-04-30"]),
            .call(["p_cost_date": "2024-05-31"]), .call(["p_cost_date": "2024-12-31"]), .call(["p_cost_date": "2025-01-01"]),
            .call(["p_cost_date": "2100-02-27"]), .call(["p_cost_date": "2100-02-28"]), .rerun(of: 1),
        ])

    /// Two credentials of one tenant, and rows of earlier runs in the target table.
    static let credentials = ProcedureFixture(
        procedure: procedure, name: "multi-credential",
        covers: [
            "two credentials run in turn", "a credential's stale rows of the same run date are replaced",
            "rows of another pipeline, another run date and another cost date are kept", "re-run after the other credential ran",
        ],
        tables: [
            FixtureTable(
                "acme_prod.subscription_plans", defaults: Defaults.loaded(runDate: "2024-03-15"),
                """
                subscription_id | provider | plan_name | pricing_model | unit_price | seats | currency | billing_anchor | billing_cycle_months | start_date | end_date | x_credential_id | x_hierarchy_entity_id
                a-slack         | slack    | Pro       | PER_SEAT      | 8.75       | 12    | USD      | 2024-01-31     | 1                    | 2024-01-31 | NULL     | cred-a          | DEPT-ENG
                a-zoom          | zoom     | Business  | FLAT          | 199.9      | NULL  | USD      | 2023-03-31     | 12                   | 2023-03-31 | NULL     | cred-a          | PROJ-X
                b-slack         | slack    | Business+ | PER_SEAT      | 12.5       | 40    | USD      | 2024-02-29     | 1                    | 2024-02-29 | NULL     | cred-b          | TEAM-ENDED
                b-github        | github   | Team      | PER_SEAT      | 4          | NULL  | USD      | 2023-12-31     | 1                    | 2023-12-31 | NULL     | cred-b          | NULL
                c-never-called  | notion   | Plus      | FLAT          | 8          | NULL  | USD      | 2024-01-01     | 1                    | 2024-01-01 | NULL     | cred-c          | NULL
                """),
            FixtureTable(
                "acme_prod.subscription_plan_costs_daily",
                defaults: Defaults.loaded(runDate: "2024-03-15"),
                """
                # rows of earlier runs: which ones the procedure replaces depends on pipeline, credential, run date and cost date
                cost_date  | subscription_id | provider | plan_name | currency | cycle_start | cycle_end  | cycle_cost | daily_cost | x_credential_id | x_pipeline_id | x_pipeline_run_date | x_run_id
                2024-03-15 | a-stale         | slack    | Old       | USD      | 2024-02-29  | 2024-03-31 | 1          | 0.03       | cred-a          | pipe_diff     | 2024-03-15          | old-run
                2024-03-15 | a-other-pipe    | slack    | Old       | USD      | 2024-02-29  | 2024-03-31 | 2          | 0.06       | cred-a          | other_pipe    | 2024-03-15          | old-run
                2024-03-15 | a-other-rundate | slack    | Old       | USD      | 2024-02-29  | 2024-03-31 | 3          | 0.09       | cred-a          | pipe_diff     | 2024-03-14          | old-run
                2024-03-16 | a-other-day     | slack    | Old       | USD      | 2024-02-29  | 2024-03-31 | 4          | 0.12       | cred-a          | pipe_diff     | 2024-03-16          | old-run
                2024-03-15 | b-stale         | github   | Old       | USD      | 2024-02-29  | 2024-03-31 | 5          | 0.15       | cred-b          | pipe_diff     | 2024-03-15          | old-run
                2024-03-15 | c-untouched     | notion   | Old       | USD      | 2024-03-01  | 2024-04-01 | 6          | 0.19       | cred-c          | pipe_diff     | 2024-03-15          | old-run
                """),
            Defaults.hierarchy,
        ],
        steps: [
            .call(["p_cost_date": "2024-03-15", "credential_id": "cred-a"]),
            .call(["p_cost_date": "2024-03-15", "credential_id": "cred-b"]),
            .rerun(of: 0),
        ])

    /// A zero-month cycle divides by zero: both engines fail and keep the rows the DELETE had already removed.
    static let zeroMonthCycle = ProcedureFixture(
        procedure: procedure, name: "zero-month-cycle-fails",
        covers: [
            "DIV by zero fails in both engines", "the failed run's DELETE is rolled back (the stale row survives)",
            "a successful earlier date is kept",
        ],
        tables: [
            FixtureTable(
                "acme_prod.subscription_plans", defaults: Defaults.loaded(runDate: "2024-03-10"),
                """
                subscription_id | provider | plan_name | pricing_model | unit_price | seats | currency | billing_anchor | billing_cycle_months | start_date | end_date
                good            | slack    | Pro       | PER_SEAT      | 8.75       | 10    | USD      | 2024-01-31     | 1                    | 2024-01-31 | NULL
                broken          | acme-saas| Broken    | FLAT          | 10         | NULL  | USD      | 2024-03-01     | 0                    | 2024-03-01 | NULL
                """),
            FixtureTable(
                "acme_prod.subscription_plan_costs_daily",
                defaults: Defaults.loaded(runDate: "2024-03-10"),
                """
                cost_date  | subscription_id | provider | plan_name | currency | cycle_start | cycle_end  | cycle_cost | daily_cost
                2024-03-10 | stale           | slack    | Old       | USD      | 2024-02-29  | 2024-03-31 | 87.5       | 2.82258064516129
                """),
            Defaults.hierarchy,
        ],
        // Both days are priced from the snapshot loaded on 2024-03-10 (a backfill).
        arguments: ["run_date": "2024-03-10"],
        steps: [
            .call(["p_cost_date": "2024-02-29"]),
            .failing(["p_cost_date": "2024-03-10"], error: "division by zero"),
        ])
}
