import Foundation

/// The JSON form of a report (docs/LANGUAGE-REFERENCE.md, "Reports"), schema docs/report.schema.json. Keys are
/// sorted so the same input gives the same bytes (time fields aside).
public enum JSONReport {
    /// The report as UTF-8 JSON text, ending with a newline.
    public static func render(_ document: ReportDocument) throws -> String {
        try encode(document)
    }

    /// Any of the report's records as JSON text, ending with a newline; throws what the
    /// encoder throws (a value JSON cannot hold).
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Reads a report back; the error says why the data is not a report of this schema version.
    public static func decode(_ data: Data) throws(ReportDecodingError) -> ReportDocument {
        struct Version: Decodable { let schemaVersion: Int? }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw ReportDecodingError(description: "not a JSON object")
        }
        guard let v = version.schemaVersion else { throw ReportDecodingError(description: "no schemaVersion") }
        guard v == ReportDocument.currentSchemaVersion else {
            throw ReportDecodingError(
                description: "schemaVersion \(v); this Vigil reads \(ReportDocument.currentSchemaVersion)")
        }
        do {
            return try JSONDecoder().decode(ReportDocument.self, from: data)
        } catch {
            throw ReportDecodingError(description: describe(error))
        }
    }

    /// Reads one saved result (one element of a report's `results`).
    public static func decodeResult(_ data: Data) throws(ReportDecodingError) -> ResultRecord {
        do {
            return try JSONDecoder().decode(ResultRecord.self, from: data)
        } catch {
            throw ReportDecodingError(description: describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "unexpected value at \(path(context.codingPath))"
        case .dataCorrupted(let context)?:
            return "invalid value at \(path(context.codingPath)): \(context.debugDescription)"
        default: return "\(error)"
        }
    }
}

/// Why some JSON is not a Vigil report that this version can read.
public struct ReportDecodingError: Error, CustomStringConvertible {
    public let description: String
}
