internal import PipelineDSL

/// Step ids are unique within a pipeline, every `after` names an existing step (once), and the steps form a
/// directed acyclic graph. A cycle is reported once, at the `after` entry that closes it, with the whole path.
///
/// Diagnostics: `pipeline.duplicate-step`, `pipeline.unknown-step`, `pipeline.duplicate-dependency`,
/// `pipeline.cycle`.
enum StepsMustFormADAG {
    /// Checks one pipeline; returns the step order if the graph is sound.
    static func check(_ pipeline: PipelineSyntax, diagnostics: inout Diagnostics) -> [Int]? {
        var index: [String: Int] = [:]
        var sound = true
        for (position, step) in pipeline.steps.enumerated() {
            if let first = index[step.id.value] {
                diagnostics.append(.duplicateStep(step.id, first: pipeline.steps[first].id.range))
                sound = false
            } else {
                index[step.id.value] = position
            }
        }
        // edges[i] = the steps i waits for, with the `after` entry that says so.
        var edges: [[(target: Int, entry: Located<String>)]] = Array(repeating: [], count: pipeline.steps.count)
        for (position, step) in pipeline.steps.enumerated() {
            var listed: [String: SourceRange] = [:]
            for dependency in step.after {
                if let first = listed[dependency.value] {
                    diagnostics.append(.duplicateDependency(dependency, first: first))
                    continue
                }
                listed[dependency.value] = dependency.range
                guard let target = index[dependency.value] else {
                    diagnostics.append(.unknownStep(dependency, among: pipeline.steps.map(\.id.value)))
                    sound = false
                    continue
                }
                edges[position].append((target, dependency))
            }
        }
        if reportCycles(pipeline, edges: edges, diagnostics: &diagnostics) { sound = false }
        guard sound else { return nil }
        return topologicalOrder(edges: edges)
    }

    /// Depth-first search with three colours; a grey target is a back edge, i.e. a cycle.
    static func reportCycles(
        _ pipeline: PipelineSyntax, edges: [[(target: Int, entry: Located<String>)]], diagnostics: inout Diagnostics
    ) -> Bool {
        enum Colour { case white, grey, black }
        var colour = Array(repeating: Colour.white, count: edges.count)
        var found = false
        for root in edges.indices where colour[root] == .white {
            // Iterative DFS: a stack of (node, next edge index) and the current path.
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            var path: [Int] = [root]
            colour[root] = .grey
            while let top = stack.last {
                if top.next < edges[top.node].count {
                    stack[stack.count - 1].next += 1
                    let edge = edges[top.node][top.next]
                    switch colour[edge.target] {
                    case .white:
                        colour[edge.target] = .grey
                        stack.append((edge.target, 0))
                        path.append(edge.target)
                    case .grey:
                        let start = path.lastIndex(of: edge.target) ?? 0
                        let cycle = Array(path[start...]) + [edge.target]
                        diagnostics.append(.cycle(cycle.map { pipeline.steps[$0].id.value }, at: edge.entry))
                        found = true
                    case .black:
                        break
                    }
                } else {
                    colour[top.node] = .black
                    stack.removeLast()
                    path.removeLast()
                }
            }
        }
        return found
    }

    /// Kahn's algorithm, always taking the earliest-written ready step so the order is stable.
    static func topologicalOrder(edges: [[(target: Int, entry: Located<String>)]]) -> [Int] {
        var waiting = edges.map(\.count)
        var dependents: [[Int]] = Array(repeating: [], count: edges.count)
        for (node, list) in edges.enumerated() {
            for edge in list { dependents[edge.target].append(node) }
        }
        var ready = waiting.indices.filter { waiting[$0] == 0 }
        var order: [Int] = []
        while !ready.isEmpty {
            ready.sort()
            let next = ready.removeFirst()
            order.append(next)
            for dependent in dependents[next] {
                waiting[dependent] -= 1
                if waiting[dependent] == 0 { ready.append(dependent) }
            }
        }
        return order
    }
}

extension Diagnostic {
    fileprivate static func duplicateStep(_ id: Located<String>, first: SourceRange) -> Diagnostic {
        .error(
            .pipelineDuplicateStep, "step id '\(id.value)' is used twice", at: id.range,
            notes: [.init("first used here", at: first)])
    }

    fileprivate static func unknownStep(_ name: Located<String>, among steps: [String]) -> Diagnostic {
        .error(
            .pipelineUnknownStep, "'after' names unknown step '\(name.value)'", at: name.range,
            hint: Suggestions.hint(for: name.value, among: steps)
                ?? "steps of this pipeline: \(Suggestions.list(steps, conjunction: "and"))")
    }

    fileprivate static func duplicateDependency(_ name: Located<String>, first: SourceRange) -> Diagnostic {
        .warning(
            .pipelineDuplicateDependency, "'after' lists '\(name.value)' twice", at: name.range,
            notes: [.init("first listed here", at: first)])
    }

    fileprivate static func cycle(_ path: [String], at entry: Located<String>) -> Diagnostic {
        let description = path.count == 2 ? "step '\(path[0])' waits for itself" : "steps wait for each other in a cycle"
        return .error(
            .pipelineCycle, "\(description): \(path.joined(separator: " → "))", at: entry.range,
            hint: "remove one 'after' entry of the cycle")
    }
}
