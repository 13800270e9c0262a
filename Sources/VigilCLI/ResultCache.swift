import Crypto
import Foundation
import VigilBasics
import VigilReporting
import VigilSema
import VigilSyntax
import VigilTrace
import VigilVerifier

/// `--cache DIR`: the results of each contract, kept under a SHA-256 of everything that
/// decides them, so that unchanged work is not solved again. The key covers the files the
/// contract can depend on (its own, its specs, and every file declaring an interface,
/// struct, enum, error or event), with their paths and bytes; the bounds and budgets; which
/// properties are checked (`--shard`); Vigil's version and Z3's. A contract with an
/// `unknown` result is not stored: a wall-clock timeout or a solver error need not happen
/// again. An entry that cannot be read, or that was written for another key, is ignored.
struct ResultCache {
    let directory: URL

    /// What an entry holds.
    private struct Entry: Codable {
        let format: String
        let key: String
        let results: [ResultRecord]
    }

    private static let format = "vigil-result-cache-2"

    /// Everything that decides a contract's results, encoded (keys sorted) for its cache key.
    private struct KeyMaterial: Encodable {
        let format: String
        let tool: ReportDocument.Tool
        let bounds: Bounds
        let rlimit: UInt64?
        let timeoutMilliseconds: UInt64?
        let engine: String
        let checks: [String]
        let contract: String
        /// The properties checked (what `--shard` selects).
        let properties: [String]
        /// The path and SHA-256 of each file that can change the results.
        let files: [[String]]
    }

    /// The key of `contract`'s results in a check of `model` with `options`: the SHA-256 of
    /// everything that decides them.
    static func key(
        of contract: ContractInfo, model: SemanticModel, options: CheckOptions, tool: ReportDocument.Tool
    ) throws -> String {
        let material = KeyMaterial(
            format: format, tool: tool, bounds: options.bounds, rlimit: options.rlimit,
            timeoutMilliseconds: options.timeoutMilliseconds, engine: options.engine.rawValue,
            checks: options.checks.map(\.rawValue).sorted(), contract: contract.name,
            properties: PropertySelection.declared(in: contract).filter {
                options.selection.includes(PropertyID(contract: contract.name, name: $0))
            },
            files: model.units.filter { $0.matters(to: contract) }.map { unit in
                let file = model.sources[unit.file]
                return [file.path, hex(file.bytes)]
            })
        return hex(Array(try JSONReport.encode(material).utf8))
    }

    /// The SHA-256 digest of `bytes` as 64 lowercase hex digits.
    static func hex(_ bytes: some Collection<UInt8>) -> String {
        hexDigits(SHA256.hash(data: Array(bytes)))
    }

    private func file(_ key: String) -> URL { directory.appendingPathComponent(key + ".json") }

    /// The results stored under `key`, marked as cached; nil when there is no usable entry.
    func load(_ key: String, contract: String) -> [ResultRecord]? {
        guard let data = try? Data(contentsOf: file(key)),
            let entry = try? JSONDecoder().decode(Entry.self, from: data),
            entry.format == Self.format, entry.key == key, !entry.results.isEmpty,
            entry.results.allSatisfy({ $0.contract == contract })
        else { return nil }
        return entry.results.map { r in
            var cached = r
            cached.cached = true
            return cached
        }
    }

    /// Stores the results under `key`, unless one is `unknown`. Returns why it could not, if it could not.
    func store(_ results: [ResultRecord], under key: String) -> String? {
        guard !results.isEmpty, !results.contains(where: { $0.verdict == .unknown }) else { return nil }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let entry = Entry(format: Self.format, key: key, results: results)
            try Data(try JSONReport.encode(entry).utf8).write(to: file(key), options: .atomic)
            return nil
        } catch {
            return "cannot write to the cache \(directory.path): \(error.localizedDescription)"
        }
    }
}

extension SourceUnit {
    /// Whether the file can change the results of `contract`: it declares the contract, one of
    /// its bases or a spec of either, or anything but other contracts and their specs (an
    /// interface, a library, a struct, a free function, ...), or another contract with types of
    /// its own. Names are compared as written (without the path of `path:Name`): a file more
    /// than needed may count, never one less.
    fileprivate func matters(to contract: ContractInfo) -> Bool {
        let names = Set(([contract.name] + contract.bases).map(writtenName))
        return items.contains { item in
            switch item {
            case .pragma, .importDecl: false
            case .spec(let spec): names.contains(writtenName(spec.contract.name))
            case .contract(let c):
                c.kind != .contract || names.contains(writtenName(c.name.name))
                    || c.members.contains { member in
                        switch member {
                        case .structDecl, .enumDecl, .userType: true
                        default: false
                        }
                    }
            case .structDecl, .enumDecl, .errorDecl, .eventDecl, .using, .function, .constant, .userType: true
            }
        }
    }
}
