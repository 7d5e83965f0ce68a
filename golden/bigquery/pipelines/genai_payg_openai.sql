-- cloudact:0.1.0:sha256:343959a0aa15b364b15bb74c0997780b7d38aaea9bba40ee18b07da72aa7777b
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
