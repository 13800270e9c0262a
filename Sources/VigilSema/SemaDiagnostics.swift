import VigilBasics

/// Every diagnostic semantic analysis reports, with its stable id, in one place.
enum SemaDiagnostics {
    static func undeclared(_ name: String, _ r: SourceRange) -> Diagnostic {
        .error("sema.undeclared-name", "use of undeclared identifier '\(name)'", at: r)
    }
    static func duplicate(_ what: String, _ name: String, _ r: SourceRange, previous: SourceRange) -> Diagnostic {
        .error(
            "sema.duplicate-declaration", "duplicate declaration of \(what) '\(name)'", at: r,
            notes: [DiagnosticNote("'\(name)' first declared here", at: previous)])
    }
    static func notSupported(_ construct: String, _ r: SourceRange) -> Diagnostic {
        .error("sema.not-supported", "\(construct) is not supported yet", at: r)
    }
    static func typeMismatch(_ message: String, _ r: SourceRange) -> Diagnostic {
        .error("sema.type-mismatch", message, at: r)
    }
    static func literalDoesNotFit(_ value: String, _ type: SolType, _ r: SourceRange) -> Diagnostic {
        .error("sema.literal-does-not-fit", "literal \(value) does not fit type '\(type)'", at: r)
    }
    static func mixedSignedness(_ a: SolType, _ b: SolType, _ r: SourceRange) -> Diagnostic {
        .error(
            "sema.mixed-signedness", "cannot mix '\(a)' and '\(b)': signed and unsigned operands need a conversion",
            at: r)
    }
    static func propertyOnly(_ name: String, _ place: String, _ r: SourceRange) -> Diagnostic {
        .error("sema.property-only", "'\(name)' can only be used \(place)", at: r)
    }
    static func ruleOnly(_ name: String, _ r: SourceRange) -> Diagnostic {
        .error("sema.rule-only", "'\(name)' can only be used inside a rule", at: r)
    }
    static func placeholderOutsideModifier(_ r: SourceRange) -> Diagnostic {
        .error("sema.placeholder-outside-modifier", "'_;' can only be used inside a modifier", at: r)
    }
    static func recursion(_ cycle: [String], _ r: SourceRange) -> Diagnostic {
        .error(
            "sema.recursion",
            "recursive call cycle \(cycle.joined(separator: " -> ")): internal calls are inlined, so recursion is not supported",
            at: r)
    }
    static func externalSelfCall(_ r: SourceRange) -> Diagnostic {
        .error(
            "sema.this-call",
            "a function of 'this' as a value ('this.f' without a call) is not supported yet; call it or name it directly",
            at: r)
    }
    static func notLValue(_ r: SourceRange) -> Diagnostic {
        .error("sema.not-assignable", "cannot assign to this expression", at: r)
    }
    static func argumentCount(_ callee: String, expected: Int, got: Int, _ r: SourceRange) -> Diagnostic {
        .error(
            "sema.argument-count", "'\(callee)' takes \(expected) argument\(expected == 1 ? "" : "s") but \(got) given",
            at: r)
    }
}
