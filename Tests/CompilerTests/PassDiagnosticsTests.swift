import Compiler
import PipelineDSL
import Testing
import TestSupport

/// Write rules, hierarchy fill, partition-pruning proof, tenant proof and FOCUS 1.3 rules (marker tests against
/// `Fixtures.tables`), and valid procedures that must compile without a single diagnostic.
@Suite("Pass diagnostics")
struct PassDiagnosticsTests {
    @Test("The fixture tables validate clean")
    func fixturesAreClean() {
        let result = Compiler.validate(Fixtures.tables)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.all)")
    }

    // MARK: - Writes

    @Test("A selected column the target lacks is reported at its key with a suggestion")
    func unknownTargetColumn() {
        let result = expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: costs
                from: raw r
                where: r.usage_date = @run_date
                select:
                  cost_date: r.usage_date
                  provider: r.provider
                  1️⃣costt: r.price
                hierarchy:
                  entity_id: r.x_hierarchy_entity_id
            """, [.init("1️⃣", .writeUnknownColumn, message: "table 'costs' has no column 'costt'")])
        expectHint(result, .writeUnknownColumn, "did you mean 'cost'?")
    }

    @Test("Lineage columns are written by the compiler, not by select")
    func lineageColumnSelected() {
        let result = expectFixtureDiagnostics(Fixtures.numbersWrite(#"1️⃣x_org_slug: "@org_slug"\#n2️⃣x_run_id: "@run_id""#), [
            .init("1️⃣", .writeManagedColumn, message: "'x_org_slug' is written by the compiler"),
            .init("2️⃣", .writeManagedColumn, message: "'x_run_id' is written by the compiler"),
        ])
        expectHint(result, .writeManagedColumn, "lineage columns come from the run's parameters")
    }

    @Test("Hierarchy columns cannot be selected when the write fills the hierarchy")
    func hierarchyColumnSelected() {
        let result = expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: costs
                from: raw r
                where: r.usage_date = @run_date
                select:
                  cost_date: r.usage_date
                  provider: r.provider
                  1️⃣x_hierarchy_path: r.region
                hierarchy:
                  entity_id: r.x_hierarchy_entity_id
            """, [.init("1️⃣", .writeManagedColumn, message: "'x_hierarchy_path' is written by the compiler")])
        expectHint(result, .writeManagedColumn, "hierarchy: { entity_id: … }")
    }

    @Test("A value of another type than its column is reported at the expression with a conversion hint")
    func columnType() {
        let result = expectFixtureDiagnostics(Fixtures.numbersWrite("""
            s: 1️⃣r.quantity
            t: 2️⃣r.usage_date
            d: 3️⃣r.seen_at
            flag: 4️⃣"'yes'"
            """), [
                .init("1️⃣", .writeColumnType, message: "column 's' is STRING but the expression is INT64"),
                .init("2️⃣", .writeColumnType, message: "column 't' is TIMESTAMP but the expression is DATE"),
                .init("3️⃣", .writeColumnType, message: "column 'd' is DATE but the expression is TIMESTAMP"),
                .init("4️⃣", .writeColumnType, message: "column 'flag' is BOOL but the expression is STRING"),
            ])
        expectHint(result, .writeColumnType, "convert it with CAST(… AS STRING)")
        expectHint(result, .writeColumnType, "use TIMESTAMP(…)")
        expectHint(result, .writeColumnType, "use DATE(…)")
    }

    @Test("Required target columns left out are listed at into")
    func missingColumn() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: 1️⃣costs
                from: raw r
                where: r.usage_date = @run_date
                select:
                  cost_date: r.usage_date
                  model: r.model
                hierarchy:
                  entity_id: r.x_hierarchy_entity_id
            """, [.init("1️⃣", .writeMissingColumn, message: "required column of 'costs' not written: 'provider'")])
    }

    @Test("A merge key must be a written column")
    func mergeKey() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: accounts
                mode: merge
                key: [account_id, 1️⃣provider]
                from: raw r
                where: r.usage_date = @run_date
                select:
                  account_id: r.model
                  last_seen: r.usage_date
            """, [.init("1️⃣", .writeMergeKey, message: "merge key 'provider' is not a selected column")])
    }

    @Test("A procedure check with severity warning is rejected at the severity")
    func checkSeverity() {
        let result = expectFixtureDiagnostics(Fixtures.numbersWrite("i: r.quantity", extra: """
            checks:
              - expect: r.quantity >= 0
                message: negative usage
                severity: 1️⃣warning
            """), [.init("1️⃣", .writeCheckSeverity, message: "'severity: warning' has no effect here")])
        expectHint(result, .writeCheckSeverity, "use a pipeline 'check' step for warnings")
    }

    @Test("A replace into a table without lineage is reported at into, or at an explicit mode")
    func needsLineage() {
        let result = expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: 1️⃣audit_log
                from: raw r
                where: r.usage_date = @run_date
                select:
                  provider: r.provider
              - into: audit_log
                mode: 2️⃣replace
                from: raw r
                where: r.usage_date = @run_date
                select:
                  provider: r.provider
            """, [
                .init("1️⃣", .writeNeedsLineage, message: "a replace write needs the lineage fields on 'audit_log'"),
                .init("2️⃣", .writeNeedsLineage, message: "a replace write needs the lineage fields on 'audit_log'"),
            ])
        expectHint(result, .writeNeedsLineage, "use 'mode: append'")
    }

    // MARK: - Hierarchy

    @Test("Filling the hierarchy of a target without hierarchy fields is reported at into")
    func hierarchyTargetLacksFields() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: 1️⃣numbers
                from: raw r
                where: r.usage_date = @run_date
                select:
                  day: r.usage_date
                hierarchy:
                  entity_id: r.x_hierarchy_entity_id
            """, [.init("1️⃣", .hierarchyTargetLacksFields, message: "'numbers' has no hierarchy fields to fill")])
    }

    @Test("A target whose hierarchy columns stay NULL gets a warning and nothing else")
    func hierarchyNotFilled() {
        let source = MarkedSource("""
            procedure: sp_t
            writes:
              - into: 1️⃣costs
                from: raw r
                where: r.usage_date = @run_date
                select:
                  cost_date: r.usage_date
                  provider: r.provider
            """)
        let result = Fixtures.validate(source)
        expectDiagnostics(result.diagnostics, in: source, [
            .init("1️⃣", .hierarchyNotFilled, message: "the hierarchy columns of 'costs' stay NULL")
        ])
        #expect(result.diagnostics.warningCount == 1 && !result.diagnostics.hasErrors)
        #expect(result.project != nil)
    }

    @Test("Writing a hierarchy column by hand leaves the hierarchy to the author without a warning")
    func hierarchyWrittenByHand() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: costs
                from: raw r
                where: r.usage_date = @run_date
                select:
                  cost_date: r.usage_date
                  provider: r.provider
                  x_hierarchy_entity_id: r.x_hierarchy_entity_id
            """, [])
    }

    @Test("The hierarchy entity id must be a STRING")
    func hierarchyEntityType() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: costs
                from: raw r
                where: r.usage_date = @run_date
                select:
                  cost_date: r.usage_date
                  provider: r.provider
                hierarchy:
                  entity_id: 1️⃣r.quantity
            """, [.init("1️⃣", .exprTypeMismatch, message: "the hierarchy entity id must be a STRING; this is INT64")])
    }

    // MARK: - Partition pruning: reads

    @Test("A read of a partitioned table without a where is reported at the table in from")
    func unfilteredFrom() {
        let result = expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: numbers
                from: 1️⃣raw r
                select:
                  day: "@run_date"
            """, [.init("1️⃣", .pruningUnfilteredScan, message: "'raw' is partitioned by 'usage_date'")])
        expectHint(result, .pruningUnfilteredScan, "add 'r.usage_date = @p_…'")
    }

    @Test("A bound on one side only does not prune")
    func oneSidedBounds() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            params: { p_from: DATE }
            writes:
              - into: numbers
                from: 1️⃣raw r
                where: r.usage_date >= @p_from
                select:
                  day: "@run_date"
              - into: numbers
                from: 2️⃣raw r
                where: r.usage_date < @run_date AND r.usage_date < @p_from
                select:
                  day: "@run_date"
            """, [.init("1️⃣", .pruningUnfilteredScan), .init("2️⃣", .pruningUnfilteredScan)])
    }

    @Test("A function around the partition column does not prune")
    func functionAroundPartitionColumn() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: numbers
                from: 1️⃣events e
                where: DATE(e.event_ts) = @run_date
                select:
                  day: "@run_date"
            """, [.init("1️⃣", .pruningUnfilteredScan, message: "'events' is partitioned by 'event_ts'")])
    }

    @Test("A partition filter under OR does not prune")
    func boundUnderOr() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: numbers
                from: 1️⃣raw r
                where: r.usage_date = @run_date OR r.provider = 'openai'
                select:
                  day: "@run_date"
            """, [.init("1️⃣", .pruningUnfilteredScan)])
    }

    @Test("BETWEEN and a >= / <= pair of parameters prune and bound the target")
    func closedRanges() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            params: { p_from: DATE, p_to: DATE }
            writes:
              - into: numbers
                from: raw r
                where: r.usage_date BETWEEN @p_from AND @p_to
                select:
                  day: r.usage_date
              - into: numbers
                from: raw r
                where: r.usage_date >= @p_from AND r.provider = 'openai' AND r.usage_date <= @p_to
                select:
                  day: r.usage_date
              - into: numbers
                from: raw r
                where: r.usage_date > DATE_SUB(@run_date, INTERVAL 7 DAY) AND r.usage_date < @p_to
                select:
                  day: r.usage_date
              - into: numbers
                from: raw r
                where: r.usage_date IN (@p_from, @p_to)
                select:
                  day: "@run_date"
            """, [])
    }

    @Test("A TIMESTAMP partition bounded by a half-open range of parameters prunes")
    func timestampPartitionRange() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: numbers
                from: events e
                where: e.event_ts >= TIMESTAMP(@run_date) AND e.event_ts < TIMESTAMP(DATE_ADD(@run_date, INTERVAL 1 DAY))
                select:
                  day: "@run_date"
                  i: e.quantity
            """, [])
    }

    @Test("A joined partitioned table is bounded by its own on or by where, not by another table's column")
    func joinedReads() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: numbers
                from: raw r
                join:
                  - inner: 1️⃣raw r2
                    on: r2.provider = r.provider AND r2.usage_date = r.usage_date
                where: r.usage_date = @run_date
                select:
                  day: r.usage_date
              - into: numbers
                from: raw r
                join:
                  - inner: raw r2
                    on: r2.provider = r.provider AND r2.usage_date = DATE_SUB(@run_date, INTERVAL 1 DAY)
                  - left: raw r3
                    on: r3.model = r.model
                where: r.usage_date = @run_date AND r3.usage_date BETWEEN @run_date AND @run_date
                select:
                  day: r.usage_date
            """, [.init("1️⃣", .pruningUnfilteredScan, message: "'raw' is partitioned by 'usage_date'")])
    }

    @Test("A check step's read is reported at its table unless where bounds the partition")
    func checkStepReads() {
        expectFixtureDiagnostics("""
            pipeline: p
            name: P
            steps:
              - id: unfiltered
                check:
                  table: 1️⃣raw
                  expect:
                    - { expect: "quantity >= 0", message: m }
              - id: wrapped
                check:
                  table: 2️⃣raw
                  where: DATE(raw.usage_date) = @run_date
                  expect:
                    - { expect: "quantity >= 0", message: m }
              - id: one_sided
                check:
                  table: 3️⃣raw
                  where: usage_date <= @run_date
                  expect:
                    - { expect: "quantity >= 0", message: m }
              - id: bounded
                check:
                  table: raw
                  where: usage_date = @run_date AND provider = 'openai'
                  expect:
                    - { expect: "raw.quantity >= 0", message: m, severity: warning }
            """, path: "pipelines/t.yaml", [
                .init("1️⃣", .pruningUnfilteredScan), .init("2️⃣", .pruningUnfilteredScan),
                .init("3️⃣", .pruningUnfilteredScan),
            ])
    }

    @Test("A check step whose where does not type-check reports only that error")
    func checkStepWhereErrorDoesNotCascade() {
        // Known issue (see the report): when `where` fails to type-check, the pruning proof still runs as if
        // there were no filter and adds a pruning.unfiltered-scan at the table.
        expectFixtureDiagnostics("""
            pipeline: p
            name: P
            steps:
              - id: c
                check:
                  table: raw
                  where: usage_date = 1️⃣@run_dat
                  expect:
                    - { expect: "quantity >= 0", message: m }
            """, path: "pipelines/t.yaml", [.init("1️⃣", .exprUnknownParameter)])

    }

    // MARK: - Partition pruning: targets

    @Test("A replace whose partition value is not bounded is reported at into, with a note at the column")
    func unboundedTarget() throws {
        let source = MarkedSource("""
            procedure: sp_t
            writes:
              - into: 1️⃣costs
                from: pricing p
                select:
                  2️⃣cost_date: p.effective_from
                  provider: p.provider
                hierarchy:
                  entity_id: p.model_id
            """)
        let result = Fixtures.validate(source)
        expectDiagnostics(result.diagnostics, in: source, [
            .init("1️⃣", .pruningUnboundedTarget, message: "cannot bound which 'cost_date' partitions this replace writes into 'costs'")
        ])
        let note = try #require(result.diagnostics.all.first?.notes.first?.range)
        let column = try #require(source.positions["2️⃣"])
        #expect(note.start.line == column.line && note.start.column == column.column)
    }

    @Test("A merge whose partition value is not bounded is reported at into")
    func unboundedMergeTarget() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: 1️⃣numbers
                mode: merge
                key: [day]
                from: pricing p
                select:
                  day: p.effective_from
                  b: p.unit_price
            """, [.init("1️⃣", .pruningUnboundedTarget, message: "this merge writes into 'numbers'")])
    }

    @Test("An append into a partitioned table needs no partition bound")
    func appendIsNotBounded() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: numbers
                mode: append
                from: pricing p
                select:
                  day: p.effective_from
            """, [])
    }

    // MARK: - Tenant proof

    @Test("A tenant procedure cannot write a central table")
    func centralWrite() {
        let result = expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: 1️⃣pricing
                mode: append
                from: raw r
                where: r.usage_date = @run_date
                select:
                  provider: r.provider
                  model_id: r.model
                  unit_price: r.price
                  per_units: 1
                  effective_from: r.usage_date
            """, [.init("1️⃣", .tenantCentralWrite, message: "cannot write the central table 'pricing'")])
        expectHint(result, .tenantCentralWrite, "write a tenant table instead")
    }

    @Test("A join to a central table with org_slug must filter it to the tenant")
    func unfilteredCentralJoin() {
        let result = expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: numbers
                from: raw r
                join:
                  - left: 1️⃣tenant_quotas q
                    on: q.provider = r.provider
                where: r.usage_date = @run_date
                select:
                  day: r.usage_date
                  i: q.daily_limit
            """, [.init("1️⃣", .tenantUnfilteredCentralRead, message: "'tenant_quotas' holds every tenant's rows")])
        expectHint(result, .tenantUnfilteredCentralRead, "add 'q.org_slug = @org_slug'")
    }

    @Test("A central table with x_org_slug filtered by a literal or under OR is not filtered to the tenant")
    func unfilteredCentralFrom() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: numbers
                from: 1️⃣tenant_runs t
                where: t.x_org_slug = 'acme'
                select:
                  day: "@run_date"
                  i: t.rows_written
              - into: numbers
                from: 2️⃣tenant_runs t
                where: t.x_org_slug = @org_slug OR t.provider = 'openai'
                select:
                  day: "@run_date"
                  i: t.rows_written
            """, [
                .init("1️⃣", .tenantUnfilteredCentralRead, message: "does not filter 'x_org_slug' to the tenant"),
                .init("2️⃣", .tenantUnfilteredCentralRead, message: "does not filter 'x_org_slug' to the tenant"),
            ])
    }

    @Test("Central reads filtered on @org_slug in on or where, and central tables without an org column, pass")
    func filteredCentralReads() {
        expectFixtureDiagnostics("""
            procedure: sp_t
            writes:
              - into: numbers
                from: raw r
                join:
                  - left: tenant_quotas q
                    on: q.provider = r.provider AND @org_slug = q.org_slug
                  - left: pricing p
                    on: p.provider = r.provider
                where: r.usage_date = @run_date
                select:
                  day: r.usage_date
                  i: q.daily_limit
                  b: p.unit_price
              - into: numbers
                from: tenant_runs t
                where: t.provider = 'openai' AND t.x_org_slug = @org_slug
                select:
                  day: "@run_date"
                  i: t.rows_written
            """, [])
    }

    // MARK: - FOCUS 1.3

    @Test("A FOCUS write with every Mandatory column and the hierarchy compiles clean")
    func focusComplete() {
        expectFixtureDiagnostics(Fixtures.focusWrite(adding: [("x_source", "r.provider")]), [])
    }

    @Test("Mandatory FOCUS columns left out are listed at into")
    func focusMissingMandatory() {
        let marked = Fixtures.focusWrite(omitting: ["BilledCost", "ListCost"], intoMarker: "1️⃣")
        expectFixtureDiagnostics(marked, [
            .init("1️⃣", .focusMissingMandatory, message: "FOCUS 1.3 Mandatory columns not written: BilledCost, ListCost")
        ])
    }

    @Test("Nullable and deprecated Mandatory FOCUS columns must still be written")
    func focusMissingNullableAndDeprecated() {
        let marked = Fixtures.focusWrite(omitting: ["ChargeClass", "ProviderName"], intoMarker: "1️⃣")
        expectFixtureDiagnostics(marked, [
            .init("1️⃣", .focusMissingMandatory, message: "not written: ChargeClass, ProviderName")
        ])
    }

    @Test("A wrong-case enumerated literal is reported at the literal with the right spelling")
    func focusWrongCase() {
        let result = expectFixtureDiagnostics(Fixtures.focusWrite(replacing: ["ChargeCategory": #""1️⃣'usage'""#]), [
            .init("1️⃣", .focusInvalidValue, message: "'usage' is not an allowed ChargeCategory")
        ])
        expectHint(result, .focusInvalidValue, "did you mean 'Usage'?")
    }

    @Test("An enumerated literal outside the list in one CASE branch is reported at that literal")
    func focusInvalidBranch() {
        let result = expectFixtureDiagnostics(
            Fixtures.focusWrite(replacing: ["ChargeCategory": "CASE WHEN r.is_batch THEN 'Usage' ELSE 1️⃣'Refund' END"]),
            [.init("1️⃣", .focusInvalidValue, message: "'Refund' is not an allowed ChargeCategory")])
        expectHint(result, .focusInvalidValue, "allowed: 'Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment'")
    }

    @Test("Conditional enumerated columns are checked too")
    func focusConditionalEnumeration() {
        let result = expectFixtureDiagnostics(
            Fixtures.focusWrite(adding: [("CommitmentDiscountStatus", #""1️⃣'used'""#)]),
            [.init("1️⃣", .focusInvalidValue, message: "'used' is not an allowed CommitmentDiscountStatus")])
        expectHint(result, .focusInvalidValue, "did you mean 'Used'?")
    }

    @Test("A column passed straight into an enumerated FOCUS column is unproven")
    func focusUnprovenColumn() {
        let result = expectFixtureDiagnostics(Fixtures.focusWrite(replacing: ["ServiceCategory": "1️⃣r.provider"]), [
            .init("1️⃣", .focusUnprovenValue, message: "ServiceCategory takes only its allowed values")
        ])
        expectHint(result, .focusUnprovenValue, "CASE … WHEN … THEN 'Allowed value' … END")
    }

    @Test("A COALESCE with a column branch is unproven at that branch")
    func focusUnprovenCoalesce() {
        expectFixtureDiagnostics(
            Fixtures.focusWrite(replacing: ["ServiceCategory": "COALESCE(1️⃣r.region, 'Other')", "ChargeCategory": "2️⃣LOWER('Usage')"]), [
                .init("1️⃣", .focusUnprovenValue, message: "ServiceCategory takes only its allowed values"),
                .init("2️⃣", .focusUnprovenValue, message: "ChargeCategory takes only its allowed values"),
            ])
    }

    @Test("CASE, IF and COALESCE of allowed literals are accepted, and a nullable column may stay NULL")
    func focusChoicesOfLiterals() {
        expectFixtureDiagnostics(Fixtures.focusWrite(replacing: [
            "ChargeCategory": "IF(r.is_batch, 'Usage', 'Purchase')",
            "ServiceCategory": "CASE r.provider WHEN 'openai' THEN 'AI and Machine Learning' WHEN 'gcp' THEN 'Compute' ELSE 'Other' END",
            "ChargeClass": "CASE WHEN r.quantity < 0 THEN 'Correction' END",
        ], adding: [("PricingCategory", "COALESCE(IF(r.is_batch, 'Committed', 'Standard'), 'Other')")]), [])
    }

    @Test("FOCUS column types are checked like any column")
    func focusColumnType() {
        expectFixtureDiagnostics(Fixtures.focusWrite(replacing: ["BilledCost": "1️⃣r.ratio", "BillingPeriodStart": "2️⃣r.usage_date"]), [
            .init("1️⃣", .writeColumnType, message: "column 'BilledCost' is BIGNUMERIC but the expression is FLOAT64"),
            .init("2️⃣", .writeColumnType, message: "column 'BillingPeriodStart' is TIMESTAMP but the expression is DATE"),
        ])
    }

    // MARK: - Valid procedures

    @Test("A merge with a key compiles clean")
    func validMerge() throws {
        let result = expectFixtureDiagnostics("""
            procedure: sp_accounts
            writes:
              - into: accounts
                mode: merge
                key: [account_id]
                from: raw r
                where: r.usage_date = @run_date
                select:
                  account_id: r.model
                  provider: r.provider
                  last_seen: r.usage_date
                checks:
                  - expect: r.model IS NOT NULL
                    message: a usage row without a model
            """, [])
        let ir = try #require(result.project?.procedureIRs["sp_accounts"])
        #expect(ir.writes.first?.mode == .merge && ir.writes.first?.key == ["account_id"])
    }

    @Test("An append into a table without lineage compiles clean")
    func validAppend() {
        expectFixtureDiagnostics("""
            procedure: sp_log
            writes:
              - into: audit_log
                mode: append
                from: raw r
                where: r.usage_date = @run_date
                select:
                  provider: r.provider
                  note: "'seen'"
                  logged_on: "@run_date"
            """, [])
    }

    @Test("A date spine bounded by parameters compiles clean and bounds the target")
    func validDateSpine() throws {
        let result = expectFixtureDiagnostics("""
            procedure: sp_spread
            params: { p_from: DATE, p_to: DATE }
            writes:
              - into: numbers
                from: pricing p
                days: { from: "@p_from", to: "DATE_ADD(@p_from, INTERVAL 1 MONTH)", as: spread_day }
                where: p.effective_from <= spread_day AND (p.effective_to IS NULL OR spread_day < p.effective_to)
                select:
                  day: spread_day
                  b: p.unit_price / DATE_DIFF(@p_to, @p_from, DAY)
            """, [])
        let write = try #require(result.project?.procedureIRs["sp_spread"]?.writes.first)
        #expect(write.scope?.partitionColumn == "day")
    }

    @Test("A date spine bound that is not a DATE is reported at its scalar")
    func dateSpineBoundType() {
        expectFixtureDiagnostics("""
            procedure: sp_spread
            params: { p_from: DATE }
            writes:
              - into: numbers
                from: pricing p
                days: { from: "@p_from", to: 1️⃣"'2024-01-31'", as: day }
                select:
                  day: day
            """, [.init("1️⃣", .exprTypeMismatch, message: "a date spine bound must be a DATE; this is STRING")])
    }

    @Test("A group_by with SUM and a hierarchy fill compiles clean")
    func validGroupBy() {
        expectFixtureDiagnostics("""
            procedure: sp_daily
            writes:
              - into: costs
                from: raw r
                where: r.usage_date = @run_date AND r.x_credential_id = @credential_id
                group_by: [r.usage_date, r.provider, r.model, r.x_hierarchy_entity_id]
                select:
                  cost_date: r.usage_date
                  provider: r.provider
                  model: r.model
                  quantity: SUM(r.quantity)
                  cost: SUM(r.quantity * r.price)
                having: SUM(r.quantity) > 0
                hierarchy:
                  entity_id: r.x_hierarchy_entity_id
            """, [])
    }

    @Test("A priced replace with a central join, a hierarchy fill and a check compiles clean")
    func validPricedReplace() {
        expectFixtureDiagnostics("""
            procedure: sp_price
            params: { p_cost_date: DATE }
            writes:
              - into: costs
                mode: replace
                from: raw r
                join:
                  - left: pricing p
                    on: >-
                      p.provider = r.provider AND p.model_id = r.model
                      AND p.effective_from <= r.usage_date
                      AND (p.effective_to IS NULL OR r.usage_date < p.effective_to)
                where: r.usage_date = @p_cost_date AND r.x_credential_id = @credential_id
                select:
                  cost_date: r.usage_date
                  provider: r.provider
                  model: r.model
                  quantity: r.quantity
                  cost: r.quantity * p.unit_price / p.per_units
                hierarchy:
                  entity_id: r.x_hierarchy_entity_id
                checks:
                  - expect: p.unit_price IS NOT NULL
                    message: usage without a price
            """, [])
    }
}
