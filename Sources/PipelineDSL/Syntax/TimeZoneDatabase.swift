import Foundation

/// The IANA time zone names a schedule may use.
///
/// The decoder is pure, so the database is a value handed to it: the CLI and the server load the system's
/// zone database (`/usr/share/zoneinfo/tzdata.zi`) once; ``foundation`` is the fallback when that file is
/// missing (for example on macOS), built from the zones Foundation knows.
public struct TimeZoneDatabase: Sendable, Hashable {
    /// Every accepted name, links included (`UTC`, `Etc/UTC`, `US/Pacific`, …).
    public var names: Set<String>

    /// Creates a database from a set of names.
    public init(names: Set<String>) { self.names = names }

    /// Parses the `tzdata.zi` format: `Z name …` declares a zone, `L target name` a link.
    public init(tzdataZi text: String) {
        var names: Set<String> = []
        // The real file is ASCII without CRs: then lines and fields are plain byte runs, and scanning bytes gives
        // the same names as splitting Characters, in a fraction of the time (this runs on every CLI start).
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            for line in text.utf8.split(separator: 0x0A) {
                // Most lines are rules and continuations: skip them before splitting.
                guard let lead = line.first(where: { $0 != 0x20 }), lead == 0x5A || lead == 0x4C else { continue }
                let fields = line.split(separator: 0x20)
                guard let first = fields.first, first.count == 1, let kind = first.first else { continue }
                if kind == 0x5A, fields.count >= 2 { names.insert(String(Substring(fields[1]))) }  // Z name …
                if kind == 0x4C, fields.count >= 3 { names.insert(String(Substring(fields[2]))) }  // L target name
            }
            self.names = names
            return
        }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 2, fields[0] == "Z" { names.insert(String(fields[1])) }
            if fields.count >= 3, fields[0] == "L" { names.insert(String(fields[2])) }
        }
        self.names = names
    }

    /// The zones Foundation knows, plus the UTC spellings it leaves out of its list.
    public static var foundation: TimeZoneDatabase {
        TimeZoneDatabase(names: Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC", "Etc/UTC", "GMT", "Etc/GMT"]))
    }

    /// True if `name` is a known zone.
    public func contains(_ name: String) -> Bool { names.contains(name) }
}
