internal import PipelineDSL

/// Reads a JSON Lines file (one JSON object per line; LF or CRLF; blank lines skipped) into rows for a load plan.
///
/// Members are matched to columns by name. A member for an unknown or a lineage column is an error at the member's
/// name; a value of the wrong type is an error at the value. A missing member is NULL, unless its column is
/// required: then the error is at the object's opening brace.
enum JSONLReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, plan: LoadPlan) throws(LoadError) -> [[LoadValue]] {
        let count = bytes.count
        var rows: [[LoadValue]] = []
        var seen = [Bool](repeating: false, count: plan.names.count)
        let mustHave = plan.names.indices.filter { plan.roles[$0] == .file && plan.required[$0] }
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
                func error(at offset: Int, _ message: String) -> LoadError {
                    LoadError(
                        path: plan.path, line: line, column: ByteText.column(of: offset, in: bytes, lineStart: lineStart),
                        message: message)
                }
                if let bad = ByteText.firstInvalidUTF8(bytes, lineStart, contentEnd) {
                    throw error(at: bad, "invalid UTF-8 (byte \(ByteText.hex(bytes[bad]))): the file must be UTF-8 encoded")
                }
                guard bytes[first] == 0x7B else {
                    throw error(at: first, "each line of a JSON Lines file must be a JSON object ({…})")
                }
                let value: JSONValue
                do throws(JSONSyntaxError) {
                    value = try JSONParser.parseDocument(bytes, start: first, end: contentEnd)
                } catch {
                    throw LoadError(
                        path: plan.path, line: line,
                        column: ByteText.column(of: error.offset, in: bytes, lineStart: lineStart),
                        message: "invalid JSON: \(error.message)")
                }
                guard case .object(let members) = value else {
                    throw error(at: first, "each line of a JSON Lines file must be a JSON object ({…})")
                }
                var row = plan.template
                for position in seen.indices { seen[position] = false }
                for member in members {
                    guard let position = plan.index[member.key] else {
                        let column = ByteText.column(of: member.keyOffset, in: bytes, lineStart: lineStart)
                        throw plan.unknownColumn(member.key, line: line, column: column)
                    }
                    if plan.roles[position] == .lineage {
                        let column = ByteText.column(of: member.keyOffset, in: bytes, lineStart: lineStart)
                        throw plan.lineageInInput(member.key, line: line, column: column)
                    }
                    if seen[position] {
                        throw error(at: member.keyOffset, "member '\(member.key)' appears twice in the object")
                    }
                    seen[position] = true
                    switch plan.convert(member.value, column: position) {
                    case .value(let converted): row[position] = converted
                    case .problem(let problem):
                        let column = ByteText.column(of: member.valueOffset, in: bytes, lineStart: lineStart)
                        throw plan.valueError(position, problem, line: line, column: column)
                    }
                }
                for position in mustHave where !seen[position] {
                    throw error(
                        at: first,
                        "missing required column '\(plan.names[position])' (\(plan.types[position].rawValue), required: true)")
                }
                rows.append(row)
            }
            index = lineEnd + 1
            line += 1
        }
        return rows
    }
}
