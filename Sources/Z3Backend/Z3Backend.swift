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
}
