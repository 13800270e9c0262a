#!/usr/bin/env python3
"""Cross-engine differential checking (issue 19, a first driver): generates random small
contracts in Vigil's subset (state and mappings, checked arithmetic, branches, a bounded loop,
modifiers, inheritance with super, a library with using-for, tuples, arrays in storage and
in memory, named arguments, internal function values, addmod/mulmod, code sizes, array and
struct arguments; array literals, bytes and strings in storage, memory and calldata (push, pop, indexing,
concatenation, lengths), keccak256 of computed and constant values, mappings keyed by hashes
and by strings, abi.encode/encodePacked/decode; with --handovers also try/catch on an interface call (with catch Error/Panic clauses) and contract creation
with new, which hand over control and cost the bounded engine far more: it then runs with
--reentrancy 1) with
asserts and invariants (a .vigil file), checks each with the bounded engine and the unbounded engine, and reports any
property one engine proves and the other violates (a replayed trace is ground truth: a
`proved` beside it is a wrong answer).

    scripts/differential.py COUNT [SEED] [--vigil PATH] [--keep DIR] [--handovers] [--rlimit N] [--progress]

Exit status 0 when no disagreement was found, 1 otherwise (the contracts are kept in DIR).
"""
import argparse, json, os, random, subprocess, sys, tempfile

def expr(r, vars_, depth=0):
    if depth > 2 or r.random() < 0.3:
        # A constant is typed, so that constant subexpressions stay integers (`7 / 2` alone is a rational).
        return r.choice(vars_ + [f"uint256({r.randint(0, 5)})"])
    op = r.choice(["+", "-", "*", "/", "%"])
    a, b = expr(r, vars_, depth + 1), expr(r, vars_, depth + 1)
    if op in "/%":
        b = f"({b} + 1)"
    return f"({a} {op} {b})"

def cond(r, vars_):
    return f"{expr(r, vars_)} {r.choice(['<', '<=', '>', '>=', '==', '!='])} {expr(r, vars_)}"

def value_statement(r, vars_, target):
    """A statement over bytes, strings, hashing and ABI encoding (issue 16): the engines model
    hashes of computed values as a function assumed free of collisions, the interpreter computes
    real Keccak-256 values, so a counterexample resting on a hash's value is `unknown`, never
    `violated`, and a proof must hold for any such function."""
    v = r.choice(vars_)
    choices = [
        f"bs.push(bytes1(uint8({v} % 256)));",
        f"if (bs.length > 0) {{ {target} = uint8(bs[bs.length - 1]); }}",
        "if (bs.length > 0) { bs.pop(); }",
        f"hm[keccak256(abi.encodePacked({v} % 3))] = {expr(r, vars_)};",
        f"{target} = hm[keccak256(abi.encodePacked(uint256({r.randint(0, 3)})))];",
        f"{target} = uint256(keccak256(abi.encode({v}))) % 3;",
        f"label = {cond(r, vars_)} ? \"ab\" : \"xyz\"; {target} = bytes(label).length;",
        f"{target} = keccak256(bytes(label)) == keccak256(\"ab\") ? 1 : 0;",
        f"named[label] = {v}; {target} = named[\"ab\"];",
        f"{{ bytes memory t = abi.encodePacked({v}, uint8({r.choice(vars_)} % 256)); {target} = t.length + uint8(t[31]); }}",
        f"{target} = bytes.concat(bs, \"z\").length;",
        f"{target} = bytes(string.concat(label, \"-\")).length;",
        f"{{ (uint256 p, uint256 q) = abi.decode(abi.encode({v}, {expr(r, vars_)}), (uint256, uint256)); {target} = p + q % 3; }}",
        f"if (keccak256(abi.encode({v})) == keccak256(abi.encode({r.choice(vars_)}))) {{ {target} = 1; }}",
        f"{{ uint256[3] memory t = [{v}, {expr(r, vars_)}, uint256({r.randint(0, 5)})]; {target} = t[{r.choice(vars_)} % 3]; }}",
    ]
    return r.choice(choices)

def contract(r, n, handovers=False):
    """The source of a random contract D{n}, and its public functions as (name, parameter kinds)
    for random schedules: "uint", "array" (uint256[] calldata), "bytes" (bytes calldata) or
    "struct" (P calldata)."""
    state = ["a", "b", "c"]
    functions = []
    lines = []
    lib = r.random() < 0.5
    if lib:
        lines += ["library M {",
                  "    function cap(uint256 x, uint256 y) internal pure returns (uint256) { return x < y ? x : y; }",
                  "}", ""]
    lines += ["interface IHook {", "    function ping(uint256 v) external returns (uint256);", "}", "",
              "contract Leaf {}", ""]
    lines += ["abstract contract Base {", "    uint256 internal a;", "    uint256 internal b;",
              "    uint256[] internal xs;",
              "    function bump(uint256 v) internal virtual { a += v % 7; }", "}", ""]
    lines += [f"contract D{n} is Base {{"]
    if lib:
        lines += ["    using M for uint256;"]
    lines += ["    uint256 internal c;", "    mapping(uint256 => uint256) internal m;", "    bool internal flag;",
              "    IHook internal hook;", "    bytes internal bs;", "    string internal label;",
              "    mapping(bytes32 => uint256) internal hm;", "    mapping(string => uint256) internal named;", ""]
    lines += ["    modifier guarded() { require(!flag); flag = true; _; flag = false; }", ""]
    lines += ["    function bump(uint256 v) internal override { super.bump(v); b += 1; }", ""]
    lines += ["    function pair(uint256 x) internal pure returns (uint256, uint256) { return (x % 3, x / 3); }", ""]
    lines += ["    function twice(uint256 v) internal pure returns (uint256) { return 2 * (v % 100); }",
              "    function third(uint256 v) internal pure returns (uint256) { return v / 3; }", ""]
    lines += ["    struct P { uint256 p; uint256 q; }", ""]
    for f in range(r.randint(2, 4)):
        params = ["x", "y"][: r.randint(1, 2)]
        vars_ = state + params
        body = []
        for _ in range(r.randint(1, 4)):
            k = r.random()
            target = r.choice(state)
            if r.random() < 0.2:
                body.append(value_statement(r, vars_, target))
            elif k < 0.25:
                body.append(f"if ({cond(r, vars_)}) {{ {target} = {expr(r, vars_)}; }}")
            elif k < 0.4:
                body.append(f"m[{r.choice(vars_)} % 4] = {expr(r, vars_)};")
            elif k < 0.5:
                body.append(f"bump({r.choice(vars_)});")
            elif k < 0.6:
                body.append(f"for (uint256 i = 0; i < {r.randint(1, 3)}; i++) {{ {target} += i; }}")
            elif k < 0.68 and lib:
                body.append(f"{target} = {r.choice(vars_)}.cap({r.randint(1, 9)});")
            elif k < 0.76:
                body.append(f"{{ (uint256 q, uint256 s) = pair({r.choice(vars_)}); {target} = q + s; }}")
            elif k < 0.8:
                body.append(f"xs.push({r.choice(vars_)} % 5);")
            elif k < 0.83 and handovers:
                typed = r.choice(["", f"catch Panic(uint256 code) {{ {target} = code % 3; }} ",
                                  f"catch Error(string memory) {{ {target} += 2; }} "])
                body.append(f"try hook.ping({r.choice(vars_)}) returns (uint256 t) {{ {target} = t % 5; }} "
                            f"{typed}catch {{ {r.choice(state)} += 1; }}")
            elif k < 0.85:
                body.append(f"{{ (uint256 q, uint256 s) = pair({{x: {r.choice(vars_)}}}); {target} = q * s; }}")
            elif k < 0.86 and handovers:
                body.append(f"{{ Leaf l = new Leaf(); if (address(l) == address(0)) {{ {target} = 1; }} }}")
            elif k < 0.88:
                body.append(f"if (xs.length > 0) {{ {target} = xs[xs.length - 1]; }}")
            elif k < 0.9:
                body.append(f"{{ uint256[] memory t = new uint256[](2); t[{r.choice(vars_)} % 2] = {expr(r, vars_)}; "
                            f"{target} = t[0] + t[1]; }}")
            elif k < 0.92:
                body.append(f"{{ uint256[] memory t = xs; if (t.length > 1) {{ {target} = t[1]; }} }}")
            elif k < 0.94:
                body.append(f"{{ function(uint256) pure returns (uint256) g = {cond(r, vars_)} ? twice : third; "
                            f"{target} = g({r.choice(vars_)}); }}")
            elif k < 0.96:
                fn = r.choice(["addmod", "mulmod"])
                body.append(f"{target} = {fn}({expr(r, vars_)}, {expr(r, vars_)}, {r.choice(vars_)} % 5);")
            elif k < 0.97:
                body.append(f"if (msg.sender.code.length == {r.randint(0, 2)}) {{ {target} += 1; }}")
            else:
                body.append(f"{target} = {expr(r, vars_)};")
        body.append(f"assert({cond(r, state)});")
        modifier = " guarded" if r.random() < 0.3 else ""
        functions.append((f"f{f}", ["uint"] * len(params)))
        lines.append(f"    function f{f}({', '.join('uint256 ' + p for p in params)}) public{modifier} {{")
        lines += ["        " + s for s in body]
        lines.append("    }")
    if r.random() < 0.3:
        functions.append(("fa", ["array"]))
        lines.append(f"    function fa(uint256[] calldata v) public {{")
        lines.append(f"        if (v.length > {r.randint(0, 2)}) {{ {r.choice(state)} = v[{r.randint(0, 2)}] % 5; }}")
        lines.append(f"        assert({cond(r, state)});")
        lines.append("    }")
    if r.random() < 0.3:
        functions.append(("fb", ["bytes"]))
        i = r.randint(0, 2)
        lines.append(f"    function fb(bytes calldata d) public {{")
        lines.append(f"        if (d.length > {i}) {{ {r.choice(state)} = uint8(d[{i}]) % 5; }}")
        lines.append(f"        if (keccak256(d) == keccak256(bs)) {{ {r.choice(state)} += 1; }}")
        lines.append(f"        assert({cond(r, state)});")
        lines.append("    }")
    if r.random() < 0.3:
        functions.append(("fs", ["struct"]))
        lines.append(f"    function fs(P calldata s) public {{")
        lines.append(f"        {r.choice(state)} = (s.p + s.q) % {r.randint(2, 9)};")
        lines.append(f"        assert({cond(r, state)});")
        lines.append("    }")
    # Invariants over the state (the file is a .vigil one): some hold, some do not.
    for i in range(r.randint(0, 2)):
        lines.append(f"    invariant inv{i}: {cond(r, state)};")
    lines.append("}")
    return "\n".join(lines) + "\n", functions

def run(vigil, path, engine, handovers, rlimit=None):
    bounds = ["--depth", "3"] + (["--reentrancy", "1"] if handovers else []) + \
        (["--rlimit", str(rlimit)] if rlimit else [])
    out = subprocess.run([vigil, "check", path, "--engine", engine, "--format", "json", "--quiet"] + bounds,
                         capture_output=True, text=True, timeout=600)
    if out.returncode == 2:
        return None, out.stderr
    report = json.loads(out.stdout)
    return {r["property"]: r["verdict"] for r in report["results"]}, report

SENDERS = ["1", "2", "3"]
THIS = "1000"
VALUES = [0, 1, 2, 3, 4, 5, 7, 9, 100, 2**128, 2**255, 2**256 - 1]

def argument_numbers(r, kind):
    """The numbers a schedule records for one argument: a value, an array's or bytes' length and
    then its elements, a struct's two fields."""
    if kind == "array":
        n = r.randint(0, 3)
        return [str(n)] + [str(r.choice(VALUES)) for _ in range(n)]
    if kind == "bytes":
        n = r.randint(0, 3)
        return [str(n)] + [str(r.choice([0, 1, 2, 97, 98, 255])) for _ in range(n)]
    if kind == "struct":
        return [str(r.choice(VALUES)), str(r.choice(VALUES))]
    return [str(r.choice(VALUES))]

def random_schedule(r, functions, code_sizes, uses_code_size, depth):
    """Up to `depth` transactions of random public functions, senders and arguments, in the
    report's schedule format. A function reading `msg.sender.code.length` gets one code_size
    event per read with the sender's code size for the run (`uses_code_size[name]` reads)."""
    def invocation(name, arguments, sender, events):
        return {"function": name, "arguments": arguments, "sender": sender, "value": "0", "events": events}
    transactions = []
    for _ in range(r.randint(1, depth)):
        name, kinds = r.choice(functions)
        sender = r.choice(SENDERS)
        events = [{"kind": "code_size", "returned": str(code_sizes[sender])}] * uses_code_size.get(name, 0)
        arguments = [x for k in kinds for x in argument_numbers(r, k)]
        transactions.append({"call": invocation(name, arguments, sender, events), "forced_ether": "0",
                             "rule_call": False, "timestamp": "0", "block_number": "0"})
    return {"this": THIS, "initial_balance": "0", "constructor": invocation("constructor", [], "1", []),
            "transactions": transactions, "final_forced_ether": "0", "deployment_timestamp": "0",
            "deployment_block_number": "0"}

def replay_random(vigil, path, report, records, r, functions, uses_code_size, runs, depth):
    """Replays `runs` random schedules against each of `records` (results claimed safe, or
    asserts made `assert(false)` for a vacuous check); returns (names reproduced, schedules
    replayed, schedules that did not fit the source)."""
    if not records:
        return [], 0, 0
    results = []
    for rec in records:
        for _ in range(runs):
            code_sizes = {s: r.choice([0, 0, 1, 2]) for s in SENDERS}
            fake = dict(rec)
            for k in ("certificate", "reason", "trace", "failure", "invariant"):
                fake.pop(k, None)
            fake["verdict"] = "violated"
            fake["schedule"] = random_schedule(r, functions, code_sizes, uses_code_size, depth)
            results.append(fake)
    document = dict(report)
    document["results"] = results
    report_path = path + ".random.json"
    with open(report_path, "w") as f:
        json.dump(document, f)
    out = subprocess.run([vigil, "replay", report_path, "--source", path], capture_output=True, text=True,
                         timeout=600)
    reproduced = sorted({line.split(":")[0] for line in out.stdout.splitlines() if line.endswith(": still violated")})
    unfit = sum(1 for line in out.stdout.splitlines() if "does not fit the source" in line or "cannot confirm" in line)
    return reproduced, len(results), unfit

def random_checks(args, path, source, functions, bmc_report, prove_report, r):
    """Random runs in the interpreter against what the engines claimed: no random schedule
    breaks a `proved` result (any length) or a bounded `holds` (at most 3 transactions, as the
    bounded run), and none reaches an assert called `vacuous` (by the unbounded engine: any
    length; by the bounded one: within its 3 transactions; replayed with the assert made
    `assert(false)` after its condition). Returns the disagreements found, schedules replayed and unfit ones."""
    uses_code_size = {}
    current = None
    for line in source.splitlines():
        if line.strip().startswith("function f"):
            current = line.strip().split()[1].split("(")[0]
        if current and "code.length" in line:
            uses_code_size[current] = uses_code_size.get(current, 0) + line.count("code.length")
    asserts = lambda report, verdicts, kinds=("assert",): [x for x in report["results"]
                                                          if x["kind"] in kinds and x["verdict"] in verdicts]
    found = []
    replayed, unfit = 0, 0
    for report, verdicts, depth in ((prove_report, ("proved",), 4), (bmc_report, ("holds", "proved"), 3)):
        claimed = asserts(report, verdicts, ("assert", "invariant"))
        broken, n, u = replay_random(args.vigil, path, report, claimed, r, functions, uses_code_size,
                                     args.random_runs, depth)
        replayed, unfit = replayed + n, unfit + u
        found += [f"{name}: called {'/'.join(verdicts)}, broken by a random schedule" for name in broken]
    # The unbounded engine's `vacuous` holds for any number of transactions, the bounded one's
    # within its bounds (3 transactions).
    vacuous_prove, vacuous_bmc = asserts(prove_report, ("vacuous",)), asserts(bmc_report, ("vacuous",))
    vacuous = vacuous_prove + vacuous_bmc
    if vacuous:
        lines = source.splitlines()
        for rec in vacuous:
            i = rec["line"] - 1
            # The condition still runs (it may revert, and then the assert is not reached).
            start = lines[i].find("assert(")
            condition = lines[i][start + len("assert("):lines[i].rindex(");")]
            lines[i] = lines[i][:start] + f"require(({condition}) || true); assert(false);"
        variant = path.replace(".vigil", ".reach.vigil")
        with open(variant, "w") as f:
            f.write("\n".join(lines) + "\n")
        for report, records, depth in ((prove_report, vacuous_prove, 4), (bmc_report, vacuous_bmc, 3)):
            reached, n, u = replay_random(args.vigil, variant, report, records, r, functions, uses_code_size,
                                          args.random_runs, depth)
            replayed, unfit = replayed + n, unfit + u
            found += [f"{name}: called vacuous, reached by a random schedule" for name in reached]
    return found, replayed, unfit

def main():
    p = argparse.ArgumentParser()
    p.add_argument("count", type=int)
    p.add_argument("seed", type=int, nargs="?", default=1)
    p.add_argument("--vigil", default=".build/debug/vigil")
    p.add_argument("--keep", default=None)
    p.add_argument("--handovers", action="store_true")
    p.add_argument("--rlimit", type=int, default=None,
                   help="Z3's budget per query (vigil's --rlimit): smaller runs more contracts per hour, "
                        "with more results unknown (an unknown is never a disagreement)")
    p.add_argument("--progress", action="store_true", help="print a line per contract checked")
    p.add_argument("--random-runs", type=int, default=20,
                   help="random schedules replayed against each safe or vacuous result (0: none; not with --handovers)")
    args = p.parse_args()
    keep = args.keep or tempfile.mkdtemp(prefix="vigil-differential-")
    os.makedirs(keep, exist_ok=True)
    r = random.Random(args.seed)
    disagreements, rejected, results = 0, 0, 0
    random_schedules, random_unfit = 0, 0
    for n in range(args.count):
        path = os.path.join(keep, f"d{n}.vigil")
        source, functions = contract(r, n, args.handovers)
        with open(path, "w") as f:
            f.write(source)
        bmc, bmc_report = run(args.vigil, path, "bmc", args.handovers, args.rlimit)
        error = bmc_report
        if bmc is None:
            rejected += 1
            print(f"{path}: rejected: {error.strip().splitlines()[0] if error.strip() else '?'}")
            continue
        prove, prove_report = run(args.vigil, path, "prove", args.handovers, args.rlimit)
        for prop, v in bmc.items():
            results += 1
            w = (prove or {}).get(prop)
            if {v, w} == {"violated", "proved"} or (v == "violated" and w == "vacuous") or \
               (w == "violated" and v in ("holds", "vacuous")):
                disagreements += 1
                print(f"{path}: {prop}: bmc {v}, prove {w}")
        if args.random_runs and not args.handovers and prove is not None:
            found, replayed, unfit = random_checks(args, path, source, functions, bmc_report, prove_report, r)
            random_schedules += replayed
            random_unfit += unfit
            for message in found:
                disagreements += 1
                print(f"{path}: {message}")
        if args.progress:
            print(f"checked {n + 1} contracts, {results} results, {disagreements} disagreements", flush=True)
    print(f"{args.count} contracts, {rejected} rejected, {results} results, {disagreements} disagreements "
          f"(seed {args.seed}, kept in {keep}); {random_schedules} random schedules replayed against safe and "
          f"vacuous results ({random_unfit} did not fit the path taken)")
    sys.exit(1 if disagreements or rejected else 0)

if __name__ == "__main__":
    main()
