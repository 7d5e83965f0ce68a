/// The runtime's own central tables in `organizations`: deployed objects, the run ledger, data-quality results
/// and quota leases. Created (if missing) whenever a local warehouse is opened.
enum LedgerSchema {
    static let sql = """
        CREATE TABLE IF NOT EXISTS organizations.cloudact_objects (
          dataset TEXT NOT NULL,
          name TEXT NOT NULL,
          kind TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          sql TEXT NOT NULL,
          parameters TEXT NOT NULL,
          deployed_at TEXT NOT NULL,
          PRIMARY KEY (dataset, name, kind)
        ) STRICT;

        CREATE TABLE IF NOT EXISTS organizations.org_meta_pipeline_runs (
          run_id TEXT PRIMARY KEY,
          org_slug TEXT NOT NULL,
          pipeline_id TEXT NOT NULL,
          credential_id TEXT NOT NULL,
          data_date TEXT NOT NULL,
          status TEXT NOT NULL,
          trigger TEXT NOT NULL,
          started_at TEXT,
          finished_at TEXT,
          duration_ms INTEGER,
          error_class TEXT,
          error_message TEXT,
          created_at TEXT NOT NULL
        ) STRICT;

        CREATE INDEX IF NOT EXISTS organizations.org_meta_pipeline_runs__key
          ON org_meta_pipeline_runs (org_slug, pipeline_id, data_date, status);

        CREATE TABLE IF NOT EXISTS organizations.org_meta_step_logs (
          run_id TEXT NOT NULL,
          step_id TEXT NOT NULL,
          status TEXT NOT NULL,
          attempts INTEGER NOT NULL,
          started_at TEXT,
          finished_at TEXT,
          duration_ms INTEGER,
          rows_written INTEGER,
          error_class TEXT,
          error_message TEXT,
          PRIMARY KEY (run_id, step_id)
        ) STRICT;

        CREATE TABLE IF NOT EXISTS organizations.org_meta_state_transitions (
          run_id TEXT NOT NULL,
          step_id TEXT,
          from_status TEXT,
          to_status TEXT NOT NULL,
          at TEXT NOT NULL,
          attempt INTEGER,
          error_class TEXT,
          error_message TEXT,
          sequence INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE IF NOT EXISTS organizations.org_meta_dq_results (
          run_id TEXT NOT NULL,
          org_slug TEXT NOT NULL,
          pipeline_id TEXT NOT NULL,
          step_id TEXT NOT NULL,
          table_name TEXT NOT NULL,
          expectation TEXT NOT NULL,
          severity TEXT NOT NULL,
          failed_rows INTEGER NOT NULL,
          checked_rows INTEGER NOT NULL,
          passed INTEGER NOT NULL,
          checked_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE IF NOT EXISTS organizations.org_meta_quota_leases (
          lease_id TEXT PRIMARY KEY,
          org_slug TEXT NOT NULL,
          run_id TEXT NOT NULL,
          acquired_at TEXT NOT NULL,
          expires_at TEXT NOT NULL,
          released_at TEXT
        ) STRICT;

        CREATE TABLE IF NOT EXISTS organizations.org_plans (
          org_slug TEXT PRIMARY KEY,
          plan TEXT NOT NULL
        ) STRICT;
        """
}
