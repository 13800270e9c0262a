import Foundation

/// How reports that tools outside Vigil read (SARIF, GitHub annotations) name files: relative
/// to the directory of the run when the file is below it, so that a CI service can match
/// them with its checkout.
public struct ReportPaths: Sendable {
    /// The directory of the run, absolute, without a trailing slash.
    public let baseDirectory: String

    public init(baseDirectory: String) {
        var base = (baseDirectory as NSString).standardizingPath
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        self.baseDirectory = base
    }

    /// The run's current directory.
    public static var current: ReportPaths { ReportPaths(baseDirectory: FileManager.default.currentDirectoryPath) }

    /// `path` relative to the base directory, or nil when it is absolute and outside it.
    public func relative(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return (path as NSString).standardizingPath }
        let standardized = (path as NSString).standardizingPath
        let prefix = baseDirectory == "/" ? "/" : baseDirectory + "/"
        return standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : nil
    }

    /// The path to show: relative when possible, as given otherwise.
    public func display(_ path: String) -> String { relative(path) ?? path }

    /// A URI for `path`: a relative reference when it is below the base directory (with
    /// `isRelative` true), an absolute `file://` URI otherwise.
    public func uri(_ path: String) -> (uri: String, isRelative: Bool) {
        if let r = relative(path) { return (Self.percentEncoded(r), true) }
        return ("file://" + Self.percentEncoded((path as NSString).standardizingPath), false)
    }

    /// The base directory as a `file://` URI ending with a slash.
    public var baseURI: String {
        "file://" + Self.percentEncoded(baseDirectory == "/" ? "/" : baseDirectory + "/")
    }

    private static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";?#[]@")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
