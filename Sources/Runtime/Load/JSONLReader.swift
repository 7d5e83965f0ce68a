internal import PipelineDSL

/// Reads a JSON Lines file (one JSON object per line; LF or CRLF; blank lines skipped) into rows for a load plan.
///
/// Members are matched to columns by name. A member for an unknown or a lineage column is an error at the member's
/// name; a value of the wrong type is an error at the value. A missing member is NULL, unless its column is
/// required: then the error is at the object's opening brace.
///
/// The top-level object is read member by member without building a tree: string and number values are converted
/// straight from their bytes (through the same per-column memo as CSV fields); only nested objects and arrays, which
/// only JSON columns accept, are parsed into a `JSONValue`.
enum JSONLReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, plan: LoadPlan) throws(LoadError) -> [[LoadValue]] {
        var reader = Reader(bytes: bytes, plan: plan)
        let count = bytes.count
        var rows: [[LoadValue]] = []
        var index = start
        var line = 1
        while index < count {
            let lineStart = index
            var lineEnd = index
            while lineEnd < count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            var first = lineStart
            while first < contentEnd && (bytes[first] == 0x20 || bytes[first] == 0x09) { first += 1 }
            if first < contentEnd {
                reader.line = line
                reader.lineStart = lineStart
                if let bad = ByteText.firstInvalidUTF8(bytes, lineStart, contentEnd) {
                    throw reader.error(at: bad, "invalid UTF-8 (byte \(ByteText.hex(bytes[bad]))): the file must be UTF-8 encoded")
                }
                rows.append(try reader.record(from: first, to: contentEnd))
            }
            index = lineEnd + 1
            line += 1
        }
        return rows
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let plan: LoadPlan
        var converter: ColumnConverter
        let nameBytes: [[UInt8]]
        let mustHave: [Int]
        var seen: [Bool]
        /// The columns of the previous record's members, in order: the next record most likely has the same.
        var lastOrder: [Int] = []
        /// The current record's member columns (reused storage).
        var order: [Int] = []
        var line = 1
        var lineStart = 0

        init(bytes: UnsafeBufferPointer<UInt8>, plan: LoadPlan) {
            self.bytes = bytes
            self.plan = plan
            converter = ColumnConverter(plan: plan)
            nameBytes = plan.names.map { Array($0.utf8) }
            mustHave = plan.names.indices.filter { plan.roles[$0] == .file && plan.required[$0] }
            seen = Array(repeating: false, count: plan.names.count)
        }

        func error(at offset: Int, _ message: String) -> LoadError {
            LoadError(
                path: plan.path, line: line, column: ByteText.column(of: offset, in: bytes, lineStart: lineStart),
                message: message)
        }

        func syntax(_ error: JSONSyntaxError) -> LoadError {
            self.error(at: error.offset, "invalid JSON: \(error.message)")
        }

        /// The column for a member name given as bytes, trying the previous record's order first.
        func column(named start: Int, _ end: Int, member: Int) -> Int? {
            let length = end - start
            if member < lastOrder.count {
                let guess = lastOrder[member]
                let matched = nameBytes[guess].withUnsafeBufferPointer { name -> Bool in
                    guard name.count == length else { return false }
                    for k in 0..<length where name[k] != bytes[start + k] { return false }
                    return true
                }
                if matched { return guess }
            }
            return plan.index[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)]
        }

        mutating func record(from first: Int, to end: Int) throws(LoadError) -> [LoadValue] {
            guard bytes[first] == 0x7B else {
                throw error(at: first, "each line of a JSON Lines file must be a JSON object ({…})")
            }
            var parser = JSONParser(bytes, start: first + 1, end: end)
            var row = plan.template
            for position in seen.indices { seen[position] = false }
            order.removeAll(keepingCapacity: true)
            parser.skipWhitespace()
            if parser.index < end && bytes[parser.index] == 0x7D {
                parser.index += 1
            } else {
                while true {
                    parser.skipWhitespace()
                    guard parser.index < end, bytes[parser.index] == 0x22 else {
                        throw syntax(JSONSyntaxError(
                            offset: parser.index, message: "expected a member name in double quotes, found \(parser.describeHere())"))
                    }
                    let keyOffset = parser.index
                    let position: Int
                    let key: String?
                    switch parser.scanPlainString() {
                    case .success(let span):
                        if let found = column(named: span.start, span.end, member: order.count) {
                            position = found
                            key = nil
                        } else {
                            throw plan.unknownColumn(
                                String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self),
                                line: line, column: ByteText.column(of: keyOffset, in: bytes, lineStart: lineStart))
                        }
                    case .failure:
                        // Escapes in the name (or a syntax error): decode it properly.
                        parser.index = keyOffset
                        let name: String
                        do throws(JSONSyntaxError) { name = try parser.parseString() } catch { throw syntax(error) }
                        guard let found = plan.index[name] else {
                            throw plan.unknownColumn(
                                name, line: line, column: ByteText.column(of: keyOffset, in: bytes, lineStart: lineStart))
                        }
                        position = found
                        key = name
                    }
                    if plan.roles[position] == .lineage {
                        throw plan.lineageInInput(
                            key ?? plan.names[position], line: line,
                            column: ByteText.column(of: keyOffset, in: bytes, lineStart: lineStart))
                    }
                    if seen[position] {
                        throw error(at: keyOffset, "member '\(plan.names[position])' appears twice in the object")
                    }
                    seen[position] = true
                    order.append(position)
                    parser.skipWhitespace()
                    guard parser.index < end, bytes[parser.index] == 0x3A else {
                        throw syntax(JSONSyntaxError(
                            offset: parser.index, message: "expected ':' after the member name, found \(parser.describeHere())"))
                    }
                    parser.index += 1
                    parser.skipWhitespace()
                    let valueOffset = parser.index
                    switch try value(&parser, column: position) {
                    case .value(let converted): row[position] = converted
                    case .problem(let problem):
                        throw plan.valueError(
                            position, problem, line: line, column: ByteText.column(of: valueOffset, in: bytes, lineStart: lineStart))
                    }
                    parser.skipWhitespace()
                    guard parser.index < end else {
                        throw syntax(JSONSyntaxError(offset: parser.index, message: "expected ',' or '}', found the end of the text"))
                    }
                    if bytes[parser.index] == 0x2C {
                        parser.index += 1
                        continue
                    }
                    if bytes[parser.index] == 0x7D {
                        parser.index += 1
                        break
                    }
                    throw syntax(JSONSyntaxError(offset: parser.index, message: "expected ',' or '}', found \(parser.describeHere())"))
                }
            }
            parser.skipWhitespace()
            if parser.index < end {
                throw syntax(JSONSyntaxError(offset: parser.index, message: "unexpected text after the JSON value"))
            }
            for position in mustHave where !seen[position] {
                throw error(
                    at: first,
                    "missing required column '\(plan.names[position])' (\(plan.types[position].rawValue), required: true)")
            }
            swap(&lastOrder, &order)
            return row
        }

        /// Reads one member value at the parser's position and converts it for a column.
        mutating func value(_ parser: inout JSONParser, column position: Int) throws(LoadError) -> Conversion {
            let type = plan.types[position]
            let start = parser.index
            guard start < parser.end else {
                throw syntax(JSONSyntaxError(offset: start, message: "expected a JSON value, found the end of the text"))
            }
            switch bytes[start] {
            case 0x22:
                switch parser.scanPlainString() {
                case .success(let span):
                    let text = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
                    return string(text, column: position, type: type)
                case .failure:
                    parser.index = start
                    var decoded: String
                    do throws(JSONSyntaxError) { decoded = try parser.parseString() } catch { throw syntax(error) }
                    return decoded.withUTF8 { string($0, column: position, type: type) }
                }
            case 0x2D, 0x30...0x39:
                do throws(JSONSyntaxError) { _ = try parser.parseNumber() } catch { throw syntax(error) }
                let text = UnsafeBufferPointer(rebasing: bytes[start..<parser.index])
                switch type {
                case .int64, .numeric, .bignumeric, .float64: return converter.convert(text, column: position)
                case .json: return .value(.text(String(decoding: text, as: UTF8.self)))
                default: return plan.mismatch(.number(""), position)
                }
            default:
                let parsed: JSONValue
                do throws(JSONSyntaxError) { parsed = try parser.parseValue() } catch { throw syntax(error) }
                return plan.convert(parsed, column: position)
            }
        }

        /// A JSON string's (unescaped) bytes converted for a column.
        mutating func string(_ text: UnsafeBufferPointer<UInt8>, column position: Int, type: ColumnType) -> Conversion {
            switch type {
            case .json: .value(.text(JSONValue.string(String(decoding: text, as: UTF8.self)).compactText))
            case .bool: plan.mismatch(.string(""), position)
            default: converter.convert(text, column: position)
            }
        }
    }
}

extension JSONParser {
    /// A string without escapes, as the byte range of its content; `index` moves past the closing quote. Fails
    /// (leaving `index` anywhere) on an escape, a control character or a missing closing quote: the caller then
    /// re-reads the string with `parseString`, which decodes escapes and reports errors.
    mutating func scanPlainString() -> Result<(start: Int, end: Int), JSONSyntaxError> {
        let contentStart = index + 1
        var i = contentStart
        while i < end {
            let byte = bytes[i]
            if byte == 0x22 {
                index = i + 1
                return .success((contentStart, i))
            }
            if byte == 0x5C || byte < 0x20 { break }
            i += 1
        }
        return .failure(JSONSyntaxError(offset: index, message: ""))
    }
}
