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
