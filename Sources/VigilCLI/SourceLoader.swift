import Foundation
import VigilBasics
import VigilSyntax

/// Reads the files of a run: the paths given (a folder means every `.sol`, `.vigil` and
/// `.spec` below it, in sorted order; a project folder its sources and specs) and,
/// transitively, what they import. Only the contracts of the files given are checked;
/// imported files are read.
struct SourceLoader {
    var sources = SourceManager()
    var units: [SourceUnit] = []
    var diagnostics: [Diagnostic] = []
    /// The files whose contracts are checked: those given or found in the folders given.
    var checked: Set<FileID> = []
    /// How imports that are not relative resolve.
    var imports: ImportSettings
    private var ids = NodeIDAllocator()
    /// The files loaded, by absolute path.
    private var loaded: [String: FileID] = [:]
    /// The projects among the folders given: an import that is not relative, in a file of one,
    /// resolves against its root and remappings.
    private(set) var projects: [Project] = []
    /// The file each import names, keyed by the location of its path.
    private(set) var importTargets: [SourceRange: FileID] = [:]

    static let extensions = ["sol", "vigil", "spec"]

    init(imports: ImportSettings = ImportSettings()) { self.imports = imports }

    /// Expands folders into their source files; reports paths that do not exist. A folder
    /// holding `foundry.toml` (or a Hardhat config) is a project: the files of its sources
    /// folder but tests and scripts (`*.t.sol`, `*.s.sol`), and those of its `specs/`.
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
            if let found = Project.at(path) {
                files += projectFiles(found)
                continue
            }
            // A project inside the folder is checked as a project (its sources and specs).
            let listed = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
            let inner = listed.filter { ($0 as NSString).lastPathComponent == "foundry.toml" }
                .map { ($0 as NSString).deletingLastPathComponent + "/" }
            var found: [String] = []
            for relative in listed where Self.extensions.contains((relative as NSString).pathExtension) {
                guard !inner.contains(where: { relative.hasPrefix($0) }) else { continue }
                found.append((path as NSString).appendingPathComponent(relative))
            }
            for folder in inner {
                if let project = Project.at((path as NSString).appendingPathComponent(folder)) {
                    found += projectFiles(project)
                }
            }
            if found.isEmpty {
                diagnostics.append(
                    .error("driver.no-sources", "no .sol, .vigil or .spec files in folder \(path)", at: nil))
            }
            files += found
        }
        return files
    }

    /// A project's files to check: its sources but tests and scripts, and its specs.
    private mutating func projectFiles(_ project: Project) -> [String] {
        projects.append(project)
        let sources = Self.sourceFiles(in: project.sources).filter {
            ($0 as NSString).pathExtension == "sol" && !$0.hasSuffix(".t.sol") && !$0.hasSuffix(".s.sol")
        }
        if sources.isEmpty {
            diagnostics.append(
                .error("driver.no-sources", "no .sol files in the project's sources folder \(project.sources)", at: nil)
            )
        }
        return sources + Self.sourceFiles(in: (project.root as NSString).appendingPathComponent("specs"))
    }

    private static func sourceFiles(in folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { extensions.contains(($0 as NSString).pathExtension) }
            .sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// Loads a file given on the command line (or found in a folder given): its contracts are checked.
    mutating func loadChecked(_ path: String) {
        if let id = load(path) { checked.insert(id) }
    }

    /// Loads and parses a file and what it imports (each file once: import cycles are fine).
    @discardableResult
    mutating func load(_ given: String, importedFrom: SourceRange? = nil) -> FileID? {
        let path = Self.normalize(given)
        // One file reached by two relative paths (`../I.sol` and `../../a/I.sol` from `a/b`) is
        // one file: the key is its absolute path.
        let key = Self.normalize(
            path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
        if let id = loaded[key] { return id }
        let ext = (path as NSString).pathExtension
        guard let kind = SourceKind(extension: ext) else {
            diagnostics.append(
                .error("driver.unknown-extension", "\(path): not a .sol, .vigil or .spec file", at: importedFrom))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(.error("driver.unreadable", "cannot read \(path)", at: importedFrom))
            return nil
        }
        let id = sources.add(path: path, bytes: [UInt8](data))
        loaded[key] = id
        let (unit, parseDiagnostics) = Parser.parse(file: sources[id], kind: kind, ids: &ids)
        diagnostics += parseDiagnostics
        units.append(unit)
        for case .importDecl(let imp) in unit.items {
            guard let target = resolve(imp, in: path), let file = load(target, importedFrom: imp.pathRange) else {
                continue
            }
            importTargets[imp.pathRange] = file
        }
        if kind == .solidity { loadSpecs(of: path) }
        return id
    }

    /// The file an import names: relative to the importing file (`./`, `../`), else through
    /// the remappings (solc's rules), then against the project root, `--include-path` folders
    /// and the project's include paths. Reports and returns nil when there is none.
    private mutating func resolve(_ imp: ImportDecl, in importer: String) -> String? {
        let fm = FileManager.default
        if imp.path.hasPrefix("./") || imp.path.hasPrefix("../") {
            let target = ((importer as NSString).deletingLastPathComponent as NSString).appendingPathComponent(imp.path)
            guard fm.fileExists(atPath: target) else {
                diagnostics.append(
                    .error("driver.missing-import", "imported file not found: \(imp.path)", at: imp.pathRange))
                return nil
            }
            return target
        }
        let project = project(containing: importer)
        let root = project?.root ?? "."
        // The command line's remappings come last: among equally long matches the last wins, as with Forge.
        let remappings = (project?.remappings ?? []) + imports.remappings
        let relativeImporter = Self.relative(importer, to: root)
        let remapping = remappings.match(imp.path, importedFrom: relativeImporter)
        let name = remapping.map { $0.target + imp.path.dropFirst($0.prefix.count) } ?? imp.path
        let bases = name.hasPrefix("/") ? [""] : [root] + imports.includePaths + (project?.includePaths ?? [])
        for base in bases {
            let candidate = base.isEmpty ? name : (base as NSString).appendingPathComponent(name)
            if fm.fileExists(atPath: candidate) { return candidate }
        }
        var notes: [DiagnosticNote] = []
        if let remapping {
            var why = "remapped by '\(remapping.text)' (\(remapping.origin))"
            let folder = (root as NSString).appendingPathComponent(remapping.target)
            if !remapping.target.hasPrefix("/"), !fm.fileExists(atPath: folder) {
                why += ", whose folder \(remapping.target) does not exist"
            }
            notes.append(DiagnosticNote(why, at: nil))
        } else {
            notes.append(
                DiagnosticNote(
                    "no remapping maps it: add one to remappings.txt or foundry.toml, or pass --remap PREFIX=FOLDER",
                    at: nil))
        }
        diagnostics.append(
            .error("driver.missing-import", "imported file not found: \(imp.path)", at: imp.pathRange, notes: notes))
        return nil
    }

    /// The project a file belongs to: one given, else the nearest folder above it with a
    /// `foundry.toml` (so a single file of a project resolves its imports as the project does).
    private mutating func project(containing file: String) -> Project? {
        if let known = projects.filter({ Self.isBelow(file, $0.root) }).max(by: { $0.root.count < $1.root.count }) {
            return known
        }
        var folder = (file as NSString).deletingLastPathComponent
        while true {
            let candidate = folder.isEmpty ? "." : folder
            if FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent("foundry.toml")),
                let found = Project.at(candidate)
            {
                projects.append(found)
                return found
            }
            if folder.isEmpty || folder == "/" { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// Whether the normalized `path` lies in the folder `root`.
    static func isBelow(_ path: String, _ root: String) -> Bool {
        let r = normalize(root)
        return r == "." ? !path.hasPrefix("/") : path.hasPrefix(r + "/")
    }

    /// `path` relative to `root` when it lies below it.
    static func relative(_ path: String, to root: String) -> String {
        let prefix = normalize(root) + "/"
        return prefix != "./" && path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
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
