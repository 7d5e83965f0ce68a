CREATE TABLE IF NOT EXISTS `cloudact-example.organizations.genai_payg_pricing` (
  provider STRING NOT NULL,
  model_id STRING NOT NULL,
  pricing_variant STRING NOT NULL OPTIONS (description = 'standard, batch, priority, ...'),
  usage_key STRING NOT NULL,
  per_units INT64 NOT NULL OPTIONS (description = 'the unit price is per this many units (1000000 for per-MTok)'),
  unit_price_usd BIGNUMERIC NOT NULL,
  effective_from DATE NOT NULL,
  effective_to DATE OPTIONS (description = 'exclusive; NULL while the price is current'),
  source STRING OPTIONS (description = 'provenance of the price')
)
CLUSTER BY provider, model_id, usage_key
OPTIONS (
  description = 'Unit prices per provider, model and usage key, with validity dates | cloudact:0.1.0:sha256:6fba17dadeefc726712e4b8f1ce7bbc1b3eac9e8d5378523f80a06748be41cdd'
);
