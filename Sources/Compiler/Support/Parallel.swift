import Dispatch

/// Runs independent pieces of work on every core and returns their results in index order, so callers merge
/// them exactly as a sequential loop would. The caller stays synchronous: `map` returns when every piece is
/// done. The work is `@Sendable` (the compiler checks that it only reads shared values) and each piece writes
/// only its own slot of the result.
enum Parallel {
    /// Fewer items than this run on the calling thread: spreading tiny inputs costs more than it saves.
    static let minimumItems = 8

    /// `(0..<count).map(body)`, computed concurrently.
    static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        if count < minimumItems { return (0..<count).map(body) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.initialize(index, to: body(index))
            }
            initialized = count
        }
    }

    /// `items.map(body)`, computed concurrently.
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ body: @Sendable (Item) -> Result) -> [Result] {
        map(items.count) { body(items[$0]) }
    }

    /// Lets go of `value` on a background thread. Freeing a whole project's syntax and IR is tens of thousands
    /// of deallocations; the caller's thread (and the caller's result) need not wait for them. Only the memory
    /// is released later; nothing observable depends on when. The closure owns the value, and libdispatch
    /// releases the closure on the worker thread once it has run.
    static func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
        let owned = value
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(owned) {} }
    }

    /// The uninitialised result buffer. Each index is written exactly once, by one piece of work, and read only
    /// after `concurrentPerform` has returned.
    private struct Slots<Result>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Result>
        func initialize(_ index: Int, to value: consuming Result) { (base + index).initialize(to: value) }
    }
}
