import SMT

/// Makes `Z3Solver`s: the factory the command line hands to the engines.
public struct Z3SolverFactory: SolverFactory {
    /// A factory; it holds no state.
    public init() {}

    /// A fresh `Z3Solver` configured by `options`.
    public func makeSolver(options: SolverOptions) throws -> any Solver {
        try Z3Solver(options: options)
    }

    /// A fresh `Z3HornSolver` (Spacer) configured by `options`.
    public func makeHornSolver(options: SolverOptions) throws -> any HornSolver {
        try Z3HornSolver(options: options)
    }
}
