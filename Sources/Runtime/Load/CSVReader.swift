internal import PipelineDSL

/// One CSV field as found in the buffer.
struct CSVField {
    /// The field's first byte (the opening quote of a quoted field).
    var start = 0
    /// The content, without the surrounding quotes (escaped quotes still doubled when `escaped`).
    var contentStart = 0
    var contentEnd = 0
    /// The offset just after the field (after the closing quote), before its terminator.
    var end = 0
    var quoted = false
    /// True if the content has doubled quotes to collapse.
    var escaped = false
    /// True if some content byte is ≥ 0x80 (then the content is validated as UTF-8).
    var nonASCII = false
    /// The line of `start` and the offset where that line starts.
    var line = 1
    var lineStart = 0
}

/// What follows a field.
enum CSVTerminator {
    case comma, endOfRecord, endOfFile
}

/// A byte-level RFC 4180 scanner: fields separated by commas, records by LF or CRLF, fields optionally quoted with
/// `"` and quotes inside quoted fields doubled; quoted fields may contain commas, quotes, CR and LF.
/// Stricter than many readers, so that a damaged file fails loudly: a quote inside an unquoted field, text after a
/// closing quote, a bare CR outside quotes and an unterminated quoted field are errors.
struct CSVScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    var index: Int
    var line = 1
    var lineStart: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, path: String) {
        self.bytes = bytes
        self.path = path
        index = start
        lineStart = start
    }

    func error(at offset: Int, line: Int, lineStart: Int, _ message: String) -> LoadError {
        let position = ByteText.position(of: offset, in: bytes, line: line, lineStart: lineStart)
        return LoadError(path: path, line: position.line, column: position.column, message: message)
    }

    /// Skips empty lines before a record; false at the end of the file.
    mutating func atRecord() -> Bool {
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                index += 1
                line += 1
                lineStart = index
            } else if byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A {
                index += 2
                line += 1
                lineStart = index
            } else {
                return true
            }
        }
        return false
    }

    /// Scans the next field into `field` and consumes its terminator.
    @inline(__always)
    mutating func next(_ field: inout CSVField) throws(LoadError) -> CSVTerminator {
        let count = bytes.count
        field.start = index
        field.line = line
        field.lineStart = lineStart
        field.escaped = false
        var high: UInt8 = 0
        if index < count && bytes[index] == 0x22 {
            field.quoted = true
            index += 1
            field.contentStart = index
            while true {
                guard index < count else {
                    throw error(
                        at: field.start, line: field.line, lineStart: field.lineStart,
                        "unterminated quoted field: the closing quote is missing")
                }
                let byte = bytes[index]
                if byte == 0x22 {
                    if index + 1 < count && bytes[index + 1] == 0x22 {
                        field.escaped = true
                        index += 2
                        continue
                    }
                    break
                }
                if byte == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                high |= byte
                index += 1
            }
            field.contentEnd = index
            index += 1
        } else {
            field.quoted = false
            field.contentStart = index
            while index < count {
                let byte = bytes[index]
                if byte == 0x2C || byte == 0x0A || byte == 0x0D || byte == 0x22 { break }
                high |= byte
                index += 1
            }
            field.contentEnd = index
            if index < count && bytes[index] == 0x22 {
                throw error(
                    at: index, line: line, lineStart: lineStart,
                    "a quote inside an unquoted field; enclose the whole field in quotes and double the quote (\"\")")
            }
        }
        field.end = index
        field.nonASCII = high >= 0x80
        guard index < count else { return .endOfFile }
        switch bytes[index] {
        case 0x2C:
            index += 1
            return .comma
        case 0x0A:
            index += 1
            line += 1
            lineStart = index
            return .endOfRecord
        case 0x0D where index + 1 < count && bytes[index + 1] == 0x0A:
            index += 2
            line += 1
            lineStart = index
            return .endOfRecord
        case 0x0D:
            throw error(
                at: index, line: line, lineStart: lineStart,
                "a carriage return outside quotes must be followed by a line feed (CRLF)")
        default:
            throw error(
                at: index, line: line, lineStart: lineStart,
                "unexpected character after the closing quote; a quoted field ends at ',' or at the end of the line")
        }
    }

    /// The field's content with doubled quotes collapsed.
    func unescaped(_ field: CSVField) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(field.contentEnd - field.contentStart)
        var i = field.contentStart
        while i < field.contentEnd {
            let byte = bytes[i]
            out.append(byte)
            i += byte == 0x22 ? 2 : 1
        }
        return out
    }

    /// Throws if the field's content is not valid UTF-8, naming the exact position of the first bad byte.
    func checkUTF8(_ field: CSVField) throws(LoadError) {
        guard field.nonASCII, let bad = ByteText.firstInvalidUTF8(bytes, field.contentStart, field.contentEnd) else { return }
        throw error(
            at: bad, line: field.line, lineStart: field.lineStart,
            "invalid UTF-8 (byte \(ByteText.hex(bytes[bad]))): the file must be UTF-8 encoded")
    }

    /// The field as text (header names).
    func text(_ field: CSVField) -> String {
        if field.escaped { return String(decoding: unescaped(field), as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[field.contentStart..<field.contentEnd]), as: UTF8.self)
    }
}

/// Reads a CSV file with a header row into rows for a load plan.
enum CSVReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, plan: LoadPlan) throws(LoadError) -> [[LoadValue]] {
        var scanner = CSVScanner(bytes, start: start, path: plan.path)
        guard scanner.atRecord() else {
            throw LoadError(path: plan.path, line: 1, column: 1, message: "the file is empty: a CSV file needs a header row")
        }
        var field = CSVField()
        var header: [(name: String, line: Int, column: Int)] = []
        while true {
            let terminator = try scanner.next(&field)
            try scanner.checkUTF8(field)
            let column = ByteText.column(of: field.start, in: bytes, lineStart: field.lineStart)
            header.append((scanner.text(field), field.line, column))
            if terminator != .comma { break }
        }
        let mapping = try plan.mapHeader(header)
        let width = mapping.count
        var rows: [[LoadValue]] = []
        rows.reserveCapacity(max(16, bytes.count / max(1, 12 * width)))
        let types = plan.types
        let required = plan.required
        var converter = ColumnConverter(plan: plan)
        while scanner.atRecord() {
            var row = plan.template
            var position = 0
            while true {
                let terminator = try scanner.next(&field)
                guard position < width else {
                    throw scanner.error(
                        at: field.start, line: field.line, lineStart: field.lineStart,
                        "too many fields: the header has \(width) column\(width == 1 ? "" : "s")")
                }
                let target = mapping[position]
                try scanner.checkUTF8(field)
                let type = types[target]
                if field.contentStart == field.contentEnd && !(field.quoted && type == .string) {
                    if required[target] {
                        throw fieldError(scanner, field, plan.valueError(
                            target, plan.requiredProblem(target, found: "the field is empty"), line: 0, column: 0))
                    }
                    // row[target] is already .null (template)
                } else {
                    let conversion: Conversion
                    if field.escaped {
                        conversion = scanner.unescaped(field).withUnsafeBufferPointer { converter.convert($0, column: target) }
                    } else {
                        conversion = converter.convert(
                            UnsafeBufferPointer(rebasing: bytes[field.contentStart..<field.contentEnd]), column: target)
                    }
                    switch conversion {
                    case .value(let value): row[target] = value
                    case .problem(let problem):
                        throw fieldError(scanner, field, plan.valueError(target, problem, line: 0, column: 0))
                    }
                }
                position += 1
                if terminator != .comma {
                    if position < width {
                        throw scanner.error(
                            at: field.end, line: field.line, lineStart: field.lineStart,
                            "too few fields: expected \(width), found \(position)")
                    }
                    break
                }
            }
            rows.append(row)
        }
        return rows
    }

    /// `error` positioned at the field's first character.
    static func fieldError(_ scanner: CSVScanner, _ field: CSVField, _ error: LoadError) -> LoadError {
        let column = ByteText.column(of: field.start, in: scanner.bytes, lineStart: field.lineStart)
        return LoadError(path: error.path, line: field.line, column: column, message: error.message)
    }
}
