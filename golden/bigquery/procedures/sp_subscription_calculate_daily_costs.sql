CREATE OR REPLACE PROCEDURE `cloudact-example.acme_prod.sp_subscription_calculate_daily_costs`(
  _org_slug STRING,
  _pipeline_id STRING,
  _credential_id STRING,
  _run_id STRING,
  _run_date DATE,
  _p_cost_date DATE
)
OPTIONS (
  strict_mode = TRUE,
  description = 'Daily cost of every active SaaS plan for one day | cloudact:0.1.0:sha256:cf5d2c882a6ec07efaa6c75ac22289445832fd870b4284ebf5d4c1bf7e03ec8e'
)
BEGIN
  ASSERT _org_slug = 'acme'
    AS 'sp_subscription_calculate_daily_costs is compiled for tenant acme';

  ASSERT _org_slug IS NOT NULL AND _pipeline_id IS NOT NULL AND _credential_id IS NOT NULL AND _run_id IS NOT NULL AND _run_date IS NOT NULL AND _p_cost_date IS NOT NULL
    AS 'every parameter of sp_subscription_calculate_daily_costs is required';

  BEGIN TRANSACTION;

  DELETE FROM `cloudact-example.acme_prod.subscription_plan_costs_daily` AS _target
  WHERE _target.x_org_slug = _org_slug
    AND _target.x_pipeline_id = _pipeline_id
    AND _target.x_credential_id = _credential_id
    AND _target.x_pipeline_run_date = _run_date
    AND _target.cost_date = _p_cost_date;

  INSERT INTO `cloudact-example.acme_prod.subscription_plan_costs_daily` (
    cost_date,
    subscription_id,
    provider,
    plan_name,
    currency,
    cycle_start,
    cycle_end,
    cycle_cost,
    daily_cost,
    x_org_slug,
    x_pipeline_id,
    x_credential_id,
    x_pipeline_run_date,
    x_run_id,
    x_ingested_at,
    x_ingestion_date,
    x_hierarchy_entity_id,
    x_hierarchy_entity_name,
    x_hierarchy_level_code,
    x_hierarchy_path,
    x_hierarchy_path_names,
    x_subscription_provider
  )
  SELECT
    _p_cost_date AS cost_date,
    s.subscription_id AS subscription_id,
    s.provider AS provider,
    s.plan_name AS plan_name,
    s.currency AS currency,
    DATE_ADD(s.billing_anchor, INTERVAL (IF(DATE_ADD(s.billing_anchor, INTERVAL (DIV(DATE_DIFF(_p_cost_date, s.billing_anchor, MONTH), s.billing_cycle_months) * s.billing_cycle_months) MONTH) > _p_cost_date, DIV(DATE_DIFF(_p_cost_date, s.billing_anchor, MONTH), s.billing_cycle_months) - 1, DIV(DATE_DIFF(_p_cost_date, s.billing_anchor, MONTH), s.billing_cycle_months)) * s.billing_cycle_months) MONTH) AS cycle_start,
    DATE_ADD(s.billing_anchor, INTERVAL ((IF(DATE_ADD(s.billing_anchor, INTERVAL (DIV(DATE_DIFF(_p_cost_date, s.billing_anchor, MONTH), s.billing_cycle_months) * s.billing_cycle_months) MONTH) > _p_cost_date, DIV(DATE_DIFF(_p_cost_date, s.billing_anchor, MONTH), s.billing_cycle_months) - 1, DIV(DATE_DIFF(_p_cost_date, s.billing_anchor, MONTH), s.billing_cycle_months)) + 1) * s.billing_cycle_months) MONTH) AS cycle_end,
    CASE s.pricing_model WHEN 'PER_SEAT' THEN s.unit_price * COALESCE(s.seats, 0) ELSE s.unit_price END AS cycle_cost,
    CASE s.pricing_model WHEN 'PER_SEAT' THEN s.unit_price * COALESCE(s.seats, 0) ELSE s.unit_price END / DATE_DIFF(DATE_ADD(s.billing_anchor, INTERVAL ((IF(DATE_ADD(s.billing_anchor, INTERVAL (DIV(DATE_DIFF(_p_cost_date, s.billing_anchor, MONTH), s.billing_cycle_months) * s.billing_cycle_months) MONTH) > _p_cost_date, DIV(DATE_DIFF(_p_cost_date, s.billing_anchor, MONTH), s.billing_cycle_months) - 1, DIV(DATE_DIFF(_p_cost_date, s.billing_anchor, MONTH), s.billing_cycle_months)) + 1) * s.billing_cycle_months) MONTH), DATE_ADD(s.billing_anchor, INTERVAL (IF(DATE_ADD(s.billing_anchor, INTERVAL (DIV(DATE_DIFF(_p_cost_date, s.billing_anchor, MONTH), s.billing_cycle_months) * s.billing_cycle_months) MONTH) > _p_cost_date, DIV(DATE_DIFF(_p_cost_date, s.billing_anchor, MONTH), s.billing_cycle_months) - 1, DIV(DATE_DIFF(_p_cost_date, s.billing_anchor, MONTH), s.billing_cycle_months)) * s.billing_cycle_months) MONTH), DAY) AS daily_cost,
    _org_slug AS x_org_slug,
    _pipeline_id AS x_pipeline_id,
    _credential_id AS x_credential_id,
    _run_date AS x_pipeline_run_date,
    _run_id AS x_run_id,
    CURRENT_TIMESTAMP() AS x_ingested_at,
    CURRENT_DATE() AS x_ingestion_date,
    _hierarchy.entity_id AS x_hierarchy_entity_id,
    _hierarchy.entity_name AS x_hierarchy_entity_name,
    _hierarchy.level_code AS x_hierarchy_level_code,
    _hierarchy.path AS x_hierarchy_path,
    _hierarchy.path_names AS x_hierarchy_path_names,
    s.provider AS x_subscription_provider
  FROM `cloudact-example.acme_prod.subscription_plans` AS s
  LEFT JOIN `cloudact-example.organizations.org_hierarchy` AS _hierarchy
    ON _hierarchy.org_slug = _org_slug
      AND _hierarchy.entity_id = s.x_hierarchy_entity_id
      AND _hierarchy.end_date IS NULL
  WHERE s.start_date <= _p_cost_date
    AND (s.end_date IS NULL OR _p_cost_date <= s.end_date)
    AND s.billing_anchor <= _p_cost_date
    AND s.x_credential_id = _credential_id
    AND s.x_pipeline_run_date = _run_date;

  COMMIT TRANSACTION;
END;
