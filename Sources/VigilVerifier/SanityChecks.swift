import SMT
import VigilBasics
import VigilLowering
import VigilSema

/// The sanity checks of one encoding, on a solver of their own so the violation queries run
/// undisturbed: which properties (by name) some execution reaches, and which state-changing
/// entry points some transaction calls successfully. Each question is asked at every depth
/// until it is answered yes; once every one is, the checks need no more of the encoding.
final class SanityChecks {
    private let solver: TimedSolver
    private var open: Set<String>
    private var functions: [FunctionInfo]
    private var literals = 0
    /// Transactions after the deployment seen so far.
    private(set) var depth = 0
    /// True once some execution seen may run past a loop's bound: what it does after the cut is
    /// unknown, so from then on nothing counts as unreached and no function as always reverting
    /// (vacuity and the warning rest only on paths that end).
    private(set) var cutPossible = false

    /// `names`: the properties whose reachability is in question; `functions`: the entry points
    /// to watch for always reverting. `earlier`: the checks of an encoding of the same code with
    /// smaller bounds, whose answers carry over (what they reach, and a loop cut, these bounds
    /// reach too), so that only the questions they left open are asked again.
    init(solver: TimedSolver, names: Set<String>, functions: [FunctionInfo], after earlier: SanityChecks? = nil) {
        self.solver = solver
        open = names
        self.functions = functions
        if let earlier {
            open.formIntersection(earlier.open)
            self.functions = functions.filter { f in earlier.functions.contains { $0.name == f.name } }
            cutPossible = earlier.cutPossible
        }
    }

    /// True while some question is still open.
    var needsMore: Bool { !cutPossible && (!open.isEmpty || !functions.isEmpty) }

    /// True when some execution seen so far reaches the property, or may (past a loop's bound).
    func isReached(_ name: String) -> Bool { cutPossible || !open.contains(name) }

    /// Asks whether some execution may run past the bound of one of the loops `cuts` (under
    /// `assumptions`, which must leave cut paths in).
    func askCut(_ cuts: [LoopCut], assumptions: [Term] = []) throws {
        guard needsMore, !cuts.isEmpty else { return }
        if try canHappen(Term.or(cuts.map(\.condition)), assumptions) { cutPossible = true }
    }

    /// Counts the property `name` as reached when its own steps may run past the bound of one
    /// of the loops `cuts` (a rule's calls), under `assumptions`.
    func askCut(_ cuts: [LoopCut], of name: String, assumptions: [Term]) throws {
        guard open.contains(name), !cuts.isEmpty else { return }
        if try canHappen(Term.or(cuts.map(\.condition)), assumptions) { open.remove(name) }
    }

    /// Asserts constraints of the encoding (all of them, in order, as the main solver gets them).
    func assert(_ constraints: [Term]) throws {
        guard needsMore else { return }
        for c in constraints { try solver.assert(c) }
    }

    /// Asks whether the step just encoded reaches each open property; `reaches` gives, by name,
    /// where it does (under the literals in `assumptions`).
    func askReached(_ reaches: [String: Term], assumptions: [Term]) throws {
        for (name, reach) in reaches.sorted(by: { $0.key < $1.key }) where open.contains(name) {
            if try canHappen(reach, assumptions) { open.remove(name) }
        }
    }

    /// Asks whether the transaction just encoded can call each watched function successfully.
    func askSucceeded(_ encoding: ContractEncoding, assumptions: [Term]) throws {
        guard !functions.isEmpty, encoding.transactions.count > 1, let record = encoding.transactions.last else {
            return
        }
        depth = encoding.transactions.count - 1
        functions = try functions.filter { f in
            guard let i = record.candidates.firstIndex(where: { $0.function.name == f.name }) else { return true }
            let success = Term.and(Term.eq(record.selector, .int(i)), Term.not(record.candidates[i].reverted))
            return !(try canHappen(success, assumptions))
        }
    }

    /// A warning for each watched function that no transaction seen called successfully.
    func alwaysReverting() -> [Diagnostic] {
        guard depth > 0, !cutPossible else { return [] }
        return functions.map { f in
            .warning(
                "check.always-reverts",
                "'\(f.name)' reverts on every input from every state reached within \(depth) transactions",
                at: f.decl.name.range)
        }
    }

    /// Unknown counts as possible: `vacuous` and the warning must rest on a proof.
    private func canHappen(_ condition: Term, _ assumptions: [Term]) throws -> Bool {
        if condition.boolLiteralValue == false { return false }
        literals += 1
        let literal = Term.constant("sanity!\(literals)", .bool)
        try solver.assert(Term.implies(literal, condition))
        return try solver.check(assumptions: assumptions + [literal]) != .unsat
    }

    /// What the checks' solver spent.
    var spent: TimedSolver { solver }
}
