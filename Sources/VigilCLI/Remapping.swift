import Foundation

/// An import remapping `[context:]prefix=target`, with solc's meaning: an import path that
/// starts with `prefix`, written in a file whose name starts with `context`, has that prefix
/// replaced by `target`.
struct Remapping: Hashable, Sendable {
    let context: String
    let prefix: String
    let target: String
    /// Where it was written, for diagnostics: `remappings.txt:3`, `foundry.toml`, `--remap`,
    /// or `lib/NAME` for one Vigil derived as Forge does.
    let origin: String

    /// Parses `[context:]prefix=target`; nil when there is no `=` or no prefix.
    init?(parsing text: String, origin: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let equals = trimmed.firstIndex(of: "=") else { return nil }
        var left = String(trimmed[..<equals])
        var context = ""
        if let colon = left.firstIndex(of: ":") {
            context = String(left[..<colon])
            left = String(left[left.index(after: colon)...])
        }
        guard !left.isEmpty else { return nil }
        self.init(
            context: context, prefix: left, target: String(trimmed[trimmed.index(after: equals)...]), origin: origin)
    }

    init(context: String, prefix: String, target: String, origin: String) {
        self.context = context
        self.prefix = prefix
        self.target = target
        self.origin = origin
    }

    var text: String { (context.isEmpty ? "" : "\(context):") + "\(prefix)=\(target)" }
}

extension [Remapping] {
    /// The remapping solc applies to `path` imported from the file named `importer`: of those
    /// whose context starts `importer` and whose prefix starts `path`, the longest context,
    /// then the longest prefix, then the one given last.
    func match(_ path: String, importedFrom importer: String) -> Remapping? {
        var best: Remapping?
        for r in self where importer.hasPrefix(r.context) && path.hasPrefix(r.prefix) {
            guard let b = best else {
                best = r
                continue
            }
            if (r.context.count, r.prefix.count) >= (b.context.count, b.prefix.count) { best = r }
        }
        return best
    }
}
