import ArgumentParser

/// `--shard I/N`: the I-th of N disjoint parts of a run's (contract, property) pairs, 1-based.
struct ShardArgument: ExpressibleByArgument, Equatable {
    /// 1...count
    let index: Int
    let count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else {
            return nil
        }
        index = i
        count = n
    }

    static var defaultValueDescription: String { "1/1" }
}
