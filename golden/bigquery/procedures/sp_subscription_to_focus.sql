CREATE OR REPLACE PROCEDURE `cloudact-example.acme_prod.sp_subscription_to_focus`(
  _org_slug STRING,
  _pipeline_id STRING,
  _credential_id STRING,
  _run_id STRING,
  _run_date DATE,
  _p_cost_date DATE
)
OPTIONS (
  strict_mode = TRUE,
  description = 'Convert a day of SaaS subscription costs into FOCUS 1.3 | cloudact:0.1.0:sha256:6fedbe347fef50d2c6c64901a8fbaaaa8d8e1a782d483801ae5abc98877c0ecf'
)
BEGIN
  ASSERT _org_slug = 'acme'
    AS 'sp_subscription_to_focus is compiled for tenant acme';

  ASSERT _org_slug IS NOT NULL AND _pipeline_id IS NOT NULL AND _credential_id IS NOT NULL AND _run_id IS NOT NULL AND _run_date IS NOT NULL AND _p_cost_date IS NOT NULL
    AS 'every parameter of sp_subscription_to_focus is required';

  BEGIN TRANSACTION;

  DELETE FROM `cloudact-example.acme_prod.cost_data_standard_1_3` AS _target
  WHERE _target.x_org_slug = _org_slug
    AND _target.x_pipeline_id = _pipeline_id
    AND _target.x_credential_id = _credential_id
    AND _target.x_pipeline_run_date = _run_date
    AND _target.ChargePeriodStart >= TIMESTAMP(_p_cost_date)
    AND _target.ChargePeriodStart < TIMESTAMP(DATE_ADD(_p_cost_date, INTERVAL 1 DAY));

  INSERT INTO `cloudact-example.acme_prod.cost_data_standard_1_3` (
    BilledCost,
    BillingAccountId,
    BillingAccountName,
    BillingCurrency,
    BillingPeriodEnd,
    BillingPeriodStart,
    ChargeCategory,
    ChargeClass,
    ChargeDescription,
    ChargeFrequency,
    ChargePeriodEnd,
    ChargePeriodStart,
    ContractedCost,
    EffectiveCost,
    HostProviderName,
    InvoiceIssuerName,
    ListCost,
    PricingQuantity,
    PricingUnit,
    ProviderName,
    PublisherName,
    ServiceCategory,
    ServiceName,
    ServiceProviderName,
    ServiceSubcategory,
    SkuId,
    SubAccountId,
    Tags,
    x_source_system,
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
    x_hierarchy_path_names
  )
  SELECT
    c.daily_cost AS BilledCost,
    c.x_credential_id AS BillingAccountId,
    NULL AS BillingAccountName,
    c.currency AS BillingCurrency,
    TIMESTAMP(DATE_ADD(DATE_TRUNC(c.cost_date, MONTH), INTERVAL 1 MONTH)) AS BillingPeriodEnd,
    TIMESTAMP(DATE_TRUNC(c.cost_date, MONTH)) AS BillingPeriodStart,
    'Purchase' AS ChargeCategory,
    NULL AS ChargeClass,
    CONCAT(c.plan_name, ' (', c.subscription_id, ')') AS ChargeDescription,
    'Recurring' AS ChargeFrequency,
    TIMESTAMP(DATE_ADD(c.cost_date, INTERVAL 1 DAY)) AS ChargePeriodEnd,
    TIMESTAMP(c.cost_date) AS ChargePeriodStart,
    c.daily_cost AS ContractedCost,
    c.daily_cost AS EffectiveCost,
    c.provider AS HostProviderName,
    c.provider AS InvoiceIssuerName,
    c.daily_cost AS ListCost,
    NULL AS PricingQuantity,
    NULL AS PricingUnit,
    c.provider AS ProviderName,
    c.provider AS PublisherName,
    'Business Applications' AS ServiceCategory,
    c.plan_name AS ServiceName,
    c.provider AS ServiceProviderName,
    'Productivity and Collaboration' AS ServiceSubcategory,
    c.subscription_id AS SkuId,
    c.x_credential_id AS SubAccountId,
    JSON_OBJECT('subscription_id', c.subscription_id, 'cycle_start', FORMAT_DATE('%F', c.cycle_start)) AS Tags,
    'subscription_plan_costs_daily' AS x_source_system,
    _org_slug AS x_org_slug,
    _pipeline_id AS x_pipeline_id,
    _credential_id AS x_credential_id,
    _run_date AS x_pipeline_run_date,
    _run_id AS x_run_id,
    CURRENT_TIMESTAMP() AS x_ingested_at,
    CURRENT_DATE() AS x_ingestion_date,
    c.x_hierarchy_entity_id AS x_hierarchy_entity_id,
    c.x_hierarchy_entity_name AS x_hierarchy_entity_name,
    c.x_hierarchy_level_code AS x_hierarchy_level_code,
    c.x_hierarchy_path AS x_hierarchy_path,
    c.x_hierarchy_path_names AS x_hierarchy_path_names
  FROM `cloudact-example.acme_prod.subscription_plan_costs_daily` AS c
  WHERE c.cost_date = _p_cost_date
    AND c.x_credential_id = _credential_id
    AND c.x_pipeline_id = _pipeline_id;

  COMMIT TRANSACTION;
END;
