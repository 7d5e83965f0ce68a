CREATE TABLE IF NOT EXISTS `cloudact-example.acme_prod.genai_payg_usage_raw` (
  usage_date DATE NOT NULL,
  provider STRING NOT NULL,
  model STRING NOT NULL,
  region STRING OPTIONS (description = 'provider region; NULL means global'),
  usage_key STRING NOT NULL OPTIONS (description = 'uncached_input_tokens, cache_read_tokens, output_tokens, ...'),
  quantity INT64 NOT NULL,
  request_count INT64,
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
PARTITION BY usage_date
CLUSTER BY provider, model
OPTIONS (
  description = 'Pay-as-you-go GenAI usage by day, provider, model and usage key | cloudact:0.1.0:sha256:66e0e8dee5e18df624be38ce02083955b5bebe3c56795fb908942c0c4d6f0bb1'
);
