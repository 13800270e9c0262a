import Foundation

/// A Foundry or Hardhat project: the folder that holds `foundry.toml` (or a Hardhat config),
/// where its sources and specs are, and how its imports resolve.
struct Project: Sendable {
    /// The project's folder; imports that are not relative resolve against it.
    let root: String
    /// The folder whose contracts are checked: `src` in `foundry.toml` (default `src/`), or
    /// `contracts/` in a Hardhat project.
    let sources: String
    /// Remappings of `foundry.toml`, `remappings.txt` and Forge's automatic ones for libraries.
    let remappings: [Remapping]
    /// Folders searched for an import no remapping maps (Hardhat's `node_modules`).
    let includePaths: [String]

    /// The project whose root is `folder`, if it has `foundry.toml` or `hardhat.config.js|ts`.
    static func at(_ folder: String) -> Project? {
        let fm = FileManager.default
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        if let data = fm.contents(atPath: path("foundry.toml")) {
            return foundry(folder, settings: FoundrySettings(toml: String(decoding: data, as: UTF8.self)))
        }
        if ["hardhat.config.js", "hardhat.config.ts"].contains(where: { fm.fileExists(atPath: path($0)) }) {
            return Project(
                root: folder, sources: path("contracts"), remappings: [], includePaths: [path("node_modules")])
        }
        return nil
    }

    private static func foundry(_ root: String, settings: FoundrySettings) -> Project {
        let fm = FileManager.default
        func path(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }
        var remappings = settings.remappings.compactMap { Remapping(parsing: $0, origin: "foundry.toml") }
        if let data = fm.contents(atPath: path("remappings.txt")) {
            remappings += remappingLines(String(decoding: data, as: UTF8.self), file: "remappings.txt", under: "")
        }
        // Forge's automatic remappings: each library's own remappings, then `NAME/` for each
        // library folder not already mapped (to its `src/` when it has one).
        for lib in settings.libraries {
            let names = ((try? fm.contentsOfDirectory(atPath: path(lib))) ?? []).sorted()
            for name in names {
                let folder = (lib as NSString).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                // A library folder that is empty (a submodule not checked out) maps nothing.
                guard fm.fileExists(atPath: path(folder), isDirectory: &isDirectory), isDirectory.boolValue,
                    !((try? fm.contentsOfDirectory(atPath: path(folder))) ?? []).isEmpty
                else { continue }
                if let data = fm.contents(atPath: path(folder + "/remappings.txt")) {
                    for r in remappingLines(
                        String(decoding: data, as: UTF8.self), file: folder + "/remappings.txt", under: folder + "/")
                    where !remappings.contains(where: { $0.prefix == r.prefix }) {
                        remappings.append(r)
                    }
                }
                guard !remappings.contains(where: { $0.prefix == name + "/" }) else { continue }
                let src = folder + "/src"
                let target = fm.fileExists(atPath: path(src)) ? src + "/" : folder + "/"
                remappings.append(Remapping(context: "", prefix: name + "/", target: target, origin: folder))
            }
        }
        return Project(root: root, sources: path(settings.sources), remappings: remappings, includePaths: [])
    }

    /// The remappings of a `remappings.txt`, targets made relative to the project root.
    private static func remappingLines(_ text: String, file: String, under folder: String) -> [Remapping] {
        text.components(separatedBy: "\n").enumerated().compactMap { index, line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"),
                let r = Remapping(parsing: trimmed, origin: "\(file):\(index + 1)")
            else { return nil }
            return Remapping(context: r.context, prefix: r.prefix, target: folder + r.target, origin: r.origin)
        }
    }
}

/// What Vigil reads of `foundry.toml`: `src`, `libs` and `remappings` of `[profile.default]`
/// (or of the top level). A small reader of the TOML these keys use (strings and arrays of
/// strings): the TOML package on this machine cannot be resolved without a network.
struct FoundrySettings: Sendable {
    var sources = "src"
    var libraries = ["lib"]
    var remappings: [String] = []

    init(toml: String) {
        var section = ""
        var pending = ""
        for raw in toml.components(separatedBy: "\n") {
            let line = Self.withoutComment(raw).trimmingCharacters(in: .whitespaces)
            if pending.isEmpty, line.hasPrefix("[") {
                section = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                continue
            }
            pending += (pending.isEmpty ? "" : " ") + line
            // An array may span lines: read on until its brackets close.
            if pending.filter({ $0 == "[" }).count > pending.filter({ $0 == "]" }).count { continue }
            defer { pending = "" }
            guard section.isEmpty || section == "profile.default", let equals = pending.firstIndex(of: "=") else {
                continue
            }
            let key = pending[..<equals].trimmingCharacters(in: .whitespaces)
            let value = pending[pending.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "src": if let s = Self.strings(value).first { sources = s }
            case "libs": libraries = Self.strings(value)
            case "remappings": remappings = Self.strings(value)
            default: break
            }
        }
    }

    /// The quoted strings of a TOML string or array of strings.
    static func strings(_ value: String) -> [String] {
        var result: [String] = []
        var current: String?
        var quote: Character = "\""
        for c in value {
            if var text = current {
                if c == quote {
                    result.append(text)
                    current = nil
                } else {
                    text.append(c)
                    current = text
                }
            } else if c == "\"" || c == "'" {
                quote = c
                current = ""
            }
        }
        return result
    }

    private static func withoutComment(_ line: String) -> String {
        var inString: Character?
        for (i, c) in zip(line.indices, line) {
            if let q = inString {
                if c == q { inString = nil }
            } else if c == "\"" || c == "'" {
                inString = c
            } else if c == "#" {
                return String(line[..<i])
            }
        }
        return line
    }
}
