CREATE TABLE IF NOT EXISTS `cloudact-example.acme_prod.subscription_plans` (
  subscription_id STRING NOT NULL,
  provider STRING NOT NULL,
  plan_name STRING NOT NULL,
  pricing_model STRING NOT NULL OPTIONS (description = 'PER_SEAT or FLAT'),
  unit_price BIGNUMERIC NOT NULL OPTIONS (description = 'price per cycle (per seat for PER_SEAT)'),
  seats INT64,
  currency STRING NOT NULL,
  billing_anchor DATE NOT NULL OPTIONS (description = 'the first day of the first billing cycle'),
  billing_cycle_months INT64 NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE OPTIONS (description = 'last day of service; NULL while active'),
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
CLUSTER BY provider, subscription_id
OPTIONS (
  description = 'SaaS subscriptions with their price, seats and billing cycle | cloudact:0.1.0:sha256:2efd24cabdda3a35ebc4394a8899939cf8307d174c9a0a7d449714ab41ff961d'
);
