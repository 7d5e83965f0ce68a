extension LocalFunctions {
    /// The prefix `cloudact_assert` puts before a failed assertion's message, so the runner can tell a failed
    /// ASSERT (a data problem, never retried) from an engine error.
    static let assertionPrefix = "assertion failed: "

    /// The assertion's own message if `message` reports a failed ASSERT.
    static func assertionMessage(_ message: String) -> String? {
        message.hasPrefix(assertionPrefix) ? String(message.dropFirst(assertionPrefix.count)) : nil
    }
}
