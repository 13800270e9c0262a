import Foundation
import VigilBasics
import VigilSyntax

/// Reads the files of a run: the paths given (a folder means every `.sol`, `.vigil` and
/// `.spec` below it, in sorted order) and, transitively, their relative imports.
struct SourceLoader {
    var sources = SourceManager()
    var units: [SourceUnit] = []
    var diagnostics: [Diagnostic] = []
    private var ids = NodeIDAllocator()
    private var loaded: [String: FileID] = [:]
    /// Files whose imports are being followed, with the import that led to each, for cycle detection.
    private var importStack: [(file: String, importedAt: SourceRange?)] = []

    static let extensions = ["sol", "vigil", "spec"]

    /// Expands folders into their source files; reports paths that do not exist.
    mutating func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error("driver.missing-path", "no such file or folder: \(path)", at: nil))
                continue
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            let found = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { Self.extensions.contains(($0 as NSString).pathExtension) }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            if found.isEmpty {
                diagnostics.append(
                    .error("driver.no-sources", "no .sol, .vigil or .spec files in folder \(path)", at: nil))
            }
            files += found
        }
        return files
    }

    /// Loads and parses a file and what it imports.
    mutating func load(_ given: String, importedFrom: SourceRange? = nil) {
        let path = Self.normalize(given)
        let key = path
        if let start = importStack.firstIndex(where: { $0.file == key }) {
            let members = importStack[start...]
            let cycle = (members.map(\.file) + [key]).map { ($0 as NSString).lastPathComponent }
            let notes = members.dropFirst().compactMap { m in
                m.importedAt.map { DiagnosticNote("the cycle goes through this import", at: $0) }
            }
            diagnostics.append(
                .error(
                    "driver.import-cycle", "import cycle: \(cycle.joined(separator: " -> "))", at: importedFrom,
                    notes: notes))
            return
        }
        if loaded[key] != nil { return }
        let ext = (path as NSString).pathExtension
        guard let kind = SourceKind(extension: ext) else {
            diagnostics.append(
                .error("driver.unknown-extension", "\(path): not a .sol, .vigil or .spec file", at: importedFrom))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(.error("driver.unreadable", "cannot read \(path)", at: importedFrom))
            return
        }
        let id = sources.add(path: path, bytes: [UInt8](data))
        loaded[key] = id
        let (unit, parseDiagnostics) = Parser.parse(file: sources[id], kind: kind, ids: &ids)
        diagnostics += parseDiagnostics
        units.append(unit)
        importStack.append((key, importedFrom))
        for case .importDecl(let imp) in unit.items {
            guard imp.path.hasPrefix("./") || imp.path.hasPrefix("../") else {
                diagnostics.append(
                    .error(
                        "driver.unsupported-import",
                        "import \"\(imp.path)\" is not supported: only relative paths (./ or ../) are",
                        at: imp.pathRange))
                continue
            }
            let target = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(imp.path)
            guard FileManager.default.fileExists(atPath: target) else {
                diagnostics.append(
                    .error("driver.missing-import", "imported file not found: \(imp.path)", at: imp.pathRange))
                continue
            }
            load(target, importedFrom: imp.pathRange)
        }
        importStack.removeLast()
        if kind == .solidity { loadSpecs(of: path) }
    }

    /// The specs of `D/N.sol` are `D/N.spec` and, in the project layout, `D/../specs/N.spec`.
    private mutating func loadSpecs(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".spec"
        let candidates = [
            (folder as NSString).appendingPathComponent(name),
            (((folder as NSString).appendingPathComponent("..") as NSString).appendingPathComponent("specs")
                as NSString).appendingPathComponent(name),
        ]
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate) { load(candidate) }
    }
}

extension SourceLoader {
    /// `a/./b/../c` → `a/c`, keeping a path relative when it was.
    static func normalize(_ path: String) -> String {
        var parts: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}

extension SourceKind {
    init?(extension ext: String) {
        switch ext {
        case "sol": self = .solidity
        case "vigil": self = .vigil
        case "spec": self = .spec
        default: return nil
        }
    }
}
