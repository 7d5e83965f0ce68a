internal import PipelineDSL

/// A `call` names a defined procedure and passes exactly its parameters, each a `$variable` of the right
/// type or a literal that fits; `load` and `check` name defined tables.
///
/// Diagnostics: `pipeline.unknown-procedure`, `pipeline.unknown-table`, `pipeline.missing-argument`,
/// `pipeline.unknown-argument`, `pipeline.argument-type`, `pipeline.unknown-variable`.
enum StepsMustReferenceDefinitions {
    static func check(_ pipeline: PipelineSyntax, context: CheckContext, diagnostics: inout Diagnostics) {
        for step in pipeline.steps {
            switch step.action {
            case .load(let load):
                checkTable(load.into, context: context, diagnostics: &diagnostics)
            case .check(let check):
                checkTable(check.table, context: context, diagnostics: &diagnostics)
            case .call(let name, let arguments):
                guard let procedure = context.procedures[name.value] else {
                    if !context.undecodedNames.contains(name.value) {
                        diagnostics.append(.unknownProcedure(name, known: context.procedures.keys.sorted()))
                    }
                    continue
                }
                checkArguments(arguments, of: procedure, call: name, diagnostics: &diagnostics)
            }
        }
    }

    static func checkTable(_ name: Located<String>, context: CheckContext, diagnostics: inout Diagnostics) {
        guard context.tables[name.value] == nil, !context.undecodedNames.contains(name.value) else { return }
        diagnostics.append(.unknownTable(name, known: context.tables.keys.sorted()))
    }

    static func checkArguments(
        _ arguments: [PipelineSyntax.Argument], of procedure: ProcedureSyntax, call: Located<String>,
        diagnostics: inout Diagnostics
    ) {
        let parameters = Dictionary(procedure.parameters.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a })
        for argument in arguments {
            guard let parameter = parameters[argument.name.value] else {
                diagnostics.append(.unknownArgument(argument.name, procedure: procedure))
                continue
            }
            checkValue(argument.value, against: parameter, diagnostics: &diagnostics)
        }
        let passed = Set(arguments.map(\.name.value))
        for parameter in procedure.parameters where !passed.contains(parameter.name.value) {
            diagnostics.append(.missingArgument(parameter, call: call))
        }
    }

    static func checkValue(
        _ value: YAMLScalar, against parameter: ProcedureSyntax.Parameter, diagnostics: inout Diagnostics
    ) {
        let type = parameter.type.value
        if value.style == .plain, value.value.hasPrefix("$") {
            let name = String(value.value.dropFirst())
            guard let variableType = RunVariables.all[name] else {
                diagnostics.append(.unknownVariable(value, name: name))
                return
            }
            if variableType != type {
                diagnostics.append(
                    .argumentType(
                        value, "'$\(name)' is \(variableType.rawValue) but parameter '\(parameter.name.value)' is \(type.rawValue)",
                        parameter: parameter))
            }
            return
        }
        if let problem = LiteralFit.problem(value, for: type) {
            diagnostics.append(.argumentType(value, problem, parameter: parameter))
        }
    }
}

/// Whether a YAML scalar written as an argument fits a parameter type.
enum LiteralFit {
    /// Why `value` does not fit `type`, or nil.
    static func problem(_ value: YAMLScalar, for type: ColumnType) -> String? {
        let text = value.value
        if value.isNull { return nil }  // a typed NULL
        switch type {
        case .string, .json:
            return nil
        case .int64:
            return value.style == .plain && Int64(text) != nil ? nil : "'\(text)' is not an INT64"
        case .numeric, .bignumeric, .float64:
            return value.style == .plain && isDecimal(text) ? nil : "'\(text)' is not a \(type.rawValue) number"
        case .bool:
            return value.style == .plain && (text == "true" || text == "false") ? nil : "'\(text)' is not true or false"
        case .date:
            return ISODate.problem(text).map { "'\(text)' is not a DATE (\($0))" }
        case .timestamp:
            return isTimestamp(text) ? nil : "'\(text)' is not a TIMESTAMP (YYYY-MM-DDTHH:MM:SSZ)"
        }
    }

    static func isDecimal(_ text: String) -> Bool {
        var digits = 0
        var dots = 0
        for (index, character) in text.enumerated() {
            if character == "-" || character == "+" { if index != 0 { return false } } else if character == "." {
                dots += 1
            } else if character.isASCII, character.isNumber { digits += 1 } else { return false }
        }
        return digits > 0 && dots <= 1
    }

    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, ISODate.problem(String(decoding: bytes[0..<10], as: UTF8.self)) == nil,
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ")
        else { return false }
        let time = String(decoding: bytes[11..<19], as: UTF8.self).split(separator: ":")
        guard time.count == 3, let h = Int(time[0]), let m = Int(time[1]), let s = Int(time[2]),
            (0...23).contains(h), (0...59).contains(m), (0...60).contains(s)
        else { return false }
        var rest = bytes[19...]
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let fraction = rest.prefix { (0x30...0x39).contains($0) }
            guard (1...6).contains(fraction.count) else { return false }
            rest = rest.dropFirst(fraction.count)
        }
        if Array(rest) == [UInt8(ascii: "Z")] { return true }
        let zone = Array(rest)
        return zone.count == 6 && (zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-"))
            && zone[3] == UInt8(ascii: ":") && [1, 2, 4, 5].allSatisfy { (0x30...0x39).contains(zone[$0]) }
    }
}

extension Diagnostic {
    fileprivate static func unknownProcedure(_ name: Located<String>, known: [String]) -> Diagnostic {
        .error(
            .pipelineUnknownProcedure, "unknown procedure '\(name.value)'", at: name.range,
            hint: Suggestions.hint(for: name.value, among: known) ?? "define it in procedures/\(name.value).yaml")
    }

    fileprivate static func unknownTable(_ name: Located<String>, known: [String]) -> Diagnostic {
        .error(
            .pipelineUnknownTable, "unknown table '\(name.value)'", at: name.range,
            hint: Suggestions.hint(for: name.value, among: known) ?? "define it in tables/\(name.value).yaml")
    }

    fileprivate static func unknownArgument(_ name: Located<String>, procedure: ProcedureSyntax) -> Diagnostic {
        let names = procedure.parameters.map(\.name.value)
        return .error(
            .pipelineUnknownArgument, "procedure '\(procedure.name.value)' has no parameter '\(name.value)'", at: name.range,
            notes: [.init("'\(procedure.name.value)' is defined here", at: procedure.name.range)],
            hint: Suggestions.hint(for: name.value, among: names)
                ?? (names.isEmpty ? "it takes no parameters" : "its parameters: \(Suggestions.list(names, conjunction: "and"))"))
    }

    fileprivate static func missingArgument(_ parameter: ProcedureSyntax.Parameter, call: Located<String>) -> Diagnostic {
        .error(
            .pipelineMissingArgument,
            "call to '\(call.value)' does not pass parameter '\(parameter.name.value)' (\(parameter.type.value.rawValue))",
            at: call.range, notes: [.init("declared here", at: parameter.name.range)],
            hint: parameter.type.value == .date
                ? "add 'with: { \(parameter.name.value): $date }'" : "add '\(parameter.name.value):' under 'with'")
    }

    fileprivate static func unknownVariable(_ value: YAMLScalar, name: String) -> Diagnostic {
        .error(
            .pipelineUnknownVariable, "unknown variable '$\(name)'", at: value.range,
            hint: Suggestions.closest(to: name, among: RunVariables.all.keys.sorted()).map { "did you mean '$\($0)'?" }
                ?? "available: \(RunVariables.all.keys.sorted().map { "$" + $0 }.joined(separator: ", "))")
    }

    fileprivate static func argumentType(
        _ value: YAMLScalar, _ problem: String, parameter: ProcedureSyntax.Parameter
    ) -> Diagnostic {
        .error(
            .pipelineArgumentType, problem, at: value.range,
            notes: [.init("parameter '\(parameter.name.value)' is declared here", at: parameter.name.range)])
    }
}
