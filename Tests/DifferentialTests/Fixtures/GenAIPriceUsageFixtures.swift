/// Fixtures of sp_genai_payg_price_usage: one day of raw token usage joined to the price valid that day
/// (`effective_from` inclusive, `effective_to` exclusive, standard variant) and summed to the daily grain (account,
/// model, usage key, hierarchy entity), with a check that every usage row has a price.
enum GenAIPriceUsageFixtures {
    static let procedure = "sp_genai_payg_price_usage"

    static let all: [ProcedureFixture] = [priceWindows, credentials, missingPrice]

    /// The price list used by every fixture.
    static let prices = FixtureTable(
        "organizations.genai_payg_pricing",
        """
        provider  | model_id          | pricing_variant | usage_key           | per_units | unit_price_usd | effective_from | effective_to | source
        # a price change on the leap day: the old price ends (exclusive) where the new one starts
        openai    | gpt-4o            | standard        | input_tokens        | 1000000   | 2.5            | 2024-01-01     | 2024-02-29   | list-v1
        openai    | gpt-4o            | standard        | input_tokens        | 1000000   | 2.25           | 2024-02-29     | NULL         | list-v2
        openai    | gpt-4o            | batch           | input_tokens        | 1000000   | 1.25           | 2024-01-01     | NULL         | batch
        openai    | gpt-4o            | standard        | output_tokens       | 1000000   | 10             | 2024-01-01     | NULL         | NULL
        openai    | gpt-4o            | standard        | cached_input_tokens | 1000000   | 1.25           | 2024-01-01     | 2024-03-01   | NULL
        openai    | gpt-4o-mini       | standard        | input_tokens        | 1000000   | 0.15           | 2024-01-01     | NULL         | NULL
        anthropic | claude-3-5-sonnet | standard        | input_tokens        | 1         | 0.000003       | 2023-06-01     | NULL         | per-token
        anthropic | claude-3-5-sonnet | standard        | output_tokens       | 1         | 0.000015       | 2023-06-01     | NULL         | per-token
        anthropic | claude-3-haiku    | standard        | cache_read_tokens   | 1000      | 0.0000375      | 2023-06-01     | NULL         | 'per 1000, 7 decimals'
        # beyond NUMERIC's 9 decimals: exact in BIGNUMERIC, a double in the engine
        gemini    | gemini-1.5-pro    | standard        | input_tokens        | 1         | 0.0000000375   | 2024-01-01     | NULL         | sub-nano
        deepseek  | deepseek-chat     | standard        | output_tokens       | 1000000   | 1.1            | 2024-01-01     | NULL         | NULL
        mistral   | mistral-large     | standard        | input_tokens        | 1000000   | 0              | 2024-01-01     | NULL         | free tier
        # the price of the retired model ends on 2024-02-29 (exclusive): usage on the leap day has no price
        openai    | gpt-3.5-turbo     | standard        | input_tokens        | 1000000   | 0.5            | 2023-01-01     | 2024-02-29   | retired
        """)

    static let priceWindows = ProcedureFixture(
        procedure: procedure, name: "price-windows",
        covers: [
            "leap day", "a price that ends (exclusive) and one that starts on the run date", "another pricing variant (ignored)",
            "per-token, per-thousand and per-million prices", "a price below NUMERIC's 9 decimals (0.0000000375)",
            "9e9 tokens", "zero quantity and a zero price", "NULL region and request_count",
            "two raw records of one daily key (summed into one row)", "the same key in another account (its own row)", "rows of another day, credential and pipeline (not read, even without a price)",
            "NULL, unknown, ended and current hierarchy entities", "re-run",
        ],
        tables: [
            FixtureTable(
                "acme_prod.genai_payg_usage_raw", defaults: Defaults.loaded(runDate: "2024-02-29"),
                """
                usage_date | provider  | model             | region | usage_key           | quantity   | request_count | x_credential_id | x_pipeline_id | x_hierarchy_entity_id | x_genai_account_id
                2024-02-29 | openai    | gpt-4o            | NULL   | input_tokens        | 1234567    | 42            | cred-a          | pipe_diff     | DEPT-ENG              | proj_a
                2024-02-29 | openai    | gpt-4o            | us     | output_tokens       | 98765      | NULL          | cred-a          | pipe_diff     | PROJ-X                | proj_a
                2024-02-29 | openai    | gpt-4o            | us     | output_tokens       | 98765      | NULL          | cred-a          | pipe_diff     | PROJ-X                | proj_a
                2024-02-29 | openai    | gpt-4o            | us     | output_tokens       | 1000       | NULL          | cred-a          | pipe_diff     | PROJ-X                | proj_b
                2024-02-29 | openai    | gpt-4o            | eu     | cached_input_tokens | 5000000    | 3             | cred-a          | pipe_diff     | TEAM-ENDED            | proj_a
                2024-02-29 | openai    | gpt-4o-mini       | NULL   | input_tokens        | 0          | 0             | cred-a          | pipe_diff     | NULL                  | proj_a
                2024-02-29 | anthropic | claude-3-5-sonnet | NULL   | input_tokens        | 9000000000 | 100           | cred-a          | pipe_diff     | NULL                  | proj_a
                2024-02-29 | anthropic | claude-3-5-sonnet | NULL   | output_tokens       | 333333     | 100           | cred-a          | pipe_diff     | UNKNOWN               | proj_a
                2024-02-29 | anthropic | claude-3-haiku    | NULL   | cache_read_tokens   | 7          | 1             | cred-a          | pipe_diff     | NULL                  | proj_a
                2024-02-29 | gemini    | gemini-1.5-pro    | NULL   | input_tokens        | 3          | 1             | cred-a          | pipe_diff     | NULL                  | proj_a
                2024-02-29 | deepseek  | deepseek-chat     | NULL   | output_tokens       | 1          | 1             | cred-a          | pipe_diff     | NULL                  | proj_a
                2024-02-29 | mistral   | mistral-large     | NULL   | input_tokens        | 1000       | 1             | cred-a          | pipe_diff     | NULL                  | proj_a
                # not read: another day, another credential, another pipeline (none of them has a price)
                2024-02-28 | openai    | gpt-3.5-turbo     | NULL   | input_tokens        | 1          | 1             | cred-a          | pipe_diff     | NULL                  | proj_a
                2024-02-29 | openai    | gpt-3.5-turbo     | NULL   | input_tokens        | 1          | 1             | cred-b          | pipe_diff     | NULL                  | proj_a
                2024-02-29 | openai    | gpt-3.5-turbo     | NULL   | input_tokens        | 1          | 1             | cred-a          | other_pipe    | NULL                  | proj_a
                """),
            prices, Defaults.hierarchy,
        ],
        steps: [.call(["p_cost_date": "2024-02-29"]), .rerun(of: 0)])

    static let credentials = ProcedureFixture(
        procedure: procedure, name: "multi-credential",
        covers: [
            "two credentials of one tenant in turn", "stale rows of the same run are replaced",
            "rows of another run date, another pipeline and another day are kept", "re-run after the other credential",
        ],
        tables: [
            FixtureTable(
                "acme_prod.genai_payg_usage_raw", defaults: Defaults.loaded(runDate: "2024-03-31"),
                """
                usage_date | provider  | model             | usage_key     | quantity | x_credential_id | x_hierarchy_entity_id
                2024-03-31 | openai    | gpt-4o            | input_tokens  | 1000000  | cred-a          | DEPT-ENG
                2024-03-31 | openai    | gpt-4o            | output_tokens | 250000   | cred-a          | DEPT-ENG
                2024-03-31 | anthropic | claude-3-5-sonnet | input_tokens  | 777      | cred-b          | PROJ-X
                2024-03-31 | openai    | gpt-4o-mini       | input_tokens  | 1        | cred-b          | NULL
                """),
            FixtureTable(
                "acme_prod.genai_payg_costs_daily", defaults: Defaults.loaded(runDate: "2024-03-31"),
                """
                # rows of earlier runs
                cost_date  | provider | model  | usage_key    | quantity | unit_price_usd | list_cost_usd | x_credential_id | x_pipeline_id | x_pipeline_run_date | x_run_id
                2024-03-31 | openai   | gpt-4o | input_tokens | 1        | 2.25           | 0.00000225    | cred-a          | pipe_diff     | 2024-03-31          | stale-a
                2024-03-31 | openai   | gpt-4o | input_tokens | 2        | 2.25           | 0.0000045     | cred-a          | pipe_diff     | 2024-03-30          | other-run-date
                2024-03-31 | openai   | gpt-4o | input_tokens | 3        | 2.25           | 0.00000675    | cred-a          | other_pipe    | 2024-03-31          | other-pipe
                2024-03-30 | openai   | gpt-4o | input_tokens | 4        | NULL           | 0.000009      | cred-a          | pipe_diff     | 2024-03-30          | other-day
                2024-03-31 | openai   | gpt-4o | input_tokens | 5        | 2.25           | 0.00001125    | cred-b          | pipe_diff     | 2024-03-31          | stale-b
                """),
            prices, Defaults.hierarchy,
        ],
        steps: [
            .call(["p_cost_date": "2024-03-31", "credential_id": "cred-a"]),
            .call(["p_cost_date": "2024-03-31", "credential_id": "cred-b"]),
            .rerun(of: 0),
        ])

    /// Usage of a model whose price ended the day before: the check fails in both engines and nothing changes.
    static let missingPrice = ProcedureFixture(
        procedure: procedure, name: "missing-price-fails",
        covers: [
            "usage without a price: both engines raise 'usage without a price'", "the tables stay as they were (stale row kept)",
            "the day before still had its price",
        ],
        tables: [
            FixtureTable(
                "acme_prod.genai_payg_usage_raw", defaults: Defaults.loaded(runDate: "2024-02-29"),
                """
                usage_date | provider | model         | usage_key    | quantity
                2024-02-28 | openai   | gpt-3.5-turbo | input_tokens | 1000
                2024-02-29 | openai   | gpt-4o        | input_tokens | 1000
                2024-02-29 | openai   | gpt-3.5-turbo | input_tokens | 1000
                """),
            FixtureTable(
                "acme_prod.genai_payg_costs_daily", defaults: Defaults.loaded(runDate: "2024-02-29"),
                """
                cost_date  | provider | model         | usage_key    | quantity | unit_price_usd | list_cost_usd | x_run_id
                2024-02-29 | openai   | gpt-3.5-turbo | input_tokens | 1000     | 0.5            | 0.0005        | yesterdays-run
                """),
            prices,
        ],
        steps: [
            .call(["p_cost_date": "2024-02-28"]),
            .failing(["p_cost_date": "2024-02-29"], error: "usage without a price"),
        ])
}
