public import PipelineDSL

/// The typed function library of the expression language. Each function has a signature (checked here) and
/// a rendering per dialect (in the SQL printer).
public enum SQLFunction: String, Sendable, Hashable, CaseIterable {
    case coalesce = "COALESCE", ifNull = "IFNULL", nullIf = "NULLIF", `if` = "IF"
    case round = "ROUND", abs = "ABS", div = "DIV", mod = "MOD", least = "LEAST", greatest = "GREATEST", safeDivide = "SAFE_DIVIDE"
    case concat = "CONCAT", lower = "LOWER", upper = "UPPER", trim = "TRIM", substr = "SUBSTR"
    case regexpContains = "REGEXP_CONTAINS", regexpExtract = "REGEXP_EXTRACT", startsWith = "STARTS_WITH"
    case dateTrunc = "DATE_TRUNC", dateAdd = "DATE_ADD", dateSub = "DATE_SUB", dateDiff = "DATE_DIFF"
    case lastDay = "LAST_DAY", extract = "EXTRACT", date = "DATE", timestamp = "TIMESTAMP", formatDate = "FORMAT_DATE"
    case currentTimestamp = "CURRENT_TIMESTAMP", currentDate = "CURRENT_DATE", jsonObject = "JSON_OBJECT"
    case sum = "SUM", count = "COUNT", countIf = "COUNTIF", min = "MIN", max = "MAX", avg = "AVG"
    case anyValue = "ANY_VALUE"

    /// True if argument `index` is a date part (`DATE_DIFF(a, b, MONTH)`).
    func takesDatePart(at index: Int) -> Bool {
        switch self {
        case .dateTrunc, .lastDay: index == 1
        case .dateDiff: index == 2
        case .extract: index == 0
        default: false
        }
    }

    /// True for aggregate functions.
    public var isAggregate: Bool {
        switch self {
        case .sum, .count, .countIf, .min, .max, .avg, .anyValue: true
        default: false
        }
    }

    /// A one-line signature for messages.
    public var signature: String {
        switch self {
        case .coalesce: "COALESCE(value, value, ...)"
        case .ifNull: "IFNULL(value, default)"
        case .nullIf: "NULLIF(value, value)"
        case .if: "IF(condition, then, else)"
        case .round: "ROUND(number [, digits])"
        case .abs: "ABS(number)"
        case .div: "DIV(int64, int64)"
        case .mod: "MOD(int64, int64)"
        case .least: "LEAST(value, ...)"
        case .greatest: "GREATEST(value, ...)"
        case .safeDivide: "SAFE_DIVIDE(number, number)"
        case .concat: "CONCAT(string, ...)"
        case .lower: "LOWER(string)"
        case .upper: "UPPER(string)"
        case .trim: "TRIM(string)"
        case .substr: "SUBSTR(string, position [, length])"
        case .regexpContains: "REGEXP_CONTAINS(string, pattern)"
        case .regexpExtract: "REGEXP_EXTRACT(string, pattern)"
        case .startsWith: "STARTS_WITH(string, prefix)"
        case .dateTrunc: "DATE_TRUNC(date, DAY|WEEK|MONTH|QUARTER|YEAR)"
        case .dateAdd: "DATE_ADD(date, INTERVAL n DAY|WEEK|MONTH|QUARTER|YEAR)"
        case .dateSub: "DATE_SUB(date, INTERVAL n DAY|WEEK|MONTH|QUARTER|YEAR)"
        case .dateDiff: "DATE_DIFF(date, date, DAY|WEEK|MONTH|QUARTER|YEAR)"
        case .lastDay: "LAST_DAY(date [, WEEK|MONTH|QUARTER|YEAR])"
        case .extract: "EXTRACT(DAY|MONTH|YEAR|… FROM date)"
        case .date: "DATE(timestamp) or DATE(year, month, day)"
        case .timestamp: "TIMESTAMP(date)"
        case .formatDate: "FORMAT_DATE(format, date)"
        case .currentTimestamp: "CURRENT_TIMESTAMP()"
        case .currentDate: "CURRENT_DATE()"
        case .jsonObject: "JSON_OBJECT('key', value, ...)"
        case .sum: "SUM(number)"
        case .count: "COUNT(value) or COUNT(*)"
        case .countIf: "COUNTIF(condition)"
        case .min: "MIN(value)"
        case .max: "MAX(value)"
        case .avg: "AVG(number)"
        case .anyValue: "ANY_VALUE(value)"
        }
    }

    /// The result type for these arguments, or why they do not fit. A nil success is an untyped NULL.
    func resultType(_ arguments: [TypedExpression]) -> Result<ColumnType?, FunctionError> {
        let types = arguments.map(\.type)
        func count(_ range: ClosedRange<Int>) -> FunctionError? {
            range.contains(arguments.count)
                ? nil : .count("\(rawValue) takes \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)") argument\(range.upperBound == 1 ? "" : "s"); found \(arguments.count)")
        }
        func require(_ index: Int, _ allowed: [ColumnType], _ what: String) -> FunctionError? {
            guard let type = types[index] else {
                if case .interval = arguments[index] { return .argument(index, "expected \(what), found an INTERVAL") }
                if case .datePart = arguments[index] { return .argument(index, "expected \(what), found a date part") }
                return nil  // NULL fits anything
            }
            return allowed.contains(type) ? nil : .argument(index, "expected \(what), found \(type.rawValue)")
        }
        func requireDatePart(_ index: Int, _ allowed: [DatePart]) -> FunctionError? {
            guard case .datePart(let part) = arguments[index] else {
                return .argument(index, "expected a date part (\(allowed.map(\.rawValue).joined(separator: ", ")))")
            }
            return allowed.contains(part)
                ? nil : .argument(index, "\(part.rawValue) is not allowed here; expected \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        func supertype(_ indices: some Sequence<Int>) -> Result<ColumnType?, FunctionError> {
            var result: ColumnType?
            for index in indices {
                guard let type = types[index] else { continue }
                guard let next = TypeRules.commonSupertype(result, type) else {
                    return .failure(.argument(index, "\(type.rawValue) does not match \(result!.rawValue)"))
                }
                result = next
            }
            return .success(result)
        }
        let numeric = TypeRules.numericTypes
        let calendarParts: [DatePart] = [.day, .week, .month, .quarter, .year]
        var problem: FunctionError?
        switch self {
        case .coalesce, .least, .greatest:
            if let p = count(1...64) { return .failure(p) }
            return supertype(arguments.indices)
        case .ifNull:
            if let p = count(2...2) { return .failure(p) }
            return supertype(0...1)
        case .nullIf:
            if let p = count(2...2) { return .failure(p) }
            if case .failure(let e) = supertype(0...1) { return .failure(e) }
            return .success(types[0])
        case .if:
            if let p = count(3...3) ?? require(0, [.bool], "a BOOL condition") { return .failure(p) }
            return supertype(1...2)
        case .round:
            problem = count(1...2) ?? require(0, numeric, "a number") ?? (arguments.count == 2 ? require(1, [.int64], "an INT64 digit count") : nil)
            if let problem { return .failure(problem) }
            return .success(types[0] == .int64 ? .float64 : types[0])
        case .abs:
            if let p = count(1...1) ?? require(0, numeric, "a number") { return .failure(p) }
            return .success(types[0])
        case .div, .mod:
            if let p = count(2...2) ?? require(0, [.int64], "an INT64") ?? require(1, [.int64], "an INT64") { return .failure(p) }
            return .success(.int64)
        case .safeDivide:
            if let p = count(2...2) ?? require(0, numeric, "a number") ?? require(1, numeric, "a number") { return .failure(p) }
            return .success(TypeRules.divisionType(types[0], types[1]))
        case .concat:
            if let p = count(1...64) { return .failure(p) }
            for index in arguments.indices { if let p = require(index, [.string], "a STRING") { return .failure(p) } }
            return .success(.string)
        case .lower, .upper, .trim:
            if let p = count(1...1) ?? require(0, [.string], "a STRING") { return .failure(p) }
            return .success(.string)
        case .substr:
            problem = count(2...3) ?? require(0, [.string], "a STRING") ?? require(1, [.int64], "an INT64 position")
                ?? (arguments.count == 3 ? require(2, [.int64], "an INT64 length") : nil)
            if let problem { return .failure(problem) }
            return .success(.string)
        case .regexpContains, .startsWith, .regexpExtract:
            if let p = count(2...2) ?? require(0, [.string], "a STRING") ?? require(1, [.string], "a STRING pattern") {
                return .failure(p)
            }
            return .success(self == .regexpExtract ? .string : .bool)
        case .dateTrunc:
            if let p = count(2...2) ?? require(0, [.date], "a DATE") ?? requireDatePart(1, calendarParts) { return .failure(p) }
            return .success(.date)
        case .dateAdd, .dateSub:
            if let p = count(2...2) ?? require(0, [.date], "a DATE") { return .failure(p) }
            guard case .interval(let amount, let part) = arguments[1] else {
                return .failure(.argument(1, "expected INTERVAL n DAY|WEEK|MONTH|QUARTER|YEAR"))
            }
            if let amountType = amount.type, amountType != .int64 {
                return .failure(.argument(1, "the interval amount must be INT64, found \(amountType.rawValue)"))
            }
            if !calendarParts.contains(part) { return .failure(.argument(1, "\(part.rawValue) is not an interval unit")) }
            return .success(.date)
        case .dateDiff:
            if let p = count(3...3) ?? require(0, [.date], "a DATE") ?? require(1, [.date], "a DATE") ?? requireDatePart(2, calendarParts) {
                return .failure(p)
            }
            return .success(.int64)
        case .lastDay:
            problem = count(1...2) ?? require(0, [.date], "a DATE") ?? (arguments.count == 2 ? requireDatePart(1, [.month, .quarter, .year, .week]) : nil)
            if let problem { return .failure(problem) }
            return .success(.date)
        case .extract:
            if let p = count(2...2) ?? requireDatePart(0, DatePart.allCases) ?? require(1, [.date, .timestamp], "a DATE or TIMESTAMP") {
                return .failure(p)
            }
            return .success(.int64)
        case .date:
            if arguments.count == 3 {
                for index in 0..<3 { if let p = require(index, [.int64], "an INT64") { return .failure(p) } }
                return .success(.date)
            }
            if let p = count(1...1) ?? require(0, [.timestamp, .date], "a TIMESTAMP") { return .failure(p) }
            return .success(.date)
        case .timestamp:
            if let p = count(1...1) ?? require(0, [.date, .timestamp], "a DATE") { return .failure(p) }
            return .success(.timestamp)
        case .formatDate:
            if let p = count(2...2) ?? require(0, [.string], "a STRING format") ?? require(1, [.date], "a DATE") { return .failure(p) }
            return .success(.string)
        case .currentTimestamp:
            if let p = count(0...0) { return .failure(p) }
            return .success(.timestamp)
        case .currentDate:
            if let p = count(0...0) { return .failure(p) }
            return .success(.date)
        case .jsonObject:
            guard arguments.count % 2 == 0 else {
                return .failure(.count("JSON_OBJECT takes key, value pairs; found \(arguments.count) arguments"))
            }
            for index in stride(from: 0, to: arguments.count, by: 2) {
                guard case .literal(.string, _) = arguments[index] else {
                    return .failure(.argument(index, "JSON_OBJECT keys must be string literals"))
                }
                if case .interval = arguments[index + 1] { return .failure(.argument(index + 1, "an INTERVAL is not a JSON value")) }
            }
            return .success(.json)
        case .sum, .avg:
            if let p = count(1...1) ?? require(0, numeric, "a number") { return .failure(p) }
            if self == .avg { return .success(types[0] == .int64 ? .float64 : types[0]) }
            return .success(types[0] ?? .int64)
        case .count:
            if let p = count(1...1) { return .failure(p) }
            return .success(.int64)
        case .countIf:
            if let p = count(1...1) ?? require(0, [.bool], "a BOOL condition") { return .failure(p) }
            return .success(.int64)
        case .min, .max, .anyValue:
            if let p = count(1...1) { return .failure(p) }
            if self != .anyValue, types[0] == .json { return .failure(.argument(0, "JSON values cannot be ordered")) }
            return .success(types[0])
        }
    }

    /// Why arguments do not fit.
    enum FunctionError: Error {
        case count(String)
        case argument(Int, String)
    }
}

/// Type rules shared by the checker and the passes.
public enum TypeRules {
    /// The numeric types, narrowest first: INT64 → NUMERIC → BIGNUMERIC → FLOAT64.
    public static let numericTypes: [ColumnType] = [.int64, .numeric, .bignumeric, .float64]

    /// The narrowest type both fit into, or nil if they have none (nil operands are untyped NULLs).
    public static func commonSupertype(_ a: ColumnType?, _ b: ColumnType?) -> ColumnType?? {
        guard let a else { return .some(b) }
        guard let b else { return .some(a) }
        if a == b { return .some(a) }
        if let ia = numericTypes.firstIndex(of: a), let ib = numericTypes.firstIndex(of: b) {
            return .some(numericTypes[max(ia, ib)])
        }
        return .none
    }

    /// True if a value of type `from` may be stored in a column of type `to` (numeric widening only).
    public static func isAssignable(_ from: ColumnType?, to: ColumnType) -> Bool {
        guard let from else { return true }
        if from == to { return true }
        if let i = numericTypes.firstIndex(of: from), let j = numericTypes.firstIndex(of: to) { return i <= j }
        return false
    }

    /// BigQuery's CAST conversions among the language's types (JSON converts only with JSON functions).
    public static func canCast(_ from: ColumnType, to: ColumnType) -> Bool {
        if from == to { return true }
        if from == .json || to == .json { return false }
        if from == .string || to == .string { return true }
        let numbers: Set<ColumnType> = [.int64, .numeric, .bignumeric, .float64]
        switch (from, to) {
        case (let a, let b) where numbers.contains(a) && numbers.contains(b): return true
        case (.int64, .bool), (.bool, .int64): return true
        case (.date, .timestamp), (.timestamp, .date): return true
        default: return false
        }
    }

    /// BigQuery's `/`: INT64 / INT64 is FLOAT64; otherwise the common numeric type.
    public static func divisionType(_ a: ColumnType?, _ b: ColumnType?) -> ColumnType? {
        if (a == .int64 || a == nil) && (b == .int64 || b == nil) { return .float64 }
        return commonSupertype(a, b) ?? .float64
    }
}
