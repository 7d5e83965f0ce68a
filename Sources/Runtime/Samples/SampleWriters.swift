/// One value written to a sample file.
enum SampleValue {
    case null
    case text(String)
    /// A number or literal written as is (CSV: unquoted; JSON: bare).
    case raw(String)

    static func int(_ value: Int64) -> SampleValue { .raw(String(value)) }
    static func int(_ value: Int) -> SampleValue { .raw(String(value)) }
    static func optionalText(_ value: String?) -> SampleValue { value.map { .text($0) } ?? .null }
}

/// Writes RFC 4180 CSV: a header row, fields quoted only when they must be (a comma, quote, CR or LF inside, or
/// leading/trailing spaces), quotes doubled, NULL as an empty field and the empty string as `""`.
struct CSVWriter {
    private(set) var bytes: [UInt8] = []
    let columns: [String]
    let lineEnding: String

    init(columns: [String], lineEnding: String = "\n", byteOrderMark: Bool = false) {
        self.columns = columns
        self.lineEnding = lineEnding
        if byteOrderMark { bytes.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        append(columns.map { SampleValue.text($0) })
    }

    mutating func append(_ values: [SampleValue]) {
        precondition(values.count == columns.count, "sample row has \(values.count) values for \(columns.count) columns")
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            switch value {
            case .null: break
            case .raw(let text): bytes.append(contentsOf: text.utf8)
            case .text(let text):
                let needsQuotes =
                    text.isEmpty || text.hasPrefix(" ") || text.hasSuffix(" ")
                    || text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                if needsQuotes {
                    bytes.append(0x22)
                    for byte in text.utf8 {
                        if byte == 0x22 { bytes.append(0x22) }
                        bytes.append(byte)
                    }
                    bytes.append(0x22)
                } else {
                    bytes.append(contentsOf: text.utf8)
                }
            }
        }
        bytes.append(contentsOf: lineEnding.utf8)
    }

    /// Appends a row given as (column, value) pairs, checking the names against the header.
    mutating func append(_ pairs: KeyValuePairs<String, SampleValue>) {
        precondition(pairs.map(\.key) == columns, "sample row columns differ from the header")
        append(pairs.map(\.value))
    }
}

/// Writes JSON Lines: one object per line, members in the given order, compact.
struct JSONLinesWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ members: KeyValuePairs<String, SampleValue>) {
        bytes.append(0x7B)
        for (index, member) in members.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            JSONValue.writeString(member.key, into: &bytes)
            bytes.append(0x3A)
            switch member.value {
            case .null: bytes.append(contentsOf: "null".utf8)
            case .raw(let text): bytes.append(contentsOf: text.utf8)
            case .text(let text): JSONValue.writeString(text, into: &bytes)
            }
        }
        bytes.append(contentsOf: "}\n".utf8)
    }
}

/// A compact JSON object from ordered string members (tags, labels).
func jsonObject(_ members: [(String, String)]) -> String {
    var bytes: [UInt8] = [0x7B]
    for (index, member) in members.enumerated() {
        if index > 0 { bytes.append(0x2C) }
        JSONValue.writeString(member.0, into: &bytes)
        bytes.append(0x3A)
        JSONValue.writeString(member.1, into: &bytes)
    }
    bytes.append(0x7D)
    return String(decoding: bytes, as: UTF8.self)
}
