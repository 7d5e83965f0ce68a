import Compiler
import PipelineDSL
import Testing
import TestSupport

/// Small table definitions for the expression and pass diagnostic tests, independent of the example project.
///
/// - `raw`: a partitioned (usage_date) tenant table with one column of every type, lineage and hierarchy.
/// - `events`: partitioned by a TIMESTAMP column.
/// - `costs`: a partitioned replace target with lineage and hierarchy.
/// - `numbers`: a partitioned target with lineage only and one column of every type.
/// - `accounts`: an unpartitioned merge target with lineage.
/// - `audit_log`: no lineage, no partition (append only).
/// - `pricing`: a central price list without an org column.
/// - `tenant_quotas`: a central table holding every tenant's rows (`org_slug`).
/// - `tenant_runs`: a central table with the lineage fields (`x_org_slug`).
/// - `focus_costs`: a `standard: focus-1.3` table with lineage and hierarchy, partitioned by ChargePeriodStart.
/// - `org_hierarchy`: as in tables/org_hierarchy.yaml.
enum Fixtures {
    static let tables: [SourceFile] = [
        SourceFile(
            path: "tables/raw.yaml",
            text: """
                table: raw
                scope: org
                partition: usage_date
                cluster: [provider]
                fields: [lineage, hierarchy]
                columns:
                  usage_date: { type: DATE, required: true }
                  provider: { type: STRING, required: true }
                  model: { type: STRING, required: true }
                  usage_key: STRING
                  quantity: { type: INT64, required: true }
                  amount: NUMERIC
                  price: BIGNUMERIC
                  ratio: FLOAT64
                  is_batch: BOOL
                  seen_at: TIMESTAMP
                  attributes: JSON
                  region: STRING

                """),
        SourceFile(
            path: "tables/events.yaml",
            text: """
                table: events
                partition: event_ts
                fields: [lineage]
                columns:
                  event_ts: { type: TIMESTAMP, required: true }
                  provider: { type: STRING, required: true }
                  quantity: INT64

                """),
        SourceFile(
            path: "tables/costs.yaml",
            text: """
                table: costs
                partition: cost_date
                fields: [lineage, hierarchy]
                columns:
                  cost_date: { type: DATE, required: true }
                  provider: { type: STRING, required: true }
                  model: STRING
                  quantity: INT64
                  cost: BIGNUMERIC

                """),
        SourceFile(
            path: "tables/numbers.yaml",
            text: """
                table: numbers
                partition: day
                fields: [lineage]
                columns:
                  day: { type: DATE, required: true }
                  i: INT64
                  n: NUMERIC
                  b: BIGNUMERIC
                  f: FLOAT64
                  s: STRING
                  d: DATE
                  t: TIMESTAMP
                  flag: BOOL
                  doc: JSON

                """),
        SourceFile(
            path: "tables/accounts.yaml",
            text: """
                table: accounts
                fields: [lineage]
                columns:
                  account_id: { type: STRING, required: true }
                  provider: STRING
                  last_seen: DATE

                """),
        SourceFile(
            path: "tables/audit_log.yaml",
            text: """
                table: audit_log
                columns:
                  provider: STRING
                  note: STRING
                  logged_on: DATE

                """),
        SourceFile(
            path: "tables/pricing.yaml",
            text: """
                table: pricing
                scope: central
                columns:
                  provider: { type: STRING, required: true }
                  model_id: { type: STRING, required: true }
                  unit_price: { type: BIGNUMERIC, required: true }
                  per_units: { type: INT64, required: true }
                  effective_from: { type: DATE, required: true }
                  effective_to: DATE

                """),
        SourceFile(
            path: "tables/tenant_quotas.yaml",
            text: """
                table: tenant_quotas
                scope: central
                columns:
                  org_slug: { type: STRING, required: true }
                  provider: STRING
                  daily_limit: INT64

                """),
        SourceFile(
            path: "tables/tenant_runs.yaml",
            text: """
                table: tenant_runs
                scope: central
                fields: [lineage]
                columns:
                  provider: STRING
                  rows_written: INT64

                """),
        SourceFile(
            path: "tables/focus_costs.yaml",
            text: """
                table: focus_costs
                standard: focus-1.3
                partition: ChargePeriodStart
                fields: [lineage, hierarchy]
                columns:
                  x_source: STRING

                """),
        SourceFile(
            path: "tables/org_hierarchy.yaml",
            text: """
                # The organisation hierarchy of every tenant (departments, projects, teams), maintained by the platform.
                # Writes that declare `hierarchy: { entity_id: … }` join the tenant's current rows (end_date IS NULL).
                table: org_hierarchy
                description: Hierarchy entities per tenant, with validity dates
                scope: central
                cluster: [org_slug, entity_id]
                columns:
                  org_slug: { type: STRING, required: true }
                  entity_id: { type: STRING, required: true }
                  entity_name: { type: STRING, required: true }
                  level_code: { type: STRING, required: true, description: "DEPT, PROJ, TEAM, ..." }
                  path: { type: STRING, required: true, description: "entity ids from the root, '/'-separated" }
                  path_names: { type: STRING, required: true, description: "entity names from the root, ' > '-separated" }
                  start_date: { type: DATE, required: true }
                  end_date: { type: DATE, description: "NULL for the current row" }

                """),
    ]

    /// Validates one marked file against the fixture tables.
    static func validate(_ source: MarkedSource, path: String = "procedures/t.yaml") -> ValidationResult {
        Compiler.validate([SourceFile(path: path, text: source.text)], context: tables)
    }

    /// Indents every line of `lines` by `spaces` (markers included), for splicing into a YAML template.
    static func indent(_ lines: String, _ spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return lines.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }

    /// Indents every line of `text` but the first by `spaces` (a block scalar's lines under its key).
    static func indentContinuation(_ text: String, _ spaces: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return ([String(lines[0])] + lines.dropFirst().map { String(repeating: " ", count: spaces) + $0 }).joined(separator: "\n")
    }

    /// A procedure with one replace write of one day of `raw r` into `numbers`; `select` lines are added after
    /// `day: r.usage_date`.
    static func numbersWrite(
        _ select: String, where filter: String = "r.usage_date = @run_date", params: String? = nil, extra: String = ""
    ) -> String {
        """
        procedure: sp_t
        \(params.map { "params: { \($0) }\n" } ?? "")writes:
          - into: numbers
            from: raw r
            where: \(indentContinuation(filter, 4))
            select:
              day: r.usage_date
        \(indent(select, 6))
        \(extra.isEmpty ? "" : indent(extra, 4) + "\n")
        """
    }

    /// The Mandatory FOCUS 1.3 columns with a valid expression each, from `raw r`.
    static let focusMandatory: [(column: String, expression: String)] = [
        ("BilledCost", "r.price"),
        ("BillingAccountId", "r.provider"),
        ("BillingAccountName", "r.provider"),
        ("BillingCurrency", "\"'USD'\""),
        ("BillingPeriodEnd", "TIMESTAMP(LAST_DAY(r.usage_date))"),
        ("BillingPeriodStart", "TIMESTAMP(DATE_TRUNC(r.usage_date, MONTH))"),
        ("ChargeCategory", "\"'Usage'\""),
        ("ChargeClass", "NULL"),
        ("ChargeDescription", "r.model"),
        ("ChargePeriodEnd", "TIMESTAMP(DATE_ADD(r.usage_date, INTERVAL 1 DAY))"),
        ("ChargePeriodStart", "TIMESTAMP(r.usage_date)"),
        ("ContractedCost", "r.price"),
        ("EffectiveCost", "r.price"),
        ("HostProviderName", "r.provider"),
        ("InvoiceIssuerName", "r.provider"),
        ("ListCost", "r.price"),
        ("PricingQuantity", "r.quantity"),
        ("PricingUnit", "\"'Tokens'\""),
        ("ProviderName", "r.provider"),
        ("PublisherName", "r.provider"),
        ("ServiceCategory", "\"'AI and Machine Learning'\""),
        ("ServiceName", "r.model"),
        ("ServiceProviderName", "r.provider"),
    ]

    /// A procedure writing one day of `raw r` into `focus_costs`, filling the hierarchy. Every Mandatory column
    /// is written with a valid value unless `replacing` gives another expression or `omitting` leaves it out;
    /// `adding` appends more `column: expression` lines; `intoMarker` is put before the target's name.
    static func focusWrite(
        replacing: [String: String] = [:], omitting: Set<String> = [], adding: [(String, String)] = [],
        intoMarker: String = ""
    ) -> String {
        var lines: [String] = []
        for (column, expression) in focusMandatory where !omitting.contains(column) {
            lines.append("\(column): \(replacing[column] ?? expression)")
        }
        lines += adding.map { "\($0.0): \($0.1)" }
        return """
            procedure: sp_focus
            writes:
              - into: \(intoMarker)focus_costs
                from: raw r
                where: r.usage_date = @run_date
                select:
            \(indent(lines.joined(separator: "\n"), 6))
                hierarchy:
                  entity_id: r.x_hierarchy_entity_id

            """
    }
}

/// Validates a marked procedure (or pipeline, by `path`) against the fixture tables and compares every
/// diagnostic, errors and warnings, with the markers. Returns the result for further checks.
@discardableResult
func expectFixtureDiagnostics(
    _ marked: String, path: String = "procedures/t.yaml", _ expected: [ExpectedDiagnostic],
    sourceLocation: SourceLocation = #_sourceLocation
) -> ValidationResult {
    let source = MarkedSource(marked)
    let result = Fixtures.validate(source, path: path)
    expectDiagnostics(result.diagnostics, in: source, expected, sourceLocation: sourceLocation)
    return result
}

/// Expects a diagnostic with `id` whose hint contains `text`.
func expectHint(
    _ result: ValidationResult, _ id: DiagnosticID, _ text: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        result.diagnostics.all.contains { $0.id == id && ($0.hint ?? "").contains(text) },
        "no \(id) hint contains '\(text)': \(result.diagnostics.all.map { "\($0.id): \($0.hint ?? "-")" })",
        sourceLocation: sourceLocation)
}
