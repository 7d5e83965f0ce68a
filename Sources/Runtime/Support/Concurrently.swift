import Dispatch

/// Independent pieces of file work spread over the cores (reading a project, comparing and writing artifacts).
enum Concurrently {
    /// `(0..<count).map(body)`, computed concurrently; the results are in index order.
    static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        if count < 2 { return (0..<count).map(body) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.initialize(index, to: body(index))
            }
            initialized = count
        }
    }

    /// Each index is written once, by one iteration, and read after `concurrentPerform` returns.
    private struct Slots<Result>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Result>
        func initialize(_ index: Int, to value: consuming Result) { (base + index).initialize(to: value) }
    }
}
