/// A stable diagnostic code such as `yaml.duplicate-key` or `pipeline.cycle`.
///
/// Codes are written out explicitly (never derived from Swift names) so that renaming code cannot change
/// what users, CI filters and SARIF rules see. Every code is listed in ``DiagnosticID/catalog``.
public struct DiagnosticID: Sendable, Hashable, Codable, RawRepresentable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code as printed.
    public var rawValue: String

    /// Creates a code from its text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a code from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}

/// One message from the front end: an error, a warning, or a note, with a stable code and a precise position.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, note

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
    }

    /// A secondary message attached to a diagnostic, such as "first defined here".
    public struct Note: Sendable, Hashable, Codable {
        /// The note's text (lowercase, no trailing period).
        public var message: String
        /// Where the note points, if anywhere.
        public var range: SourceRange?

        /// Creates a note.
        public init(_ message: String, at range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    /// Error, warning or note.
    public var severity: Severity
    /// The stable code.
    public var id: DiagnosticID
    /// What is wrong: lowercase, no trailing period, names in 'quotes'.
    public var message: String
    /// Where it is wrong (1-based positions); nil only for project-level problems.
    public var range: SourceRange?
    /// Related places, such as the first definition of a duplicate.
    public var notes: [Note]
    /// A one-line suggestion for fixing it.
    public var hint: String?

    /// Creates a diagnostic.
    public init(
        severity: Severity,
        id: DiagnosticID,
        message: String,
        range: SourceRange?,
        notes: [Note] = [],
        hint: String? = nil
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.range = range
        self.notes = notes
        self.hint = hint
    }

    /// An error.
    public static func error(
        _ id: DiagnosticID, _ message: String, at range: SourceRange?, notes: [Note] = [], hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(severity: .error, id: id, message: message, range: range, notes: notes, hint: hint)
    }

    /// A warning.
    public static func warning(
        _ id: DiagnosticID, _ message: String, at range: SourceRange?, notes: [Note] = [], hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(severity: .warning, id: id, message: message, range: range, notes: notes, hint: hint)
    }
}

/// The diagnostics a stage collected. A value type passed `inout` through the stages, so it needs no locks.
public struct Diagnostics: Sendable, Hashable, Codable {
    /// Every diagnostic in the order it was reported.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty collection.
    public init() {}

    /// Creates a collection holding the given diagnostics.
    public init(_ diagnostics: [Diagnostic]) { all = diagnostics }

    /// True if at least one diagnostic is an error.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// The number of errors.
    public var errorCount: Int { all.count { $0.severity == .error } }

    /// The number of warnings.
    public var warningCount: Int { all.count { $0.severity == .warning } }

    /// True if there is nothing at all.
    public var isEmpty: Bool { all.isEmpty }

    /// Adds one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    /// Adds several diagnostics.
    public mutating func append(contentsOf other: Diagnostics) { all.append(contentsOf: other.all) }

    /// Adds an error.
    public mutating func error(
        _ id: DiagnosticID, _ message: String, at range: SourceRange?, notes: [Diagnostic.Note] = [],
        hint: String? = nil
    ) {
        all.append(.error(id, message, at: range, notes: notes, hint: hint))
    }

    /// Adds a warning.
    public mutating func warning(
        _ id: DiagnosticID, _ message: String, at range: SourceRange?, notes: [Diagnostic.Note] = [],
        hint: String? = nil
    ) {
        all.append(.warning(id, message, at: range, notes: notes, hint: hint))
    }

    /// The diagnostics in a stable order: by file, line, column, then code. Used by every formatter so that
    /// output does not depend on the order checks ran in.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { lhs, rhs in
            let l = lhs.element
            let r = rhs.element
            let lk = (l.range?.file ?? "", l.range?.start.line ?? 0, l.range?.start.column ?? 0)
            let rk = (r.range?.file ?? "", r.range?.start.line ?? 0, r.range?.start.column ?? 0)
            if lk != rk { return lk < rk }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
