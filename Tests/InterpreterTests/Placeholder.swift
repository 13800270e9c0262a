import Testing

@Suite struct InterpreterTestsPlaceholder {}
