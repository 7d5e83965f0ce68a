CREATE OR REPLACE PROCEDURE `cloudact-example.acme_prod.sp_genai_payg_to_focus`(
  _org_slug STRING,
  _pipeline_id STRING,
  _credential_id STRING,
  _run_id STRING,
  _run_date DATE,
  _p_cost_date DATE
)
OPTIONS (
  strict_mode = TRUE,
  description = 'Convert a day of priced GenAI PAYG usage into FOCUS 1.3 | cloudact:0.1.0:sha256:b05b7ac2344e101905c952da7f0dd87981ff98aca05be07e3b42fc1419d1deb7'
)
BEGIN
  ASSERT _org_slug = 'acme'
    AS 'sp_genai_payg_to_focus is compiled for tenant acme';

  ASSERT _org_slug IS NOT NULL AND _pipeline_id IS NOT NULL AND _credential_id IS NOT NULL AND _run_id IS NOT NULL AND _run_date IS NOT NULL AND _p_cost_date IS NOT NULL
    AS 'every parameter of sp_genai_payg_to_focus is required';

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
    ConsumedQuantity,
    ConsumedUnit,
    ContractedCost,
    EffectiveCost,
    HostProviderName,
    InvoiceIssuerName,
    ListCost,
    PricingCategory,
    PricingQuantity,
    PricingUnit,
    ProviderName,
    PublisherName,
    ServiceCategory,
    ServiceName,
    ServiceProviderName,
    ServiceSubcategory,
    SkuId,
    SkuMeter,
    SubAccountId,
    Tags,
    x_source_system,
    x_genai_usage_key,
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
    c.list_cost_usd AS BilledCost,
    c.x_credential_id AS BillingAccountId,
    NULL AS BillingAccountName,
    'USD' AS BillingCurrency,
    TIMESTAMP(DATE_ADD(DATE_TRUNC(c.cost_date, MONTH), INTERVAL 1 MONTH)) AS BillingPeriodEnd,
    TIMESTAMP(DATE_TRUNC(c.cost_date, MONTH)) AS BillingPeriodStart,
    'Usage' AS ChargeCategory,
    NULL AS ChargeClass,
    CONCAT(c.model, ' ', c.usage_key) AS ChargeDescription,
    'Usage-Based' AS ChargeFrequency,
    TIMESTAMP(DATE_ADD(c.cost_date, INTERVAL 1 DAY)) AS ChargePeriodEnd,
    TIMESTAMP(c.cost_date) AS ChargePeriodStart,
    c.quantity AS ConsumedQuantity,
    'Tokens' AS ConsumedUnit,
    c.list_cost_usd AS ContractedCost,
    c.list_cost_usd AS EffectiveCost,
    CASE c.provider WHEN 'openai' THEN 'OpenAI' WHEN 'anthropic' THEN 'Anthropic' WHEN 'gemini' THEN 'Google' WHEN 'deepseek' THEN 'DeepSeek' ELSE c.provider END AS HostProviderName,
    CASE c.provider WHEN 'openai' THEN 'OpenAI' WHEN 'anthropic' THEN 'Anthropic' WHEN 'gemini' THEN 'Google' WHEN 'deepseek' THEN 'DeepSeek' ELSE c.provider END AS InvoiceIssuerName,
    c.list_cost_usd AS ListCost,
    'Standard' AS PricingCategory,
    c.quantity AS PricingQuantity,
    'Tokens' AS PricingUnit,
    CASE c.provider WHEN 'openai' THEN 'OpenAI' WHEN 'anthropic' THEN 'Anthropic' WHEN 'gemini' THEN 'Google' WHEN 'deepseek' THEN 'DeepSeek' ELSE c.provider END AS ProviderName,
    CASE c.provider WHEN 'openai' THEN 'OpenAI' WHEN 'anthropic' THEN 'Anthropic' WHEN 'gemini' THEN 'Google' WHEN 'deepseek' THEN 'DeepSeek' ELSE c.provider END AS PublisherName,
    'AI and Machine Learning' AS ServiceCategory,
    CONCAT(CASE c.provider WHEN 'openai' THEN 'OpenAI' WHEN 'anthropic' THEN 'Anthropic' WHEN 'gemini' THEN 'Google' WHEN 'deepseek' THEN 'DeepSeek' ELSE c.provider END, ' API') AS ServiceName,
    CASE c.provider WHEN 'openai' THEN 'OpenAI' WHEN 'anthropic' THEN 'Anthropic' WHEN 'gemini' THEN 'Google' WHEN 'deepseek' THEN 'DeepSeek' ELSE c.provider END AS ServiceProviderName,
    'Generative AI' AS ServiceSubcategory,
    c.model AS SkuId,
    c.usage_key AS SkuMeter,
    c.x_credential_id AS SubAccountId,
    JSON_OBJECT('provider', c.provider, 'model', c.model) AS Tags,
    'genai_payg_costs_daily' AS x_source_system,
    c.usage_key AS x_genai_usage_key,
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
    _hierarchy.path_names AS x_hierarchy_path_names
  FROM `cloudact-example.acme_prod.genai_payg_costs_daily` AS c
  LEFT JOIN `cloudact-example.organizations.org_hierarchy` AS _hierarchy
    ON _hierarchy.org_slug = _org_slug
      AND _hierarchy.entity_id = c.x_hierarchy_entity_id
      AND _hierarchy.end_date IS NULL
  WHERE c.cost_date = _p_cost_date
    AND c.x_credential_id = _credential_id
    AND c.x_pipeline_id = _pipeline_id;

  COMMIT TRANSACTION;
END;
