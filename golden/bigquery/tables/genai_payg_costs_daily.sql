CREATE TABLE IF NOT EXISTS `cloudact-example.acme_prod.genai_payg_costs_daily` (
  cost_date DATE NOT NULL,
  provider STRING NOT NULL,
  model STRING NOT NULL,
  usage_key STRING NOT NULL,
  quantity INT64 NOT NULL,
  unit_price_usd BIGNUMERIC,
  list_cost_usd BIGNUMERIC NOT NULL,
  x_org_slug STRING NOT NULL,
  x_pipeline_id STRING NOT NULL,
  x_credential_id STRING NOT NULL,
  x_pipeline_run_date DATE NOT NULL,
  x_run_id STRING NOT NULL,
  x_ingested_at TIMESTAMP NOT NULL,
  x_ingestion_date DATE NOT NULL,
  x_hierarchy_entity_id STRING,
  x_hierarchy_entity_name STRING,
  x_hierarchy_level_code STRING,
  x_hierarchy_path STRING,
  x_hierarchy_path_names STRING,
  x_genai_provider STRING,
  x_genai_account_id STRING
)
PARTITION BY cost_date
CLUSTER BY provider, model
OPTIONS (
  description = 'Priced pay-as-you-go GenAI usage by day | cloudact:0.1.0:sha256:6101c68ef4df0fe327545a9131711d7c6b6053f8e16f9b92c17e7201a40b671d',
  require_partition_filter = TRUE
);
