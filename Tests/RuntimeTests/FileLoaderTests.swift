import Compiler
import Foundation
import PipelineDSL
import Runtime
import Testing
import TestSupport

/// Tables for the loader tests: the example project's tables plus a table with one column of every type.
enum LoaderFixtures {
    static let project: CheckedProject = {
        let result = Compiler.validate(exampleProjectFiles())
        guard let project = result.project else { fatalError("example project does not validate: \(result.diagnostics.all)") }
        return project
    }()

    static let typedYAML = """
        table: typed
        scope: org
        fields: [lineage, hierarchy]
        columns:
          id: { type: INT64, required: true }
          name: STRING
          amount: NUMERIC
          price: BIGNUMERIC
          ratio: FLOAT64
          flag: BOOL
          day: DATE
          seen_at: TIMESTAMP
          meta: JSON
        """

    static let typed: TableDefinition = table(typedYAML, named: "typed")

    static func table(_ yaml: String, named name: String) -> TableDefinition {
        let result = Compiler.validate([SourceFile(path: "tables/\(name).yaml", text: yaml)])
        guard let table = result.project?.tables[name] else { fatalError("\(name) does not validate: \(result.diagnostics.all)") }
        return table
    }

    static var usage: TableDefinition { project.tables["genai_payg_usage_raw"]! }

    static let lineage = FileLoader.lineage(
        orgSlug: "acme", pipelineId: "genai_payg_openai", credentialId: "cred_openai_1", runDate: "2026-11-01",
        runId: "run_0001", ingestedAt: "2026-11-02T03:04:05+02:00")

    static let usageHeader = "usage_date,provider,model,region,usage_key,quantity,request_count\n"
}

@Suite("File loader")
struct FileLoaderTests {
    typealias F = LoaderFixtures

    func load(
        _ text: String, format: LoadFormat = .csv, into table: TableDefinition = F.usage, path: String = "in.csv"
    ) throws(LoadError) -> LoadedRows {
        try FileLoader.load(bytes: Array(text.utf8), path: path, format: format, into: table, lineage: F.lineage)
    }

    /// Loads a marked text and expects one error at the 1️⃣ marker with exactly `message`.
    func expectError(
        _ marked: String, format: LoadFormat = .csv, into table: TableDefinition = F.usage, _ message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let source = MarkedSource(marked)
        expectError(bytes: Array(source.text.utf8), at: source.positions["1️⃣"], format: format, into: table, message,
                    sourceLocation: sourceLocation)
    }

    func expectError(
        bytes: [UInt8], at position: (line: Int, column: Int)?, format: LoadFormat = .csv, into table: TableDefinition = F.usage,
        _ message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            let rows = try FileLoader.load(bytes: bytes, path: "in.csv", format: format, into: table, lineage: F.lineage)
            Issue.record("expected an error, loaded \(rows.rows.count) rows", sourceLocation: sourceLocation)
        } catch {
            #expect(error.message == message, sourceLocation: sourceLocation)
            if let position {
                #expect("\(error.line):\(error.column)" == "\(position.line):\(position.column)", "\(error)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    func value(_ rows: LoadedRows, _ row: Int, _ column: String) -> LoadValue? {
        guard let index = rows.columns.firstIndex(of: column), row < rows.rows.count else { return nil }
        return rows.rows[row][index]
    }

    // MARK: - Valid input

    @Test("CSV: every type converts; lineage is filled; missing optional group columns are NULL")
    func csvTypes() throws {
        let text = #"""
            id,name,amount,price,ratio,flag,day,seen_at,meta,x_hierarchy_entity_id
            1,plain,12.50,0.0000025,-1e-3,true,2024-02-29,2026-11-01T10:00:00Z,"{ ""a"" : [1, 2.50, null] }",TEAM-1
            -9223372036854775808,,,,,false,,2026-11-01T00:30:00.5+01:00,,
            9223372036854775807,"",0,1E2,0.1,,,2026-11-01 23:59:59.123456000-00:30,"""x""",

            """#
        let rows = try load(text, into: F.typed)
        #expect(rows.columns.prefix(9) == ["id", "name", "amount", "price", "ratio", "flag", "day", "seen_at", "meta"])
        #expect(rows.columns.count == F.typed.columns.count)
        #expect(rows.rows.count == 3)
        #expect(value(rows, 0, "id") == .integer(1))
        #expect(value(rows, 0, "name") == .text("plain"))
        #expect(value(rows, 0, "amount") == .real(12.5))
        #expect(value(rows, 0, "price") == .real(0.0000025))
        #expect(value(rows, 0, "ratio") == .real(-0.001))
        #expect(value(rows, 0, "flag") == .bool(true))
        #expect(value(rows, 0, "day") == .text("2024-02-29"))
        #expect(value(rows, 0, "seen_at") == .text("2026-11-01T10:00:00.000000Z"))
        #expect(value(rows, 0, "meta") == .text(#"{"a":[1,2.50,null]}"#))
        #expect(value(rows, 0, "x_hierarchy_entity_id") == .text("TEAM-1"))
        #expect(value(rows, 0, "x_hierarchy_path") == .null)
        #expect(value(rows, 1, "id") == .integer(Int64.min))
        #expect(value(rows, 1, "name") == .null)
        #expect(value(rows, 1, "flag") == .bool(false))
        #expect(value(rows, 1, "seen_at") == .text("2026-10-31T23:30:00.500000Z"))
        #expect(value(rows, 1, "x_hierarchy_entity_id") == .null)
        #expect(value(rows, 2, "id") == .integer(Int64.max))
        #expect(value(rows, 2, "name") == .text(""), "a quoted empty field is the empty string")
        #expect(value(rows, 2, "price") == .real(100))
        #expect(value(rows, 2, "seen_at") == .text("2026-11-02T00:29:59.123456Z"))
        #expect(value(rows, 2, "meta") == .text(#""x""#))
        for row in 0..<3 {
            #expect(value(rows, row, "x_org_slug") == .text("acme"))
            #expect(value(rows, row, "x_pipeline_id") == .text("genai_payg_openai"))
            #expect(value(rows, row, "x_credential_id") == .text("cred_openai_1"))
            #expect(value(rows, row, "x_pipeline_run_date") == .text("2026-11-01"))
            #expect(value(rows, row, "x_run_id") == .text("run_0001"))
            #expect(value(rows, row, "x_ingested_at") == .text("2026-11-02T01:04:05.000000Z"))
            #expect(value(rows, row, "x_ingestion_date") == .text("2026-11-02"))
        }
    }

    @Test("CSV: quoted fields carry commas, quotes and line breaks; CRLF records; columns in any order; BOM skipped")
    func csvQuoting() throws {
        let text = "\u{FEFF}model,provider,usage_date,region,usage_key,quantity,request_count\r\n"
            + "\"gpt-4o, \"\"mini\"\"\",openai,2026-11-01,\"us\r\neast\",output_tokens,5,\r\n"
            + "\r\n"
            + "gpt-5,\"openai\",2026-11-02,,\"cache_read_tokens\",7,1"
        let rows = try load(text)
        #expect(rows.rows.count == 2)
        #expect(value(rows, 0, "model") == .text("gpt-4o, \"mini\""))
        #expect(value(rows, 0, "region") == .text("us\r\neast"))
        #expect(value(rows, 0, "request_count") == .null)
        #expect(value(rows, 1, "usage_key") == .text("cache_read_tokens"))
        #expect(value(rows, 1, "usage_date") == .text("2026-11-02"))
        #expect(value(rows, 1, "quantity") == .integer(7))
    }

    @Test("CSV: an error after a multi-line quoted field names the right physical line")
    func csvLineAfterEmbeddedNewline() {
        expectError(
            F.usageHeader + "2026-11-01,openai,\"gpt\n4o\",,output_tokens,1,1\n2026-11-01,openai,x,,output_tokens,1️⃣1.5,1\n",
            "column 'quantity': '1.5' is not an INT64 (expected a whole number such as 42)")
    }

    @Test("JSON Lines: members by name, nullable members may be left out, CRLF and blank lines tolerated")
    func jsonLines() throws {
        let text = """
            {"usage_date":"2026-11-01","provider":"openai","model":"gpt-4o","region":null,"usage_key":"output_tokens","quantity":221400,"request_count":1380,"x_hierarchy_entity_id":"TEAM-A","x_genai_account_id":"proj_1"}\r

              {"quantity":"42","usage_key":"uncached_input_tokens","model":"gpt-5","provider":"openai","usage_date":"2026-11-01"}

            """
        let rows = try load(text, format: .jsonl)
        #expect(rows.rows.count == 2)
        #expect(value(rows, 0, "quantity") == .integer(221_400))
        #expect(value(rows, 0, "request_count") == .integer(1380))
        #expect(value(rows, 0, "x_genai_account_id") == .text("proj_1"))
        #expect(value(rows, 0, "x_org_slug") == .text("acme"))
        #expect(value(rows, 1, "quantity") == .integer(42), "INT64 as a JSON string (BigQuery exports)")
        #expect(value(rows, 1, "region") == .null)
        #expect(value(rows, 1, "request_count") == .null)
    }

    @Test("JSON Lines: JSON columns take any value, stored compact; strings keep escapes")
    func jsonColumn() throws {
        let text = #"{"id": 1, "name": "tab\there \u00e9\ud83d\ude00", "meta": {"b": [true, {"c": "q\"uote"}], "a": 1.50e3}, "seen_at": "2026-11-01T00:00:00+14:00"}"#
        let rows = try load(text + "\n" + #"{"id": 2, "meta": "text", "flag": false}"#, format: .jsonl, into: F.typed)
        #expect(value(rows, 0, "name") == .text("tab\there é😀"))
        #expect(value(rows, 0, "meta") == .text(#"{"b":[true,{"c":"q\"uote"}],"a":1.50e3}"#))
        #expect(value(rows, 0, "seen_at") == .text("2026-10-31T10:00:00.000000Z"))
        #expect(value(rows, 1, "meta") == .text(#""text""#))
        #expect(value(rows, 1, "flag") == .bool(false))
    }

    @Test("decimals convert exactly like Swift's Double(String), on the fast path and the strtod path")
    func decimalsMatchDouble() throws {
        var samples = [
            "0", "-0", "0.1", "0.0000025", "123456789.123456789", "9007199254740993", "1e22", "1e23", "4.35",
            "2.5e-7", "0.30000000000000004", "17976931348623157e292", "1.7976931348623157e308", "5e-324",
            "123456789012345678901234567.5", "00012.500", "+3.75",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let integer = String(UInt64.random(in: 0...999_999_999_999, using: &generator))
            let fraction = String(UInt64.random(in: 0...99_999_999, using: &generator))
            let exponent = Int.random(in: -30...30, using: &generator)
            samples.append("\(integer).\(fraction)")
            samples.append("\(integer).\(fraction)e\(exponent)")
        }
        let table = LoaderFixtures.table(
            "table: d\nscope: central\ncolumns:\n  v: { type: FLOAT64, required: true }\n", named: "d")
        let rows = try load("v\n" + samples.joined(separator: "\n"), into: table)
        for (index, sample) in samples.enumerated() {
            #expect(rows.rows[index][0] == .real(Double(sample)!), "\(sample)")
        }
    }

    @Test("empty and header-only files")
    func emptyFiles() throws {
        #expect(try load(F.usageHeader).rows.isEmpty)
        #expect(try load("", format: .jsonl).rows.isEmpty)
        #expect(try load("\n  \n", format: .jsonl).rows.isEmpty)
        expectError("1️⃣", "the file is empty: a CSV file needs a header row")
    }

    @Test("path patterns replace {org} and {date}")
    func resolve() {
        #expect(
            FileLoader.resolve(pattern: "samples/{org}/anthropic/usage_{date}.jsonl", org: "acme", date: "2026-11-01")
                == "samples/acme/anthropic/usage_2026-11-01.jsonl")
        #expect(FileLoader.resolve(pattern: "{org}/{org}.csv", org: "a_b", date: "x") == "a_b/a_b.csv")
    }

    @Test("files are read from disk; a missing file is an error naming the path")
    func fromDisk() throws {
        let folder = NSTemporaryDirectory() + "cloudact-loader-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/usage.csv"
        try (F.usageHeader + "2026-11-01,openai,gpt-4o,,output_tokens,5,1\n").write(toFile: path, atomically: true, encoding: .utf8)
        let rows = try FileLoader.load(path: path, format: .csv, into: F.usage, lineage: F.lineage)
        #expect(rows.rows.count == 1)
        #expect(throws: LoadError.self) {
            try FileLoader.load(path: folder + "/nope.csv", format: .csv, into: F.usage, lineage: F.lineage)
        }
        do {
            _ = try FileLoader.load(path: folder + "/nope.csv", format: .csv, into: F.usage, lineage: F.lineage)
        } catch {
            #expect(error.description == "\(folder)/nope.csv: no such file")
        }
    }

    // MARK: - Header errors

    @Test("a missing column is reported on line 1, naming it (every missing column at once)")
    func missingColumn() {
        expectError(
            "1️⃣usage_date,provider,model,region,usage_key,request_count\n2026-11-01,openai,gpt-4o,,output_tokens,1\n",
            "missing column 'quantity' of table genai_payg_usage_raw: the header must name every column except the lineage columns")
        expectError(
            "1️⃣usage_date,provider,model,usage_key\n",
            "missing columns 'region', 'quantity' and 'request_count' of table genai_payg_usage_raw: the header must name every column except the lineage columns")
        do {
            _ = try load("usage_date,provider,model,region,usage_key,request_count\n")
        } catch {
            #expect(error.description.hasPrefix("in.csv:1:1: missing column 'quantity'"))
        }
    }

    @Test("an unknown column is reported at its header position with a suggestion")
    func extraColumn() {
        expectError(
            "usage_date,provider,model,region,usage_key,1️⃣quantiti,request_count\n",
            "unknown column 'quantiti': table genai_payg_usage_raw has no such column; did you mean 'quantity'?")
        expectError(
            "usage_date,provider,model,region,usage_key,quantity,request_count,1️⃣cost_usd\n",
            "unknown column 'cost_usd': table genai_payg_usage_raw has no such column")
        do {
            _ = try load("usage_date,provider,model,region,usage_key,quantiti,request_count\n")
        } catch {
            #expect(error.description == "in.csv:1:44: unknown column 'quantiti': table genai_payg_usage_raw has no such column; did you mean 'quantity'?")
        }
    }

    @Test("lineage columns must not be in the file; duplicate and empty header names are errors")
    func headerRules() {
        expectError(
            "usage_date,provider,model,region,usage_key,quantity,request_count,1️⃣x_org_slug\n",
            "'x_org_slug' is a lineage column: the runtime fills it, so the file must not contain it")
        expectError(
            "usage_date,provider,model,1️⃣model,region,usage_key,quantity,request_count\n",
            "column 'model' appears twice in the header (first at column 21)")
        expectError("usage_date,1️⃣,provider\n", "empty column name in the header")
    }

    // MARK: - Value errors (CSV)

    @Test("a bad integer is reported at the field's first character")
    func badInteger() {
        expectError(
            F.usageHeader + "2026-11-01,openai,gpt-4o,,output_tokens,1️⃣12x,3\n",
            "column 'quantity': '12x' is not an INT64 (expected a whole number such as 42)")
        expectError(
            F.usageHeader + "2026-11-01,openai,gpt-4o,,output_tokens,1️⃣9223372036854775808,3\n",
            "column 'quantity': '9223372036854775808' is out of range for INT64")
        expectError(
            F.usageHeader + "2026-11-01,openai,gpt-4o,,output_tokens,1,1️⃣\"1 000\"\n",
            "column 'request_count': '1 000' is not an INT64 (expected a whole number such as 42)")
        do {
            _ = try load(F.usageHeader + "2026-11-01,openai,gpt-4o,,output_tokens,12x,3\n")
        } catch {
            #expect(error.description == "in.csv:2:41: column 'quantity': '12x' is not an INT64 (expected a whole number such as 42)")
        }
    }

    @Test("a date that does not exist is reported with the reason")
    func badDate() {
        expectError(
            F.usageHeader + "2026-11-01,openai,gpt-4o,,output_tokens,1,1\n1️⃣2026-02-30,openai,gpt-4o,,output_tokens,1,1\n",
            "column 'usage_date': '2026-02-30' is not a DATE (day 30 does not exist in 2026-02)")
        expectError(
            F.usageHeader + "1️⃣11/01/2026,openai,gpt-4o,,output_tokens,1,1\n",
            "column 'usage_date': '11/01/2026' is not a DATE (expected YYYY-MM-DD)")
        expectError(
            "id,name,amount,price,ratio,flag,day,seen_at,meta\n1,,,,,,1️⃣2025-02-29,,\n", into: F.typed,
            "column 'day': '2025-02-29' is not a DATE (day 29 does not exist in 2025-02)")
    }

    @Test("timestamps need a zone, real clock values and at most microseconds")
    func badTimestamp() {
        let header = "id,name,amount,price,ratio,flag,day,seen_at,meta\n"
        expectError(
            header + "1,,,,,,,1️⃣2026-11-01T10:00:00,\n", into: F.typed,
            "column 'seen_at': '2026-11-01T10:00:00' is not a TIMESTAMP (the time zone is missing; end with Z or an offset such as +02:00)")
        expectError(
            header + "1,,,,,,,1️⃣2026-11-01T24:00:00Z,\n", into: F.typed,
            "column 'seen_at': '2026-11-01T24:00:00Z' is not a TIMESTAMP (hour 24 does not exist)")
        expectError(
            header + "1,,,,,,,1️⃣2026-11-31T10:00:00Z,\n", into: F.typed,
            "column 'seen_at': '2026-11-31T10:00:00Z' is not a TIMESTAMP (day 31 does not exist in 2026-11)")
        expectError(
            header + "1,,,,,,,1️⃣2026-11-01T10:00:00.1234567Z,\n", into: F.typed,
            "column 'seen_at': '2026-11-01T10:00:00.1234567Z' is not a TIMESTAMP (more than 6 fractional digits; TIMESTAMP has microsecond precision)")
        expectError(
            header + "1,,,,,,,1️⃣2026-11-01,\n", into: F.typed,
            "column 'seen_at': '2026-11-01' is not a TIMESTAMP (the time is missing; expected YYYY-MM-DDTHH:MM:SS[.ffffff] and Z or an offset such as +02:00)")
    }

    @Test("decimals, booleans and JSON fields are strict")
    func otherBadValues() {
        let header = "id,name,amount,price,ratio,flag,day,seen_at,meta\n"
        expectError(
            header + "1,,1️⃣\"1,5\",,,,,,\n", into: F.typed,
            "column 'amount': '1,5' is not a NUMERIC (expected a decimal number such as 12.5)")
        expectError(
            header + "1,,,,1️⃣nan,,,,\n", into: F.typed,
            "column 'ratio': 'nan' is not a FLOAT64 (expected a decimal number such as 12.5)")
        expectError(
            header + "1,,1️⃣1e30,,,,,,\n", into: F.typed, "column 'amount': '1e30' is out of range for NUMERIC")
        expectError(
            header + "1,,,,,1️⃣TRUE,,,\n", into: F.typed, "column 'flag': 'TRUE' is not a BOOL (write true or false)")
        expectError(
            header + "1,,,,,,,,1️⃣\"{\"\"a\"\": 1,}\"\n", into: F.typed,
            "column 'meta': not valid JSON: expected a member name in double quotes, found '}' (at character 9 of the value)")
    }

    @Test("NULL in a required column: empty CSV field, JSON null, missing JSON member")
    func requiredNull() {
        expectError(
            F.usageHeader + "2026-11-01,openai,gpt-4o,,output_tokens,1️⃣,3\n",
            "column 'quantity': a value is required (the column is required: true), but the field is empty")
        expectError(
            #"{"usage_date":"2026-11-01","provider":"openai","model":"gpt-4o","usage_key":"output_tokens","quantity":1️⃣null}"#,
            format: .jsonl, "column 'quantity': a value is required (the column is required: true), but the value is null")
        expectError(
            #"{"usage_date":"2026-11-01","provider":"openai","model":"gpt-4o","usage_key":"output_tokens","quantity":1}"# + "\n"
                + #"  1️⃣{"usage_date":"2026-11-01","model":"gpt-4o","usage_key":"output_tokens","quantity":1}"#,
            format: .jsonl, "missing required column 'provider' (STRING, required: true)")
    }

    @Test("field counts must match the header")
    func fieldCounts() {
        expectError(
            F.usageHeader + "2026-11-01,openai,gpt-4o,,output_tokens,5,3,1️⃣extra\n",
            "too many fields: the header has 7 columns")
        expectError(
            F.usageHeader + "2026-11-01,openai,gpt-4o,,output_tokens,51️⃣\r\n",
            "too few fields: expected 7, found 6")
    }

    @Test("malformed quoting: unterminated, stray quote, text after the closing quote, bare CR")
    func malformedQuoting() {
        expectError(
            F.usageHeader + "2026-11-01,openai,1️⃣\"gpt-4o,,output_tokens,5,3\n",
            "unterminated quoted field: the closing quote is missing")
        expectError(
            F.usageHeader + "2026-11-01,openai,gpt1️⃣\"4o,,output_tokens,5,3\n",
            "a quote inside an unquoted field; enclose the whole field in quotes and double the quote (\"\")")
        expectError(
            F.usageHeader + "2026-11-01,openai,\"gpt-4o\"1️⃣x,,output_tokens,5,3\n",
            "unexpected character after the closing quote; a quoted field ends at ',' or at the end of the line")
        expectError(
            F.usageHeader + "2026-11-01,openai,gpt-4o1️⃣\r,output_tokens,5,3\n",
            "a carriage return outside quotes must be followed by a line feed (CRLF)")
    }

    @Test("invalid UTF-8 is reported at the bad byte, columns counting characters")
    func badUTF8() {
        // "é" is one column; the bad byte 0xFF follows it inside the model field.
        let prefix = Array((F.usageHeader + "2026-11-01,openai,é").utf8)
        let bytes = prefix + [0xFF] + Array("x,,output_tokens,5,3\n".utf8)
        expectError(bytes: bytes, at: (2, 20), "invalid UTF-8 (byte 0xFF): the file must be UTF-8 encoded")
        // A truncated two-byte sequence in the header.
        expectError(
            bytes: Array("usage_date,".utf8) + [0xC3, 0x28], at: (1, 12),
            "invalid UTF-8 (byte 0xC3): the file must be UTF-8 encoded")
        // JSON Lines: on line 2, after a 4-byte character.
        let json = Array("{\"usage_date\":\"2026-11-01\",\"provider\":\"openai\",\"model\":\"m\",\"usage_key\":\"k\",\"quantity\":1}\n{\"model\":\"😀".utf8)
            + [0xED, 0xA0, 0x80] + Array("\"}\n".utf8)
        expectError(bytes: json, at: (2, 12), format: .jsonl, "invalid UTF-8 (byte 0xED): the file must be UTF-8 encoded")
    }

    // MARK: - Value errors (JSON Lines)

    @Test("JSON Lines: syntax errors, non-objects, unknown, lineage and duplicate members, type mismatches")
    func jsonLinesErrors() {
        expectError(#"{"usage_date": "2026-11-01", 1️⃣}"#, format: .jsonl,
                    "invalid JSON: expected a member name in double quotes, found '}'")
        expectError("1️⃣[1, 2]", format: .jsonl, "each line of a JSON Lines file must be a JSON object ({…})")
        expectError(#"{"usage_date": "2026-11-01", 1️⃣"quantityy": 1}"#, format: .jsonl,
                    "unknown column 'quantityy': table genai_payg_usage_raw has no such column; did you mean 'quantity'?")
        expectError(#"{"usage_date": "2026-11-01", 1️⃣"x_run_id": "r"}"#, format: .jsonl,
                    "'x_run_id' is a lineage column: the runtime fills it, so the file must not contain it")
        expectError(#"{"model": "a", 1️⃣"model": "b"}"#, format: .jsonl, "member 'model' appears twice in the object")
        expectError(#"{"usage_date": "2026-11-01", "quantity": 1️⃣1.5}"#, format: .jsonl,
                    "column 'quantity': '1.5' is not an INT64 (expected a whole number such as 42)")
        expectError(#"{"usage_date": "2026-11-01", "quantity": 1️⃣true}"#, format: .jsonl,
                    "column 'quantity': expected a whole number for INT64, found a boolean")
        expectError(#"{"usage_date": 1️⃣20261101}"#, format: .jsonl,
                    "column 'usage_date': expected a \"YYYY-MM-DD\" string for DATE, found a number")
        expectError(#"{"usage_date": 1️⃣"2026-02-30"}"#, format: .jsonl,
                    "column 'usage_date': '2026-02-30' is not a DATE (day 30 does not exist in 2026-02)")
        expectError(#"{"model": 1️⃣{"id": "gpt"}}"#, format: .jsonl,
                    "column 'model': expected a string for STRING, found an object")
        expectError(#"{"usage_date": "2026-11-01"} 1️⃣{}"#, format: .jsonl, "invalid JSON: unexpected text after the JSON value")
        expectError(#"{"model": 1️⃣"abc}"#, format: .jsonl, "invalid JSON: unterminated JSON string")
    }

    // MARK: - Speed

    /// Release-build measurement (skipped unless LOADER_BENCH is set):
    /// `LOADER_BENCH=1000000 swift test -c release --scratch-path .build-load --filter FileLoaderTests/speed`
    @Test("speed: a million CSV rows and a million JSON Lines rows", .enabled(if: ProcessInfo.processInfo.environment["LOADER_BENCH"] != nil))
    func speed() throws {
        let count = Int(ProcessInfo.processInfo.environment["LOADER_BENCH"] ?? "") ?? 1_000_000
        let formats = ProcessInfo.processInfo.environment["LOADER_BENCH_FORMAT"] ?? "csv,jsonl"
        let keys = ["uncached_input_tokens", "cache_read_tokens", "output_tokens", "cache_write_tokens"]
        var csv = Array("usage_date,provider,model,region,usage_key,quantity,request_count,x_hierarchy_entity_id\n".utf8)
        var jsonl: [UInt8] = []
        csv.reserveCapacity(count * 90)
        for i in 0..<count {
            let day = 1 + i % 28
            let date = "2026-11-\(day < 10 ? "0" : "")\(day)"
            let key = keys[i % 4]
            let region = i % 3 == 0 ? "" : "us"
            csv.append(contentsOf: "\(date),openai,gpt-4.1-mini,\(region),\(key),\(1_000_000 + i * 37),\(i % 5000),TEAM-\(i % 9)\n".utf8)
            jsonl.append(contentsOf: "{\"usage_date\":\"\(date)\",\"provider\":\"openai\",\"model\":\"gpt-4.1-mini\",\"region\":\(region.isEmpty ? "null" : "\"us\""),\"usage_key\":\"\(key)\",\"quantity\":\(1_000_000 + i * 37),\"request_count\":\(i % 5000),\"x_hierarchy_entity_id\":\"TEAM-\(i % 9)\"}\n".utf8)
        }
        let clock = ContinuousClock()
        var rows = LoadedRows(columns: [], rows: [])
        var csvTime = Duration.zero
        var jsonTime = Duration.zero
        if formats.contains("csv") {
            csvTime = try clock.measure {
                rows = try FileLoader.load(bytes: csv, path: "bench.csv", format: .csv, into: F.usage, lineage: F.lineage)
            }
            #expect(rows.rows.count == count)
            rows = LoadedRows(columns: [], rows: [])
        }
        if formats.contains("jsonl") {
            jsonTime = try clock.measure {
                rows = try FileLoader.load(bytes: jsonl, path: "bench.jsonl", format: .jsonl, into: F.usage, lineage: F.lineage)
            }
            #expect(rows.rows.count == count)
        }
        print("loader speed: \(count) rows; CSV \(csv.count) bytes in \(csvTime); JSON Lines \(jsonl.count) bytes in \(jsonTime)")
    }

    // MARK: - Lineage

    @Test("the runtime must pass every lineage column, and only lineage columns")
    func lineageRules() {
        var lineage = F.lineage
        lineage["x_run_id"] = nil
        #expect(throws: LoadError.self) {
            try FileLoader.load(bytes: Array(F.usageHeader.utf8), path: "in.csv", format: .csv, into: F.usage, lineage: lineage)
        }
        do {
            _ = try FileLoader.load(bytes: Array(F.usageHeader.utf8), path: "in.csv", format: .csv, into: F.usage, lineage: lineage)
        } catch {
            #expect(error.description == "in.csv: no lineage value for 'x_run_id': the runtime must pass every lineage column of table genai_payg_usage_raw")
        }
        var extra = F.lineage
        extra["x_run"] = .text("r")
        #expect(throws: LoadError.self) {
            try FileLoader.load(bytes: Array(F.usageHeader.utf8), path: "in.csv", format: .csv, into: F.usage, lineage: extra)
        }
        // Central tables have no lineage columns: the values are not used.
        let pricing = F.project.tables["genai_payg_pricing"]!
        let text = "provider,model_id,pricing_variant,usage_key,per_units,unit_price_usd,effective_from,effective_to,source\n"
            + "openai,gpt-4o,standard,output_tokens,1000000,10,2020-01-01,,genai-prices==0.2.3\n"
        #expect((try? load(text, into: pricing))?.rows.count == 1)
    }
}
