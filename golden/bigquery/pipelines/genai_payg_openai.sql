-- cloudact:0.1.0:sha256:f91acbd26b35c916d5e43018540020ac4d1706e9897475432f12b6ab2f9274bd
-- Pipeline genai_payg_openai: OpenAI PAYG usage and cost
-- Run by the runtime with query parameters @org_slug @pipeline_id @credential_id @run_id @run_date and the $variables it passes.

-- step extract_usage: Load OpenAI usage
-- load file samples/{org}/openai/usage_{date}.jsonl (jsonl) into genai_payg_usage_raw; run by the runtime

-- step price_usage: Price the day's usage
CALL `cloudact-example.acme_prod.sp_genai_payg_price_usage`(@org_slug, @pipeline_id, @credential_id, @run_id, @run_date, @date);

-- step check_costs
SELECT
  'negative list cost' AS expectation,
  'warning' AS severity,
  COUNTIF(NOT COALESCE(genai_payg_costs_daily.list_cost_usd >= 0, FALSE)) AS failed_rows,
  COUNT(*) AS checked_rows
FROM `cloudact-example.acme_prod.genai_payg_costs_daily` AS genai_payg_costs_daily
WHERE genai_payg_costs_daily.cost_date = @run_date;

-- step convert_to_focus: Convert the day to FOCUS 1.3
CALL `cloudact-example.acme_prod.sp_genai_payg_to_focus`(@org_slug, @pipeline_id, @credential_id, @run_id, @run_date, @date);
