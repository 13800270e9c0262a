// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Vigil",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "vigil", targets: ["vigil"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // Z3's C API, found through pkg-config; imported by Z3Backend only.
        .systemLibrary(name: "CZ3", pkgConfig: "z3", providers: [.apt(["libz3-dev"])]),
        // Source files, byte ranges, line tables and diagnostics.
        .target(name: "VigilBasics", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // Lexer, parser and AST for the Solidity subset and the property language.
        .target(name: "VigilSyntax", dependencies: ["VigilBasics"]),
        // Name resolution and type checking: the semantic model every later stage reads.
        .target(name: "VigilSema", dependencies: ["VigilSyntax", .product(name: "BigInt", package: "BigInt")]),
        // The data the engines, the interpreter and the reporters share: a schedule's choices,
        // the replayed trace, the bounds.
        .target(name: "VigilTrace", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // Solver-agnostic SMT terms, the Solver protocol and models.
        .target(name: "SMT", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // Symbolic encoding of contracts and their environment into SMT terms.
        .target(
            name: "VigilLowering",
            dependencies: [
                "VigilBasics", "VigilSyntax", "VigilSema", "SMT", "VigilTrace",
                .product(name: "BigInt", package: "BigInt"),
            ]),
        // The Z3 solver behind the SMT protocol: the only importer of CZ3.
        .target(name: "Z3Backend", dependencies: ["SMT", "CZ3", .product(name: "BigInt", package: "BigInt")]),
        // The engines (bounded model checking, Horn clauses) and where their answers meet.
        .target(
            name: "VigilVerifier",
            dependencies: [
                "VigilBasics", "VigilSyntax", "VigilSema", "VigilLowering", "SMT", "VigilTrace", "VigilInterpreter",
                .product(name: "BigInt", package: "BigInt"),
            ]),
        // A concrete interpreter that replays schedules; independent of the encoder.
        .target(
            name: "VigilInterpreter",
            dependencies: [
                "VigilBasics", "VigilSyntax", "VigilSema", "VigilTrace", .product(name: "BigInt", package: "BigInt"),
            ]),
        // The report as data and its renderers: text, JSON, SARIF, JUnit, GitHub, HTML.
        .target(
            name: "VigilReporting",
            dependencies: [
                "VigilBasics", "VigilSema", "VigilTrace", "VigilVerifier", .product(name: "BigInt", package: "BigInt"),
            ]),
        // Command-line front end: argument parsing, the pipeline, exit codes.
        .target(
            name: "VigilCLI",
            dependencies: [
                "VigilBasics", "VigilSyntax", "VigilSema", "VigilTrace", "VigilInterpreter", "VigilVerifier",
                "VigilReporting", "Z3Backend", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The `vigil` executable: a thin entry point.
        .executableTarget(name: "vigil", dependencies: ["VigilCLI"]),
        // The front end's fuzzing harness (Fuzz/run.sh builds it with libFuzzer); built
        // normally, it replays inputs.
        .executableTarget(name: "vigil-fuzz", dependencies: ["VigilBasics", "VigilSyntax", "VigilSema"]),
        .testTarget(name: "BasicsTests", dependencies: ["VigilBasics"]),
        .testTarget(name: "SyntaxTests", dependencies: ["VigilSyntax"]),
        .testTarget(name: "SemaTests", dependencies: ["VigilSema"]),
        .testTarget(name: "SMTTests", dependencies: ["SMT", "Z3Backend"]),
        .testTarget(name: "InterpreterTests", dependencies: ["VigilInterpreter", "VigilSema"]),
        .testTarget(name: "VerifierTests", dependencies: ["VigilVerifier", "Z3Backend", "VigilInterpreter"]),
        // End to end: the golden test over examples/, specs/ and Tests/Fixtures, and the CLI.
        .testTarget(name: "CLITests", dependencies: ["VigilCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
