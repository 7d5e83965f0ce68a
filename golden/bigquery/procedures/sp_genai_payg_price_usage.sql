CREATE OR REPLACE PROCEDURE `cloudact-example.acme_prod.sp_genai_payg_price_usage`(
  _org_slug STRING,
  _pipeline_id STRING,
  _credential_id STRING,
  _run_id STRING,
  _run_date DATE,
  _p_cost_date DATE
)
OPTIONS (
  strict_mode = TRUE,
  description = 'Join a day of raw usage to the price valid on that day | cloudact:0.1.0:sha256:b1ce891bba418d6fae8f0ce5bd096c1864f387d28a60f33f7b82a2257a4427fd'
)
BEGIN
  ASSERT _org_slug = 'acme'
    AS 'sp_genai_payg_price_usage is compiled for tenant acme';

  ASSERT _org_slug IS NOT NULL AND _pipeline_id IS NOT NULL AND _credential_id IS NOT NULL AND _run_id IS NOT NULL AND _run_date IS NOT NULL AND _p_cost_date IS NOT NULL
    AS 'every parameter of sp_genai_payg_price_usage is required';

  BEGIN TRANSACTION;

  ASSERT NOT EXISTS (
    SELECT
      1
    FROM `cloudact-example.acme_prod.genai_payg_usage_raw` AS u
    LEFT JOIN `cloudact-example.organizations.genai_payg_pricing` AS p
      ON p.provider = u.provider
        AND p.model_id = u.model
        AND p.usage_key = u.usage_key
        AND p.pricing_variant = 'standard'
        AND p.effective_from <= u.usage_date
        AND (p.effective_to IS NULL OR u.usage_date < p.effective_to)
    WHERE u.usage_date = _p_cost_date
      AND u.x_credential_id = _credential_id
      AND u.x_pipeline_id = _pipeline_id
      AND NOT COALESCE(p.unit_price_usd IS NOT NULL, FALSE)
  ) AS 'usage without a price';

  DELETE FROM `cloudact-example.acme_prod.genai_payg_costs_daily` AS _target
  WHERE _target.x_org_slug = _org_slug
    AND _target.x_pipeline_id = _pipeline_id
    AND _target.x_credential_id = _credential_id
    AND _target.x_pipeline_run_date = _run_date
    AND _target.cost_date = _p_cost_date;

  INSERT INTO `cloudact-example.acme_prod.genai_payg_costs_daily` (
    cost_date,
    provider,
    model,
    usage_key,
    quantity,
    unit_price_usd,
    list_cost_usd,
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
    x_genai_provider,
    x_genai_account_id
  )
  SELECT
    _aggregate.cost_date AS cost_date,
    _aggregate.provider AS provider,
    _aggregate.model AS model,
    _aggregate.usage_key AS usage_key,
    _aggregate.quantity AS quantity,
    _aggregate.unit_price_usd AS unit_price_usd,
    _aggregate.list_cost_usd AS list_cost_usd,
    _aggregate.x_org_slug AS x_org_slug,
    _aggregate.x_pipeline_id AS x_pipeline_id,
    _aggregate.x_credential_id AS x_credential_id,
    _aggregate.x_pipeline_run_date AS x_pipeline_run_date,
    _aggregate.x_run_id AS x_run_id,
    _aggregate.x_ingested_at AS x_ingested_at,
    _aggregate.x_ingestion_date AS x_ingestion_date,
    _hierarchy.entity_id AS x_hierarchy_entity_id,
    _hierarchy.entity_name AS x_hierarchy_entity_name,
    _hierarchy.level_code AS x_hierarchy_level_code,
    _hierarchy.path AS x_hierarchy_path,
    _hierarchy.path_names AS x_hierarchy_path_names,
    _aggregate.x_genai_provider AS x_genai_provider,
    _aggregate.x_genai_account_id AS x_genai_account_id
  FROM (
    SELECT
      u.usage_date AS cost_date,
      u.provider AS provider,
      u.model AS model,
      u.usage_key AS usage_key,
      SUM(u.quantity) AS quantity,
      p.unit_price_usd AS unit_price_usd,
      SUM(u.quantity) * p.unit_price_usd / p.per_units AS list_cost_usd,
      _org_slug AS x_org_slug,
      _pipeline_id AS x_pipeline_id,
      _credential_id AS x_credential_id,
      _run_date AS x_pipeline_run_date,
      _run_id AS x_run_id,
      CURRENT_TIMESTAMP() AS x_ingested_at,
      CURRENT_DATE() AS x_ingestion_date,
      u.provider AS x_genai_provider,
      u.x_genai_account_id AS x_genai_account_id,
      u.x_hierarchy_entity_id AS _hierarchy_entity_id
    FROM `cloudact-example.acme_prod.genai_payg_usage_raw` AS u
    LEFT JOIN `cloudact-example.organizations.genai_payg_pricing` AS p
      ON p.provider = u.provider
        AND p.model_id = u.model
        AND p.usage_key = u.usage_key
        AND p.pricing_variant = 'standard'
        AND p.effective_from <= u.usage_date
        AND (p.effective_to IS NULL OR u.usage_date < p.effective_to)
    WHERE u.usage_date = _p_cost_date
      AND u.x_credential_id = _credential_id
      AND u.x_pipeline_id = _pipeline_id
    GROUP BY
      u.x_genai_account_id,
      u.model,
      u.usage_key,
      u.provider,
      u.x_hierarchy_entity_id,
      u.usage_date,
      p.unit_price_usd,
      p.per_units
  ) AS _aggregate
  LEFT JOIN `cloudact-example.organizations.org_hierarchy` AS _hierarchy
    ON _hierarchy.org_slug = _org_slug
      AND _hierarchy.entity_id = _aggregate._hierarchy_entity_id
      AND _hierarchy.end_date IS NULL;

  COMMIT TRANSACTION;
END;
