/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast generator whose output depends only on its 64-bit state, so
/// the same seed gives the same sequence on every platform and Swift version. Only integer arithmetic and IEEE
/// `+ - * /` are used on top of it (no `log`, `exp`, `sin`: libm differs between platforms), so generated numbers are
/// bit-identical everywhere.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A stream for one purpose: the seed mixed with a hash of the labels (FNV-1a), so that each file (and each
    /// day) has its own sequence and does not depend on which other files are generated.
    init(seed: UInt64, _ labels: String...) { self.init(seed: seed, labels: labels) }

    init(seed: UInt64, labels: [String]) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for label in labels {
            for byte in label.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F
            hash = hash &* 0x0000_0100_0000_01B3
        }
        state = seed ^ hash
        _ = next()
    }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// Uniform integer in `range` (multiply-high; the tiny bias is irrelevant for samples).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// About 1 with a bell-shaped spread of ±`spread` (mean of three uniforms).
    mutating func noise(_ spread: Double) -> Double {
        let mean = (unit() + unit() + unit()) / 3
        return 1 + spread * (2 * mean - 1)
    }

    /// `count` characters from `alphabet`.
    mutating func token(_ count: Int, alphabet: String = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") -> String {
        let characters = Array(alphabet)
        return String((0..<count).map { _ in characters[int(0...(characters.count - 1))] })
    }

    /// Lower-case hex digits.
    mutating func hex(_ count: Int) -> String { token(count, alphabet: "0123456789abcdef") }

    /// Decimal digits, the first not zero.
    mutating func digits(_ count: Int) -> String {
        String(int(1...9)) + token(count - 1, alphabet: "0123456789")
    }

    /// A random (version 4 shaped) UUID.
    mutating func uuid() -> String {
        hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + token(1, alphabet: "89ab") + hex(3) + "-" + hex(12)
    }
}

/// Text formatting for sample files: deterministic, locale-free.
enum SampleFormat {
    /// `value` rounded to `places` decimals, trailing zeros removed (`12.5`, `3`, `0.000125`).
    static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        // Large amounts (byte-seconds) keep fewer decimals so that the scaled value fits in 64 bits.
        if abs(value) * scale >= 9e18 {
            return places > 0 ? decimal(value, places: places - 1) : String(value.rounded())
        }
        let scaled = (value * scale).rounded()
        let negative = scaled < 0
        let magnitude = UInt64(abs(scaled))
        let digits = String(magnitude)
        var integerPart: String
        var fraction: String
        if digits.count > places {
            integerPart = String(digits.dropLast(places))
            fraction = String(digits.suffix(places))
        } else {
            integerPart = "0"
            fraction = String(repeating: "0", count: places - digits.count) + digits
        }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if integerPart.isEmpty { integerPart = "0" }
        let text = fraction.isEmpty ? integerPart : integerPart + "." + fraction
        return negative && magnitude != 0 ? "-" + text : text
    }

    /// `value` with exactly `places` decimals (`15.00`).
    static func fixed(_ value: Double, places: Int) -> String {
        let text = decimal(value, places: places)
        guard places > 0 else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: places - fraction.count)
    }

    /// A whole number of units from a non-negative amount.
    static func whole(_ value: Double) -> Int64 { Int64(max(0, value).rounded()) }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    static func timestamp(_ date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0) -> String {
        date.description + "T" + CivilDate.pad(hour, 2) + ":" + CivilDate.pad(minute, 2) + ":" + CivilDate.pad(second, 2) + "Z"
    }
}
