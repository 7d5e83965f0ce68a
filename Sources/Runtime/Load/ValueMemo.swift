internal import PipelineDSL

/// Remembers the last few distinct values of one column by their exact input bytes, so that repeated values
/// (provider, model, usage key, dates — most of a usage file) are converted once and share one `String` storage.
/// The conversion is a pure function of the bytes and the column type, so a hit returns exactly what converting
/// would. A column whose values rarely repeat (quantities) switches the memo off after a short trial.
struct ValueMemo {
    static let capacity = 8
    static let maxLength = 64
    static let trial = 512

    private var keys: [[UInt8]] = []
    private var values: [LoadValue] = []
    private var nextSlot = 0
    private var lookups = 0
    private var hits = 0
    private var enabled = true

    /// The value converted earlier from the same bytes, or nil.
    @inline(__always)
    mutating func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> LoadValue? {
        guard enabled, bytes.count <= ValueMemo.maxLength else { return nil }
        lookups += 1
        let count = bytes.count
        for slot in keys.indices {
            let matched = keys[slot].withUnsafeBufferPointer { key -> Bool in
                guard key.count == count else { return false }
                var i = 0
                while i < count {
                    if key[i] != bytes[i] { return false }
                    i += 1
                }
                return true
            }
            if matched {
                hits += 1
                return values[slot]
            }
        }
        if lookups == ValueMemo.trial && hits < lookups / 4 {
            enabled = false
            keys = []
            values = []
        }
        return nil
    }

    /// Remembers a converted value (replacing the oldest when full).
    @inline(__always)
    mutating func store(_ bytes: UnsafeBufferPointer<UInt8>, _ value: LoadValue) {
        guard enabled, bytes.count <= ValueMemo.maxLength else { return }
        if keys.count < ValueMemo.capacity {
            keys.append(Array(bytes))
            values.append(value)
        } else {
            keys[nextSlot] = Array(bytes)
            values[nextSlot] = value
            nextSlot = (nextSlot + 1) % ValueMemo.capacity
        }
    }
}

/// Converts field text for the columns of a plan, through one memo per column.
struct ColumnConverter {
    var memos: [ValueMemo]
    let types: [ColumnType]

    init(plan: LoadPlan) {
        memos = Array(repeating: ValueMemo(), count: plan.types.count)
        types = plan.types
    }

    @inline(__always)
    mutating func convert(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> Conversion {
        if let value = memos[column].lookup(bytes) { return .value(value) }
        let conversion = ValueParser.convert(bytes, as: types[column])
        if case .value(let value) = conversion { memos[column].store(bytes, value) }
        return conversion
    }
}
