import ArgumentParser
import Foundation
import VigilReporting
import VigilTrace
import VigilVerifier
import Z3Backend

extension Engine: ExpressibleByArgument {}

/// `vigil check`: the main job.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every property of the contracts in the given files and folders.",
        discussion: """
            Exit status: 0 nothing violated, 1 a property is violated, 2 bad input or usage, \
            3 nothing violated but some result is unknown, 4 interrupted (nothing violated before).
            """)

    @Argument(
        help: """
            Files or folders (.sol, .vigil, .spec); a folder means every such file below it, a project \
            folder (foundry.toml, Hardhat) its sources and specs; none: the current folder.
            """)
    var paths: [String] = []

    @Option(
        name: .customLong("contract"),
        help: ArgumentHelp(
            "Check only the contracts of this name (`path:Name` for the one of that file); repeatable.",
            valueName: "name"))
    var onlyContracts: [String] = []

    @OptionGroup(title: "Imports")
    var imports: ImportOptions

    @Option(help: "Top-level transactions after the constructor (bounded engine).")
    var depth = 4

    @Option(help: "Nesting depth of re-entrant calls during a handover (0: none).")
    var reentrancy = 2

    @Option(name: .customLong("reentrant-calls"), help: "Calls the environment makes in one handover.")
    var reentrantCalls = 2

    @Option(help: "Loop unrolling bound.")
    var loops = 4

    @Option(help: "Z3 resource limit per query (machine-independent budget).")
    var rlimit: UInt64 = 20_000_000

    @Option(help: "Wall-clock safety net per query, in seconds; ends in 'unknown'.")
    var timeout: UInt64 = 60

    @Option(help: "Memory Z3 may use while checking one contract, in MiB; a query that needs more ends in 'unknown'.")
    var memory: UInt64 = 8192

    @Option(help: "Engines: bmc (bounded), prove (unbounded), auto (both, side by side).")
    var engine: Engine = .auto

    @Option(
        help: ArgumentHelp(
            "The checks in the code to judge, comma-separated: assert, panic (division by zero), unchecked (wrapping).",
            valueName: "kinds"))
    var checks = "assert,panic"

    @Option(
        help: ArgumentHelp("Check only the I-th of N even parts of the (contract, property) pairs.", valueName: "I/N"))
    var shard: ShardArgument?

    @Option(
        help: ArgumentHelp(
            "Keep results in this folder and reuse those whose sources, options and versions are unchanged.",
            valueName: "dir"))
    var cache: String?

    @OptionGroup(title: "Reports")
    var report: ReportOptions

    /// Set in the process that checks one contract for its parent (`ContractProcess`).
    @Option(help: .private)
    var internalContract: String?

    func validate() throws {
        guard depth >= 0, reentrancy >= 0, reentrantCalls >= 0, loops >= 0 else {
            throw ValidationError("bounds must not be negative")
        }
        _ = try codeChecks()
    }

    /// The kinds `--checks` names; a usage error for any other word.
    func codeChecks() throws -> Set<CodeCheck> {
        let words = checks.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var kinds: Set<CodeCheck> = []
        for word in words {
            guard let kind = CodeCheck(rawValue: word) else {
                let valid = CodeCheck.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("unknown kind '\(word)' in --checks; the kinds are \(valid)")
            }
            kinds.insert(kind)
        }
        return kinds
    }

    func run() throws {
        let front = FrontEnd.run(paths: paths, imports: imports.settings)
        // A contract's process reads the same files as its parent, which has shown their diagnostics.
        if internalContract == nil { printDiagnostics(front.diagnostics, sources: front.sources) }
        guard let model = front.model, !front.hasErrors else { throw ExitStatus.badInput.code }
        var options = CheckOptions(
            bounds: Bounds(depth: depth, reentrancy: reentrancy, reentrantCalls: reentrantCalls, loops: loops),
            rlimit: rlimit, timeoutMilliseconds: timeout * 1000, engine: engine)
        if let shard { options.selection = .shard(shard.index - 1, of: shard.count, model: model) }
        options.checks = try codeChecks()
        var checker = ModelChecker(solverFactory: Z3SolverFactory(), options: options)
        let progress = report.quiet ? nil : ProgressLine.forStandardError()
        if let progress { checker.progress = { progress.update($0) } }
        let note: (String) -> Void = { text in progress.map { $0.say(text) } ?? printError(text) }
        let tool = ReportDocument.Tool(version: VigilCommand.version, solver: "z3 \(Z3Backend.version)")
        let store = cache.map { ResultCache(directory: URL(fileURLWithPath: $0)) }
        var records: [ResultRecord] = []
        var statistics = CheckStatistics()
        if let internalContract {
            // A child of `ContractProcess`: this contract alone, in a memory budget, its results as JSON.
            Z3Backend.limitMemory(mebibytes: memory)
            guard let contract = model.contract(named: internalContract) else { throw ExitStatus.badInput.code }
            let (results, contractStatistics, warnings) = checker.checkWithStatistics(model: model, contract: contract)
            printDiagnostics(warnings, sources: front.sources, write: note)
            progress?.finish()
            if report.verbose { printError(describe(contract.name, contractStatistics)) }
            let output = ContractProcess.Output(
                results: ResultRecord.records(results, model: model), statistics: contractStatistics)
            print(try JSONReport.encode(output))
            return
        }
        let interruption = ContractProcess.executable.map { _ in Interruption() }
        var unchecked: [String] = []
        for name in onlyContracts where model.contracts(matching: name).isEmpty {
            printError("error: --contract \(name): no deployable contract of that name among the files checked\n")
            throw ExitStatus.badInput.code
        }
        let selected = model.contracts.filter { c in
            onlyContracts.isEmpty
                || onlyContracts.contains { model.contracts(matching: $0).contains { $0.name == c.name } }
        }
        if selected.isEmpty {
            printError("error: \(FrontEnd.noDeployableContract) [driver.no-contract]\n")
            throw ExitStatus.badInput.code
        }
        for contract in selected where options.selection.includes(contract: contract.name) {
            if interruption?.happened == true {
                unchecked.append(contract.name)
                continue
            }
            let key = try store.map { _ in try ResultCache.key(of: contract, model: model, options: options, tool: tool)
            }
            if let store, let key, let cached = store.load(key, contract: contract.name) {
                records += cached
                if report.verbose { note("\(contract.name): from the cache\n") }
                continue
            }
            let checked: [ResultRecord]
            var contractStatistics = CheckStatistics()
            if let executable = ContractProcess.executable {
                progress?.finish()
                switch ContractProcess.run(
                    executable, arguments: childArguments(contract.name), interruption: interruption)
                {
                case .success(let output):
                    checked = output.results
                    contractStatistics = output.statistics
                case .failure where interruption?.happened == true:
                    unchecked.append(contract.name)
                    continue
                case .failure(let failure):
                    let why = "\(failure.description), twice; please report this"
                    checked = ResultRecord.records(
                        checker.unknownResults(model: model, contract: contract, internalError: why), model: model)
                }
            } else {
                let (results, figures, warnings) = checker.checkWithStatistics(model: model, contract: contract)
                printDiagnostics(warnings, sources: front.sources, write: note)
                checked = ResultRecord.records(results, model: model)
                contractStatistics = figures
                if report.verbose { note(describe(contract.name, contractStatistics)) }
            }
            records += checked
            if let store, let key, let problem = store.store(checked, under: key) {
                printError("warning: \(problem)\n")
            }
            statistics.add(contractStatistics)
        }
        progress?.finish()
        if report.verbose, selected.count > 1 { printError(describe("all contracts", statistics)) }
        if report.verbose { printError("peak memory: \(peakMemoryMebibytes()) MiB (the largest process)\n") }
        let document = ReportDocument(
            tool: tool, inputs: model.sources.files.map(\.path), results: records,
            contracts: ContractRecord.records(model: model, checks: options.checks).filter { record in
                !unchecked.contains(record.name) && selected.contains { $0.name == record.name }
            })
        try report.emit(
            document,
            sources: Dictionary(
                model.sources.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) },
                uniquingKeysWith: { a, _ in a }))
        var status = ExitStatus.of(document.verdicts)
        if !unchecked.isEmpty {
            printError(
                "interrupted: \(unchecked.count) contract\(unchecked.count == 1 ? "" : "s") not checked ("
                    + unchecked.joined(separator: ", ") + "); the report holds what was decided before\n")
            if status != .violated { status = .interrupted }
        }
        if status != .success { throw status.code }
    }
}

extension CheckCommand {
    /// The arguments of the process that checks `contract` alone: this run's paths and options.
    fileprivate func childArguments(_ contract: String) -> [String] {
        var arguments = ["check"] + paths + imports.arguments
        arguments += ["--depth", "\(depth)", "--reentrancy", "\(reentrancy)", "--reentrant-calls", "\(reentrantCalls)"]
        arguments += [
            "--loops", "\(loops)", "--rlimit", "\(rlimit)", "--timeout", "\(timeout)", "--memory", "\(memory)",
        ]
        arguments += ["--engine", engine.rawValue, "--checks", checks]
        if let shard { arguments += ["--shard", "\(shard.index)/\(shard.count)"] }
        if report.quiet { arguments.append("--quiet") }
        if report.verbose { arguments.append("--verbose") }
        return arguments + ["--internal-contract", contract]
    }
}

/// One line of `--verbose` statistics. With the unbounded engine, its time on its own thread
/// and how long the check waited for it after everything else.
private func describe(_ what: String, _ s: CheckStatistics) -> String {
    func seconds(_ x: Double) -> String { String(Double(Int((x * 1000).rounded())) / 1000) + " s" }
    let other = max(0, s.totalSeconds - s.solverSeconds - s.replaySeconds - s.proofWaitSeconds)
    let share = s.totalSeconds > 0 ? Int((other / s.totalSeconds * 100).rounded()) : 0
    var line = "\(what): \(seconds(s.totalSeconds)) total, \(seconds(s.solverSeconds)) in the solver "
    line += "(\(s.queries) queries, rlimit count \(s.resourceUsage)), \(seconds(s.replaySeconds)) replaying, "
    if s.proofSeconds > 0 {
        line += "unbounded engine \(seconds(s.proofSeconds)) (\(seconds(s.proofWaitSeconds)) waited for), "
    }
    line += "\(seconds(other)) elsewhere (\(share)%)\n"
    for (site, counts) in s.handovers.sorted(by: { $0.key < $1.key }) {
        line +=
            "  handover at \(site): re-entrant calls may return from \(counts.kept) of \(counts.offered) entry points"
        line += counts.kept < counts.offered ? " (the others revert there)\n" : "\n"
    }
    return line
}

/// The peak resident memory of this process or of the largest of its children (the contracts'
/// processes), in MiB.
private func peakMemoryMebibytes() -> Int {
    var own = rusage()
    var children = rusage()
    getrusage(RUSAGE_SELF.rawValue, &own)
    getrusage(RUSAGE_CHILDREN.rawValue, &children)
    return (max(own.ru_maxrss, children.ru_maxrss) + 1023) / 1024
}
