import CZ3

/// Facts about the Z3 library this backend is linked against.
public enum Z3Backend {
    /// The linked Z3's version as "major.minor.build", e.g. "4.8.12".
    public static let version: String = {
        var major: UInt32 = 0
        var minor: UInt32 = 0
        var build: UInt32 = 0
        var revision: UInt32 = 0
        Z3_get_version(&major, &minor, &build, &revision)
        return "\(major).\(minor).\(build)"
    }()

    /// Caps the memory Z3 may use in this process, in MiB (Z3's global `memory_max_size`): a
    /// check that would need more ends in a solver error, which the engines report as
    /// `unknown`. Call it before any solver is made; it holds for the whole process.
    public static func limitMemory(mebibytes: UInt64) {
        Z3_global_param_set("memory_max_size", "\(mebibytes)")
    }
}
