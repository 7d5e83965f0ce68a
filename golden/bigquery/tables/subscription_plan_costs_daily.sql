CREATE TABLE IF NOT EXISTS `cloudact-example.acme_prod.subscription_plan_costs_daily` (
  cost_date DATE NOT NULL,
  subscription_id STRING NOT NULL,
  provider STRING NOT NULL,
  plan_name STRING NOT NULL,
  currency STRING NOT NULL,
  cycle_start DATE NOT NULL,
  cycle_end DATE NOT NULL OPTIONS (description = 'exclusive'),
  cycle_cost BIGNUMERIC NOT NULL,
  daily_cost BIGNUMERIC NOT NULL,
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
  x_subscription_provider STRING
)
PARTITION BY cost_date
CLUSTER BY provider, subscription_id
OPTIONS (
  description = 'Daily amortised SaaS subscription costs | cloudact:0.1.0:sha256:61d5f29dccb933e33b2d1887e24a9bedab534a5ff97f5a29dc9ef5ab6bc06e33'
);
