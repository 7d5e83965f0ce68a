/// Fixtures of sp_genai_payg_to_focus: priced GenAI usage of one day converted into FOCUS 1.3 rows.
enum GenAIToFocusFixtures {
    static let procedure = "sp_genai_payg_to_focus"

    static let all: [ProcedureFixture] = [providersAndMonthEnds, credentials]

    static let providersAndMonthEnds = ProcedureFixture(
        procedure: procedure, name: "providers-and-month-ends",
        covers: [
            "every provider name of the CASE and its ELSE (case-sensitive)", "leap day, month end and year end (billing periods)",
            "NULL unit price", "zero, sub-nano and 21-digit BIGNUMERIC costs", "quotes, unicode and a pipe in model names (JSON Tags)",
            "rows read only for the run's day, credential and pipeline", "replacing rows by ChargePeriodStart: the last microsecond of the day is replaced, the next midnight and the previous day are kept",
            "JSON columns of earlier rows round-trip", "hierarchy: current, ended, unknown, NULL", "re-run",
        ],
        tables: [
            FixtureTable(
                "acme_prod.genai_payg_costs_daily", defaults: Defaults.loaded(runDate: "2024-02-29"),
                """
                cost_date  | provider  | model                 | usage_key           | quantity   | unit_price_usd | list_cost_usd          | x_credential_id | x_pipeline_id | x_hierarchy_entity_id
                2024-02-29 | openai    | gpt-4o                | input_tokens        | 1234567    | 2.25           | 2.77777575             | cred-a          | pipe_diff     | DEPT-ENG
                2024-02-29 | openai    | gpt-4o                | input_tokens        | 1234567    | 2.25           | 2.77777575             | cred-a          | pipe_diff     | DEPT-ENG
                2024-02-29 | anthropic | 'claude "3.5" ✓'      | output_tokens       | 9000000000 | 0.000003       | 27000.0000000000000001 | cred-a          | pipe_diff     | PROJ-X
                2024-02-29 | gemini    | gemini-1.5-pro        | input_tokens        | 3          | 0.0000000375   | 0.0000001125           | cred-a          | pipe_diff     | TEAM-ENDED
                2024-02-29 | deepseek  | deepseek-chat         | 'output | tokens'   | 1          | 0.0000011      | 0.0000011              | cred-a          | pipe_diff     | UNKNOWN
                2024-02-29 | mistral   | mistral-large         | input_tokens        | 1000       | 0              | 0                      | cred-a          | pipe_diff     | NULL
                2024-02-29 | OpenAI    | gpt-4o-mini           | input_tokens        | 0          | NULL           | 0                      | cred-a          | pipe_diff     | NULL
                2024-12-31 | openai    | gpt-4o                | output_tokens       | 31         | 10             | 0.00031                | cred-a          | pipe_diff     | DEPT-ENG
                2024-01-31 | anthropic | claude-3-haiku        | cache_read_tokens   | 7          | 0.0000375      | 0.0000002625           | cred-a          | pipe_diff     | NULL
                # not read
                2024-02-29 | openai    | gpt-4o                | input_tokens        | 1          | 2.25           | 0.00000225             | cred-b          | pipe_diff     | NULL
                2024-02-29 | openai    | gpt-4o                | input_tokens        | 1          | 2.25           | 0.00000225             | cred-a          | other_pipe    | NULL
                """),
            FixtureTable(
                "acme_prod.cost_data_standard_1_3", defaults: Defaults.focusRow(runDate: "2024-02-29"),
                """
                # earlier rows of this pipeline and credential around the leap day, by ChargePeriodStart
                ChargePeriodStart           | SkuId             | Tags                                   | AllocatedTags          | x_pipeline_run_date
                2024-02-29 00:00:00+00      | replaced-midnight | {"provider":"openai","n":[1,2.50,null]} | NULL                   | 2024-02-29
                2024-02-29 23:59:59.999999+00 | replaced-last-µs | {}                                     | [{"k":"v"},true,1e2]   | 2024-02-29
                2024-03-01 00:00:00+00      | kept-next-day     | {"b":1,"a":2}                          | NULL                   | 2024-02-29
                2024-02-28 23:59:59.999999+00 | kept-day-before | NULL                                   | NULL                   | 2024-02-29
                2024-02-29 12:00:00+00      | kept-other-run    | NULL                                   | NULL                   | 2024-02-28
                2024-03-02 00:00:00+00      | NULL              | NULL                                   | NULL                   | 2024-02-29
                """),
            Defaults.hierarchy,
        ],
        steps: [
            .call(["p_cost_date": "2024-02-29"]), .call(["p_cost_date": "2024-12-31"]), .call(["p_cost_date": "2024-01-31"]),
            .rerun(of: 0),
        ])

    static let credentials = ProcedureFixture(
        procedure: procedure, name: "multi-credential",
        covers: [
            "two credentials in turn", "another source's row under the same pipeline, credential and day is replaced too (both engines)",
            "rows of another pipeline and credential are kept", "re-run",
        ],
        tables: [
            FixtureTable(
                "acme_prod.genai_payg_costs_daily", defaults: Defaults.loaded(runDate: "2024-03-31"),
                """
                cost_date  | provider  | model             | usage_key     | quantity | unit_price_usd | list_cost_usd | x_credential_id | x_hierarchy_entity_id
                2024-03-31 | openai    | gpt-4o            | input_tokens  | 1000000  | 2.25           | 2.25          | cred-a          | DEPT-ENG
                2024-03-31 | anthropic | claude-3-5-sonnet | input_tokens  | 777      | 0.000003       | 0.002331      | cred-b          | PROJ-X
                """),
            FixtureTable(
                "acme_prod.cost_data_standard_1_3", defaults: Defaults.focusRow(runDate: "2024-03-31"),
                """
                ChargePeriodStart      | SkuId           | x_source_system               | x_credential_id | x_pipeline_id
                2024-03-31 00:00:00+00 | same-key-subs   | subscription_plan_costs_daily | cred-a          | pipe_diff
                2024-03-31 00:00:00+00 | other-pipe      | genai_payg_costs_daily        | cred-a          | other_pipe
                2024-03-31 00:00:00+00 | stale-b         | genai_payg_costs_daily        | cred-b          | pipe_diff
                2024-03-31 00:00:00+00 | cred-c          | genai_payg_costs_daily        | cred-c          | pipe_diff
                """),
            Defaults.hierarchy,
        ],
        steps: [
            .call(["p_cost_date": "2024-03-31", "credential_id": "cred-a"]),
            .call(["p_cost_date": "2024-03-31", "credential_id": "cred-b"]),
            .rerun(of: 0),
        ])
}
