-- cloudact:0.1.0:sha256:296495d411bc6cc8f61ce0b37a44293fe18c141063aedd009b4a7067994a3f1d
-- Pipeline subscription_costs: SaaS subscription daily costs
-- Run by the runtime with query parameters @org_slug @pipeline_id @credential_id @run_id @run_date and the $variables it passes.

-- step load_plans
-- load file samples/{org}/subscriptions/plans.csv (csv) into subscription_plans; run by the runtime

-- step daily_costs
CALL `cloudact-example.acme_prod.sp_subscription_calculate_daily_costs`(@org_slug, @pipeline_id, @credential_id, @run_id, @run_date, @date);

-- step check_daily_costs
SELECT
  'negative daily cost' AS expectation,
  'error' AS severity,
  COUNTIF(NOT COALESCE(subscription_plan_costs_daily.daily_cost >= 0, FALSE)) AS failed_rows,
  COUNT(*) AS checked_rows
FROM `cloudact-example.acme_prod.subscription_plan_costs_daily` AS subscription_plan_costs_daily
WHERE subscription_plan_costs_daily.cost_date = @run_date
UNION ALL
SELECT
  'empty billing cycle' AS expectation,
  'error' AS severity,
  COUNTIF(NOT COALESCE(subscription_plan_costs_daily.cycle_end > subscription_plan_costs_daily.cycle_start, FALSE)) AS failed_rows,
  COUNT(*) AS checked_rows
FROM `cloudact-example.acme_prod.subscription_plan_costs_daily` AS subscription_plan_costs_daily
WHERE subscription_plan_costs_daily.cost_date = @run_date;

-- step convert_to_focus
CALL `cloudact-example.acme_prod.sp_subscription_to_focus`(@org_slug, @pipeline_id, @credential_id, @run_id, @run_date, @date);
