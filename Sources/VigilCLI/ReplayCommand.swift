import ArgumentParser
import Foundation
import VigilInterpreter
import VigilReporting
import VigilSema
import VigilTrace
import VigilVerifier

/// `vigil replay`: runs the counterexamples of a saved report again, in the interpreter,
/// against the current source, to tell whether a fix fixed them.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay the counterexamples of a saved JSON report against the current source.",
        discussion: """
            Every result with a schedule (a violated property, or a satisfied rule's witness) is re-executed step \
            by step in the interpreter. Exit status: 0 no violation reproduces any more (a witness that still \
            satisfies its rule is no violation), 1 some violation reproduces, 2 the report does not fit the \
            source (a contract, function, rule or property is gone) or is not a report.
            """)

    @Argument(help: "A report of `vigil check --format json` (or --json FILE), or one element of its results.")
    var report: String

    @Option(
        name: .customLong("source"),
        help: ArgumentHelp("Files or folders to replay against (default: the report's inputs).", valueName: "path"))
    var sources: [String] = []

    func run() throws {
        guard let data = FileManager.default.contents(atPath: report) else {
            printError("error: cannot read \(report)\n")
            throw ExitStatus.badInput.code
        }
        let results: [ResultRecord]
        var inputs: [String]
        do {
            let document = try JSONReport.decode(data)
            (results, inputs) = (document.results, document.inputs)
        } catch {
            guard let single = try? JSONReport.decodeResult(data) else {
                printError("error: \(report) is not a Vigil report: \(error.description)\n")
                throw ExitStatus.badInput.code
            }
            (results, inputs) = ([single], Array(Set([single.contractFile, single.file])).sorted())
        }
        if !sources.isEmpty { inputs = sources }
        let front = FrontEnd.run(paths: inputs)
        printDiagnostics(front.diagnostics, sources: front.sources)
        guard let model = front.model, !front.hasErrors else {
            printError("error: the source the report was made from no longer checks\n")
            throw ExitStatus.badInput.code
        }
        let (text, status) = Self.replay(results, model: model)
        print(text, terminator: "")
        if status != .success { throw status.code }
    }

    /// Replays every result that has a schedule; returns the text to print and the exit status.
    static func replay(_ results: [ResultRecord], model: SemanticModel) -> (String, ExitStatus) {
        var out = ""
        var (reproduced, violations, unfit, replayed) = (0, 0, 0, 0)
        for r in results {
            guard let saved = r.schedule else { continue }
            replayed += 1
            let outcome: ReplayResult
            do {
                outcome = replay(r, try saved.schedule(), model: model)
            } catch {
                outcome = .mismatch(error.description)
            }
            var now = r
            switch outcome {
            case .violated(let trace):
                reproduced += 1
                if r.verdict != .satisfied { violations += 1 }
                now.setTrace(trace, failed: true)
                out += "\(r.qualifiedName): \(r.verdict == .satisfied ? "still satisfied" : "still violated")\n"
                out += TextReport().renderTrace(now, title: "replayed:")
                if now.trace != r.trace || now.failure != r.failure {
                    out += "  (the trace differs from the saved one: the source changed)\n"
                }
            case .notViolated(let trace):
                now.setTrace(trace, failed: false)
                out += "\(r.qualifiedName): \(r.verdict == .satisfied ? "no longer satisfied" : "no longer violated")\n"
                out += TextReport().renderTrace(now, title: "replayed, the property holds throughout:")
            case .mismatch(let why):
                unfit += 1
                out += "\(r.qualifiedName): the report does not fit the source: \(why)\n"
            case .unconfirmable(let why):
                unfit += 1
                out += "\(r.qualifiedName): the replay cannot confirm it on concrete values: \(why)\n"
            }
        }
        out += "\(replayed) replayed: \(reproduced) reproduced, \(replayed - reproduced - unfit) no longer, "
        out += "\(unfit) not fitting the source\n"
        return (out, unfit > 0 ? .badInput : violations > 0 ? .violated : .success)
    }

    /// Runs a saved result's schedule: a rule's (`RULE`, or `RULE[FUNCTION]` for the function
    /// its `call any` calls) through the rule, any other property's as transactions.
    private static func replay(_ r: ResultRecord, _ schedule: Schedule, model: SemanticModel) -> ReplayResult {
        guard let contract = model.contract(named: r.contract) else {
            return .mismatch("there is no contract \(r.contract) any more")
        }
        let interpreter = Interpreter(model: model, contract: contract)
        guard r.kind == .rule else {
            return interpreter.replay(schedule, property: PropertyReference(kind: r.kind, name: r.property))
        }
        var name = Substring(r.property)
        var function: String?
        if name.hasSuffix("]"), let open = name.firstIndex(of: "[") {
            function = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            name = name[..<open]
        }
        guard let rule = contract.rules.first(where: { $0.name == name }) else {
            return .mismatch("\(r.contract) has no rule named '\(name)'")
        }
        return interpreter.replayRule(schedule, rule: rule, function: function)
    }
}
