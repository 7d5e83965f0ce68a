// The only file that imports libyaml. Everything it returns is Swift-owned and Sendable.
internal import CYAML

/// Turns the bytes of one file into a ``YAMLDocument`` using libyaml's event API.
///
/// Composition fails fast on syntax errors (libyaml cannot resume) and on resource limits; the policy
/// violations it can step over (anchors, aliases, tags, merge keys, duplicate keys) are all reported.
/// No input can make it crash, loop, or hold more than a bounded amount of memory: the file size, nesting
/// depth, node count and number of diagnostics are all capped before libyaml or the tree can grow.
public struct YAMLComposer: Sendable {
    /// Resource limits. The defaults are generous for pipeline files (a 60-line pipeline has ~150 nodes).
    public struct Limits: Sendable, Hashable {
        /// Largest accepted file, in bytes.
        public var maxBytes: Int = 4 * 1024 * 1024
        /// Deepest accepted nesting of sequences and mappings.
        public var maxDepth: Int = 64
        /// Most nodes accepted in one document.
        public var maxNodes: Int = 200_000
        /// Most diagnostics reported for one file before composition stops.
        public var maxDiagnostics: Int = 50

        /// The default limits.
        public init() {}
    }

    /// The limits in force.
    public var limits: Limits

    /// Creates a composer.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Composes the single document of `file`.
    ///
    /// - Returns: the document, or nil if it could not be composed; errors are in `diagnostics`. A document
    ///   is also returned when only recoverable policy errors (duplicate keys, anchors…) were found, so the
    ///   decoder can report more; callers check `diagnostics.hasErrors` before going further.
    public func compose(_ file: SourceFile, diagnostics: inout Diagnostics) -> YAMLDocument? {
        if file.bytes.count > limits.maxBytes {
            diagnostics.error(
                .yamlFileTooLarge,
                "file is \(file.bytes.count) bytes; the limit is \(limits.maxBytes) bytes (4 MiB)",
                at: file.startRange,
                hint: "split the definition, or move data into a table that a load step fills"
            )
            return nil
        }
        if let problem = Self.firstEncodingProblem(in: file.bytes) {
            let position = file.position(ofByte: problem.offset)
            let range = SourceRange(file: file.path, start: position)
            switch problem.kind {
            case .nul:
                diagnostics.error(
                    .yamlNulByte, "file contains a NUL byte", at: range,
                    hint: "pipeline files are UTF-8 text; this looks like a binary file or a UTF-16 file")
            case .invalidUTF8(let byte):
                diagnostics.error(
                    .yamlInvalidUTF8,
                    "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true))", at: range,
                    hint: "save the file as UTF-8")
            }
            return nil
        }
        var session = ComposeSession(file: file, limits: limits)
        let root = session.run()
        diagnostics.append(contentsOf: session.diagnostics)
        guard let root else { return nil }
        return YAMLDocument(file: file, root: root)
    }

    // MARK: - Encoding pre-check

    enum EncodingProblemKind { case nul, invalidUTF8(UInt8) }

    /// Finds the first NUL byte or invalid UTF-8 sequence. libyaml would also reject them, but it reports a
    /// byte offset without line or column, and its message for NUL ("control characters are not allowed")
    /// does not say which one.
    static func firstEncodingProblem(in bytes: [UInt8]) -> (offset: Int, kind: EncodingProblemKind)? {
        bytes.withUnsafeBufferPointer { buffer -> (Int, EncodingProblemKind)? in
            var index = 0
            let count = buffer.count
            let raw = UnsafeRawBufferPointer(buffer)
            while index < count {
                // Eight ASCII bytes at a time, none of them NUL: no high bit set, and no zero byte.
                if index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let highBits: UInt64 = 0x8080_8080_8080_8080
                    if word & highBits == 0, (word &- 0x0101_0101_0101_0101) & ~word & highBits == 0 {
                        index += 8
                        continue
                    }
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    if lead == 0 { return (index, .nul) }
                    index += 1
                    continue
                }
                let length: Int
                var minimum: UInt32
                var scalar: UInt32
                switch lead {
                case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F); minimum = 0x80
                case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F); minimum = 0x800
                case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07); minimum = 0x10000
                default: return (index, .invalidUTF8(lead))
                }
                guard index + length <= count else { return (index, .invalidUTF8(lead)) }
                for next in 1..<length {
                    let byte = buffer[index + next]
                    // Blame the sequence's first byte: that is the one a Latin-1 file has wrong.
                    guard byte & 0xC0 == 0x80 else { return (index, .invalidUTF8(lead)) }
                    scalar = scalar << 6 | UInt32(byte & 0x3F)
                }
                minimum = max(minimum, 0)
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                    return (index, .invalidUTF8(lead))
                }
                index += length
            }
            return nil
        }
    }
}

// MARK: - One composition

/// The mutable state of one call to `compose`. Lives on the stack of that call; never escapes.
private struct ComposeSession {
    let file: SourceFile
    let limits: YAMLComposer.Limits
    var diagnostics = Diagnostics()
    var nodeCount = 0
    var stack: [Frame] = []
    var root: YAMLNode?
    var stopped = false
    var parserFailed = false

    /// An open sequence or mapping. The top frame is mutated in place (`stack[top]`), so appending a child
    /// never copies the collection.
    struct Frame {
        var isMapping: Bool
        var start: SourcePosition
        var isFlow: Bool
        var items: [YAMLNode] = []
        var entries: [YAMLMapping.Entry] = []
        var pendingKey: YAMLScalar?
        /// The first range of each key, once the mapping is long enough for a table to beat scanning `entries`.
        var firstKeys: [String: SourceRange]?

        static func sequence(start: SourcePosition, isFlow: Bool) -> Frame {
            Frame(isMapping: false, start: start, isFlow: isFlow)
        }

        static func mapping(start: SourcePosition, isFlow: Bool) -> Frame {
            Frame(isMapping: true, start: start, isFlow: isFlow)
        }
    }

    /// Mappings with at most this many keys look up duplicates by scanning their entries.
    static let scannedKeys = 16

    init(file: SourceFile, limits: YAMLComposer.Limits) {
        self.file = file
        self.limits = limits
    }

    mutating func run() -> YAMLNode? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            report(.error(.yamlSyntax, "could not initialise the YAML parser", at: file.startRange))
            return nil
        }
        defer { yaml_parser_delete(parser) }

        var documents = 0
        file.bytes.withUnsafeBufferPointer { buffer in
            // An empty buffer has no base address; libyaml accepts any pointer with size 0.
            let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
            yaml_parser_set_input_string(parser, base, buffer.count)
            // Without a BOM the input is UTF-8 (validated above). With one, let libyaml detect it and skip the BOM.
            if !file.hasByteOrderMark { yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING) }

            var event = yaml_event_t()
            loop: while !stopped {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    reportParserError(parser.pointee)
                    parserFailed = true
                    break loop
                }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT, YAML_NO_EVENT:
                    break loop
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        report(
                            .error(
                                .yamlMultipleDocuments,
                                "file contains more than one YAML document", at: range(event.start_mark, event.end_mark),
                                hint: "put each table, procedure or pipeline in a file of its own"))
                        break loop
                    }
                case YAML_SCALAR_EVENT:
                    handleScalar(event)
                case YAML_ALIAS_EVENT:
                    let aliasRange = range(event.start_mark, event.end_mark)
                    let name = string(event.data.alias.anchor, count: nil)
                    report(
                        .error(
                            .yamlAlias, "aliases are not supported ('*\(name)')", at: aliasRange,
                            hint: "write the value out; pipeline files do not share nodes"))
                    // Stand in a null so the rest of the tree keeps its shape for later diagnostics.
                    attach(.scalar(YAMLScalar(value: "", style: .plain, range: aliasRange)))
                case YAML_SEQUENCE_START_EVENT:
                    checkAnchorAndTag(
                        anchor: event.data.sequence_start.anchor, tag: event.data.sequence_start.tag,
                        implicit: event.data.sequence_start.implicit == 1, at: event.start_mark, event.end_mark)
                    push(
                        .sequence(
                            start: position(event.start_mark),
                            isFlow: event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE),
                        at: event.start_mark)
                case YAML_MAPPING_START_EVENT:
                    checkAnchorAndTag(
                        anchor: event.data.mapping_start.anchor, tag: event.data.mapping_start.tag,
                        implicit: event.data.mapping_start.implicit == 1, at: event.start_mark, event.end_mark)
                    push(
                        .mapping(
                            start: position(event.start_mark),
                            isFlow: event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE),
                        at: event.start_mark)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    pop(end: position(event.end_mark))
                default:
                    break
                }
            }
        }
        if stopped || parserFailed { return nil }
        if diagnostics.hasErrors && root == nil { return nil }
        guard documents > 0, let root else {
            report(
                .error(
                    .yamlEmptyFile, "file contains no definition", at: file.startRange,
                    hint: "start the file with 'table:', 'procedure:' or 'pipeline:'"))
            return nil
        }
        if case .scalar(let scalar) = root, scalar.isNull {
            report(
                .error(
                    .yamlEmptyFile, "file contains no definition", at: file.startRange,
                    hint: "start the file with 'table:', 'procedure:' or 'pipeline:'"))
            return nil
        }
        return root
    }

    // MARK: Events

    mutating func handleScalar(_ event: yaml_event_t) {
        let scalarData = event.data.scalar
        let implicit = scalarData.plain_implicit == 1 || scalarData.quoted_implicit == 1
        checkAnchorAndTag(
            anchor: scalarData.anchor, tag: scalarData.tag, implicit: implicit, at: event.start_mark, event.end_mark)
        let style: YAMLScalarStyle =
            switch scalarData.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        let value = string(scalarData.value, count: scalarData.length)
        attach(.scalar(YAMLScalar(value: value, style: style, range: range(event.start_mark, event.end_mark))))
    }

    mutating func checkAnchorAndTag(
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, implicit: Bool,
        at start: yaml_mark_t, _ end: yaml_mark_t
    ) {
        if let anchor {
            report(
                .error(
                    .yamlAnchor, "anchors are not supported ('&\(string(anchor, count: nil))')",
                    at: range(start, end),
                    hint: "write the value out where it is needed; pipeline files do not share nodes"))
        }
        if let tag {
            let text = string(tag, count: nil)
            let shown = text.hasPrefix("tag:yaml.org,2002:") ? "!!" + text.dropFirst(18) : text
            report(
                .error(
                    .yamlTag, "explicit tags are not supported ('\(shown)')", at: range(start, end),
                    hint: "remove the tag; each field's type comes from the schema"))
        }
    }

    mutating func push(_ frame: Frame, at mark: yaml_mark_t) {
        guard countNode(at: mark) else { return }
        if stack.count >= limits.maxDepth {
            report(
                .error(
                    .yamlTooDeep, "nesting is deeper than \(limits.maxDepth) levels",
                    at: range(mark, mark),
                    hint: "pipeline files need a few levels; this file is probably not a pipeline definition"))
            stopped = true
            return
        }
        stack.append(frame)
    }

    mutating func pop(end: SourcePosition) {
        guard let frame = stack.popLast() else { return }
        if !frame.isMapping {
            let node = YAMLNode.sequence(
                YAMLSequence(items: frame.items, isFlow: frame.isFlow, range: SourceRange(file: file.path, start: frame.start, end: end)))
            attach(node)
        } else {
            var entries = frame.entries
            if let pendingKey = frame.pendingKey {
                // A key without a value event cannot happen with libyaml, but keep the tree whole anyway.
                entries.append(.init(key: pendingKey, value: .scalar(YAMLScalar(value: "", style: .plain, range: pendingKey.range))))
            }
            let node = YAMLNode.mapping(
                YAMLMapping(entries: entries, isFlow: frame.isFlow, range: SourceRange(file: file.path, start: frame.start, end: end)))
            attach(node)
        }
    }

    /// Hands a finished node to its parent (or makes it the root).
    mutating func attach(_ node: YAMLNode) {
        if case .scalar = node, !countNode(at: nil) { return }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        // Mutating `stack[top]` in place keeps its arrays uniquely referenced: appending never copies them.
        if !stack[top].isMapping {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            stack[top].pendingKey = nil
            stack[top].entries.append(.init(key: key, value: node))
            return
        }
        let key: YAMLScalar
        switch node {
        case .scalar(let scalar):
            key = scalar
        case .sequence, .mapping:
            report(
                .error(
                    .yamlComplexKey, "mapping keys must be plain strings, not \(node.kindDescription)",
                    at: node.range))
            key = YAMLScalar(value: "", style: .plain, range: node.range)
        }
        if key.style == .plain && key.value == "<<" {
            report(
                .error(
                    .yamlMergeKey, "merge keys ('<<') are not supported", at: key.range,
                    hint: "write the keys out; pipeline files do not share nodes"))
        } else if let first = firstRange(of: key.value, inFrame: top) {
            report(
                .error(
                    .yamlDuplicateKey, "duplicate key '\(key.value)'", at: key.range,
                    notes: [.init("first defined here", at: first)],
                    hint: "remove one of them; YAML would silently keep only one"))
        } else {
            recordFirst(key, inFrame: top)
        }
        stack[top].pendingKey = key
    }

    /// Where `key` was first written in the mapping, if it was. Every earlier key already has its value, so it
    /// is in `entries`; merge keys (`<<`, plain) never count as a first definition.
    func firstRange(of key: String, inFrame index: Int) -> SourceRange? {
        if let firstKeys = stack[index].firstKeys { return firstKeys[key] }
        for entry in stack[index].entries where entry.key.value == key && !Self.isMergeKey(entry.key) {
            return entry.key.range
        }
        return nil
    }

    /// Notes a key's first definition; past ``scannedKeys`` entries the keys move into a table, so a long
    /// mapping stays linear.
    mutating func recordFirst(_ key: YAMLScalar, inFrame index: Int) {
        if stack[index].firstKeys != nil {
            stack[index].firstKeys![key.value] = key.range
            return
        }
        guard stack[index].entries.count >= Self.scannedKeys else { return }
        var table: [String: SourceRange] = [:]
        for entry in stack[index].entries where !Self.isMergeKey(entry.key) && table[entry.key.value] == nil {
            table[entry.key.value] = entry.key.range
        }
        table[key.value] = key.range
        stack[index].firstKeys = table
    }

    static func isMergeKey(_ key: YAMLScalar) -> Bool { key.style == .plain && key.value == "<<" }

    /// Counts one node; returns false (and stops) past the node limit.
    mutating func countNode(at mark: yaml_mark_t?) -> Bool {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            let where_ = mark.map { range($0, $0) } ?? file.startRange
            report(
                .error(
                    .yamlTooManyNodes, "file has more than \(limits.maxNodes) YAML nodes", at: where_,
                    hint: "pipeline files are small; move data into a table that a load step fills"))
            stopped = true
            return false
        }
        return true
    }

    // MARK: Errors

    mutating func report(_ diagnostic: Diagnostic) {
        guard !stopped else { return }
        if diagnostics.all.count >= limits.maxDiagnostics {
            diagnostics.append(
                .error(
                    .yamlTooManyErrors, "too many errors in this file; stopped after \(limits.maxDiagnostics)",
                    at: diagnostic.range))
            stopped = true
            return
        }
        diagnostics.append(diagnostic)
    }

    mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let context = parser.context.map { String(cString: $0) }
        if parser.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset instead of a mark.
            let start = file.position(ofByte: parser.problem_offset)
            report(
                .error(
                    .yamlSyntax, "the file cannot be read as YAML: \(problem)",
                    at: SourceRange(file: file.path, start: start)))
            return
        }
        if parser.error == YAML_MEMORY_ERROR {
            report(.error(.yamlSyntax, "the YAML parser ran out of memory", at: file.startRange))
            return
        }
        let at = range(parser.problem_mark, parser.problem_mark)
        var notes: [Diagnostic.Note] = []
        if let context {
            notes.append(.init(context, at: range(parser.context_mark, parser.context_mark)))
        }
        if problem.contains("tab") || isTab(at: at.start) {
            report(
                .error(
                    .yamlTabIndentation, "tab character used for indentation", at: at,
                    notes: notes + [.init("libyaml: \(problem)")],
                    hint: "YAML indents with spaces only; replace the tab with spaces"))
            return
        }
        report(.error(.yamlSyntax, "invalid YAML: \(problem)", at: at, notes: notes))
    }

    func isTab(at position: SourcePosition) -> Bool {
        let index = position.offset - 1
        return index >= 0 && index < file.bytes.count && file.bytes[index] == 0x09
    }

    // MARK: Conversions

    func position(_ mark: yaml_mark_t) -> SourcePosition {
        file.position(line: Int(mark.line), scalarColumn: Int(mark.column))
    }

    func range(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceRange {
        SourceRange(file: file.path, start: position(start), end: position(end))
    }

    /// Copies a libyaml string. With a count, NUL bytes inside are kept.
    func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, count: Int?) -> String {
        guard let pointer else { return "" }
        let length = count ?? strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }
}
