CREATE TABLE IF NOT EXISTS `cloudact-example.organizations.org_hierarchy` (
  org_slug STRING NOT NULL,
  entity_id STRING NOT NULL,
  entity_name STRING NOT NULL,
  level_code STRING NOT NULL OPTIONS (description = 'DEPT, PROJ, TEAM, ...'),
  path STRING NOT NULL OPTIONS (description = 'entity ids from the root, \'/\'-separated'),
  path_names STRING NOT NULL OPTIONS (description = 'entity names from the root, \' > \'-separated'),
  start_date DATE NOT NULL,
  end_date DATE OPTIONS (description = 'NULL for the current row')
)
CLUSTER BY org_slug, entity_id
OPTIONS (
  description = 'Hierarchy entities per tenant, with validity dates | cloudact:0.1.0:sha256:dba3431004119897f15a998aa063352ba3edff3aa03a44660f60fc00b9b5531d'
);
