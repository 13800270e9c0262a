import CZ3
import SMT

/// Translates `Term`s into Z3 ASTs of one context.
///
/// Results are memoised by object identity (the memo also keeps each term alive, so an identifier is never reused),
/// so a shared subterm is translated once and stays shared in Z3. Constants are made by name and sort: the same name
/// and sort always give the same Z3 constant. The walk uses an explicit stack, so deep terms cannot overflow the
/// call stack.
final class Z3Translator {
    /// The context every AST is made in.
    let context: Z3Context
    /// Translated terms by identity, each with the term that keeps the identifier valid.
    private var translated: [ObjectIdentifier: (term: Term, ast: Z3AST)] = [:]
    /// Z3 constants by name and sort.
    private var constants: [ConstantKey: Z3AST] = [:]
    /// Z3 sorts by `Sort`.
    private var sorts: [Sort: Z3SortHandle] = [:]
    /// The predicates of Horn systems, by name (a name has one signature).
    private(set) var predicates: [String: (domain: [Sort], declaration: Z3_func_decl)] = [:]

    /// A constant's identity for Z3: its name and sort.
    private struct ConstantKey: Hashable {
        let name: String
        let sort: Sort
    }

    /// A translator into `context`.
    init(context: Z3Context) {
        self.context = context
    }

    /// The Z3 AST of `root`; throws `SolverError` when Z3 rejects a subterm (an ill-sorted application, a wrong
    /// number of arguments, a quantifier binding a non-constant).
    func translate(_ root: Term) throws -> Z3AST {
        if let done = translated[ObjectIdentifier(root)] { return done.ast }
        // Post-order walk: a term is built when it is popped the second time, after all its children.
        var pending: [(term: Term, childrenDone: Bool)] = [(root, false)]
        while let (term, childrenDone) = pending.popLast() {
            let identifier = ObjectIdentifier(term)
            if translated[identifier] != nil { continue }
            if childrenDone {
                translated[identifier] = (term, try build(term))
            } else {
                pending.append((term, true))
                for child in Self.children(of: term) where translated[ObjectIdentifier(child)] == nil {
                    pending.append((child, false))
                }
            }
        }
        return translated[ObjectIdentifier(root)]!.ast
    }

    /// The declaration of a predicate; the same name always gives the same declaration.
    private func predicate(_ name: String, _ domain: [Sort]) throws -> Z3_func_decl {
        if let known = predicates[name] {
            guard known.domain == domain else { throw SolverError("predicate \(name) used with two signatures") }
            return known.declaration
        }
        let c = context.raw
        let domainSorts: [Z3_sort?] = try domain.map { try sort($0).raw }
        let made = domainSorts.withUnsafeBufferPointer { buffer in
            Z3_mk_func_decl(
                c, Z3_mk_string_symbol(c, name), UInt32(buffer.count), buffer.baseAddress, Z3_mk_bool_sort(c))
        }
        try context.checkError("mk_func_decl \(name)")
        guard let made else { throw SolverError("z3 cannot declare \(name)") }
        // Declarations live as long as the context: the translator's context outlives every use.
        Z3_inc_ref(c, Z3_func_decl_to_ast(c, made))
        predicates[name] = (domain, made)
        return made
    }

    /// The Z3 sort of `sort`.
    func sort(_ sort: Sort) throws -> Z3SortHandle {
        if let known = sorts[sort] { return known }
        let made: Z3_sort?
        switch sort {
        case .bool:
            made = Z3_mk_bool_sort(context.raw)
        case .int:
            made = Z3_mk_int_sort(context.raw)
        case .array(let index, let element):
            let indexSort = try self.sort(index)
            let elementSort = try self.sort(element)
            made = Z3_mk_array_sort(context.raw, indexSort.raw, elementSort.raw)
        }
        try context.checkError("cannot make the sort \(sort)")
        guard let made else { throw SolverError("z3 cannot make the sort \(sort)") }
        let handle = Z3SortHandle(context, made)
        sorts[sort] = handle
        return handle
    }

    // MARK: - Building one node

    /// The immediate subterms of `term`.
    private static func children(of term: Term) -> [Term] {
        switch term.kind {
        case .constant, .intLiteral, .boolLiteral: return []
        case .apply(_, let arguments): return arguments
        case .constArray(_, let value): return [value]
        case .quantifier(_, let bound, let body): return bound + [body]
        }
    }

    /// The already translated AST of a child.
    private func child(_ term: Term) -> Z3_ast {
        translated[ObjectIdentifier(term)]!.ast.raw
    }

    /// Makes the Z3 AST of `term`, whose children are all translated.
    private func build(_ term: Term) throws -> Z3AST {
        let c = context.raw
        switch term.kind {
        case .constant(let name, let sort):
            let key = ConstantKey(name: name, sort: sort)
            if let known = constants[key] { return known }
            let z3Sort = try self.sort(sort)
            let made = try context.ast(Z3_mk_const(c, Z3_mk_string_symbol(c, name), z3Sort.raw), "mk_const \(name)")
            constants[key] = made
            return made
        case .intLiteral(let value):
            let intSort = try sort(.int)
            return try context.ast(Z3_mk_numeral(c, value.description, intSort.raw), "mk_numeral \(value)")
        case .boolLiteral(let value):
            return try context.ast(value ? Z3_mk_true(c) : Z3_mk_false(c), "mk_bool")
        case .apply(let op, let arguments):
            do {
                return try apply(op, arguments.map(child))
            } catch let error as SolverError {
                let sorts = arguments.map { "<\($0.sort)>" }.joined(separator: " ")
                throw SolverError("cannot translate (\(op.smtLibName) \(sorts)): \(error.message)")
            }
        case .constArray(let index, let value):
            let indexSort = try sort(index)
            return try context.ast(Z3_mk_const_array(c, indexSort.raw, child(value)), "mk_const_array")
        case .quantifier(let isForall, let bound, let body):
            var variables: [Z3_app?] = []
            for variable in bound {
                guard case .constant = variable.kind else {
                    throw SolverError("a quantifier can bind only constants, not \(variable)")
                }
                variables.append(Z3_to_app(c, child(variable)))
            }
            let made = variables.withUnsafeBufferPointer { buffer in
                isForall
                    ? Z3_mk_forall_const(c, 0, UInt32(buffer.count), buffer.baseAddress, 0, nil, child(body))
                    : Z3_mk_exists_const(c, 0, UInt32(buffer.count), buffer.baseAddress, 0, nil, child(body))
            }
            return try context.ast(made, isForall ? "mk_forall_const" : "mk_exists_const")
        }
    }

    /// Makes `(op arguments…)`, checking the number of arguments first (Z3 would read past a short array).
    private func apply(_ op: Term.Op, _ arguments: [Z3_ast]) throws -> Z3AST {
        let c = context.raw
        let a = arguments
        func requireCount(_ expected: Int) throws {
            guard a.count == expected else {
                throw SolverError("'\(op.smtLibName)' takes \(expected) argument(s), got \(a.count)")
            }
        }
        func nary(_ make: (Z3_context?, UInt32, UnsafePointer<Z3_ast?>?) -> Z3_ast?) -> Z3_ast? {
            let optionals: [Z3_ast?] = a
            return optionals.withUnsafeBufferPointer { make(c, UInt32($0.count), $0.baseAddress) }
        }
        let made: Z3_ast?
        switch op {
        case .and, .or:
            // Z3 is given at least two operands; the neutral element and a single operand are handled here.
            if a.isEmpty { return try context.ast(op == .and ? Z3_mk_true(c) : Z3_mk_false(c), "mk_bool") }
            if a.count == 1 { return Z3AST(context, a[0]) }
            made = op == .and ? nary(Z3_mk_and) : nary(Z3_mk_or)
        case .add, .mul:
            if a.isEmpty {
                let intSort = try sort(.int)
                return try context.ast(Z3_mk_int(c, op == .add ? 0 : 1, intSort.raw), "mk_int")
            }
            if a.count == 1 { return Z3AST(context, a[0]) }
            made = op == .add ? nary(Z3_mk_add) : nary(Z3_mk_mul)
        case .sub:
            guard !a.isEmpty else { throw SolverError("'-' takes at least 1 argument, got 0") }
            made = a.count == 1 ? Z3_mk_unary_minus(c, a[0]) : nary(Z3_mk_sub)
        case .distinct:
            if a.count < 2 { return try context.ast(Z3_mk_true(c), "mk_true") }
            made = nary(Z3_mk_distinct)
        case .not:
            try requireCount(1)
            made = Z3_mk_not(c, a[0])
        case .neg:
            try requireCount(1)
            made = Z3_mk_unary_minus(c, a[0])
        case .implies, .eq, .div, .mod, .lt, .le, .gt, .ge, .select:
            try requireCount(2)
            made = binary(op)(c, a[0], a[1])
        case .ite:
            try requireCount(3)
            made = Z3_mk_ite(c, a[0], a[1], a[2])
        case .store:
            try requireCount(3)
            made = Z3_mk_store(c, a[0], a[1], a[2])
        case .predicate(let name, let domain):
            try requireCount(domain.count)
            let declaration = try predicate(name, domain)
            made = nary { c, n, arguments in Z3_mk_app(c, declaration, n, arguments) }
        }
        return try context.ast(made, "mk_\(op)")
    }

    /// The Z3 function making the binary operator `op`.
    private func binary(_ op: Term.Op) -> (Z3_context?, Z3_ast?, Z3_ast?) -> Z3_ast? {
        switch op {
        case .implies: return Z3_mk_implies
        case .eq: return Z3_mk_eq
        case .div: return Z3_mk_div
        case .mod: return Z3_mk_mod
        case .lt: return Z3_mk_lt
        case .le: return Z3_mk_le
        case .gt: return Z3_mk_gt
        case .ge: return Z3_mk_ge
        default: return Z3_mk_select  // .select, the last binary operator
        }
    }
}
