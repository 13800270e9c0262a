import Foundation
import VigilBasics
import VigilSema
import VigilSyntax

// The front end's fuzzing harness (issue 19; docs/RELIABILITY.md). Built with libFuzzer by
// Fuzz/run.sh (`-sanitize=fuzzer,address -DFUZZING`); built normally, it replays inputs:
// `vigil-fuzz FILE...` runs each file through the harness, as the fuzzer ran it.

/// One input through the lexer, the parser, semantic analysis and the diagnostic renderer, as
/// a `.sol`, a `.vigil` and a `.spec` file.
func runFrontEnd(_ bytes: [UInt8]) {
    for kind in [SourceKind.solidity, .vigil, .spec] {
        var sources = SourceManager()
        let id = sources.add(path: "input.\(kind == .solidity ? "sol" : kind.rawValue)", bytes: bytes)
        var ids = NodeIDAllocator()
        let (unit, parsed) = Parser.parse(file: sources[id], kind: kind, ids: &ids)
        var diagnostics = parsed
        if !parsed.contains(where: { $0.severity == .error }) {
            diagnostics += SemanticAnalyzer.analyze(units: [unit], sources: sources).diagnostics
        }
        let renderer = DiagnosticRenderer(sources: sources, colored: false)
        for d in diagnostics { _ = renderer.render(d) }
    }
}

#if FUZZING
    // SwiftPM links an executable's entry point as `vigil_fuzz_main`: it hands the command line to
    // libFuzzer's driver, which calls `fuzzOneInput` for each input.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    @_cdecl("vigil_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments) { data, size in
            runFrontEnd(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
    }
#else
    @main
    enum ReplayInputs {
        static func main() {
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("cannot read \(path)")
                    continue
                }
                runFrontEnd([UInt8](data))
                print("\(path): ok")
            }
        }
    }
#endif
