import Testing

@Suite struct VerifierTestsPlaceholder {}
