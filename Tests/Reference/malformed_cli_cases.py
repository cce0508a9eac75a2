#!/usr/bin/env python3
"""Generates Tests/Fixtures/malformed-cli/cases.jsonl: malformed inputs for every command of `trialstats`,
each with the exit status it must give and the text its one-line message must contain (the flag, or
file:line:column, and what is wrong). Run from the package root:

    python3 Tests/Reference/malformed_cli_cases.py > Tests/Fixtures/malformed-cli/cases.jsonl

Each case starts from a command that succeeds (BASE below) and spoils one thing: a flag's value, the number
of per-arm values, a combination of flags, a `--data` file, a file of a study folder given to `report`.
The expected texts are written here from the documented rules (README "Exit status", the help of each
command), not copied from the tool's output; the suite CLITests/MalformedCorpusCLITests runs every case as a
subprocess under a time and memory cap and checks: the status, exactly one line on standard error starting
"trialstats: " and containing each expected text, nothing on standard output, and no file written in the
case's scratch folder.

Case fields: id; args (with {tmp} for the scratch folder); files (scratch-relative path → {"text": ...},
{"hex": ...}, {"repeat": text, "times": n, "prefix": ..., "suffix": ...}, {"copy": repo path}, {"dir": true});
stdin (text, optional); status; stderr (texts that must appear); stdout ("empty", or "any" for a --data
batch whose good rows are printed before the bad one is reported).
"""
import json
import os
import re
import sys

USAGE, DATA, MISSING = 64, 65, 66
cases = []


def case(cid, args, status, expect, files=None, stdin=None, stdout="empty", lines="one"):
    c = {"id": cid, "args": args, "status": status, "stderr": expect if isinstance(expect, list) else [expect],
         "stdout": stdout, "lines": lines}
    if files:
        c["files"] = files
    if stdin is not None:
        c["stdin"] = stdin
    cases.append(c)


BASE = {
    "means": ["means", "--n", "35,33", "--mean", "-0.7,-1.4", "--sd", "2.7,2.7"],
    "means1": ["means", "--n", "35", "--mean", "-0.7", "--sd", "2.7"],
    "audit": ["audit", "--n", "35,33", "--mean", "-0.7,-1.4", "--sd", "2.7,2.7"],
    "counts": ["counts", "--table", "6,22;35,42"],
    "proportion": ["proportion", "--events", "8", "--n", "20"],
}


def with_flag(base, flag, value):
    """BASE with FLAG set to VALUE (replaced when present, appended when not)."""
    args = list(BASE[base])
    if flag in args:
        args[args.index(flag) + 1] = value
    else:
        args += [flag, value]
    return args


# Values no number flag accepts, whatever its domain.
NOT_A_NUMBER = {
    "empty": "", "blank": "   ", "word": "x", "nan": "nan", "NaN": "NaN", "inf": "inf", "minus-inf": "-inf",
    "infinity-sign": "∞", "overflow": "1e999", "two-points": "1.2.3", "dotdot": "1..2", "bare-exponent": "1e",
    "hex": "0x10", "fraction-glyph": "½", "arabic-digits": "١٢", "trailing-minus": "5-", "double-minus": "--5",
    "newline": "1\n2", "tab-inside": "1\t2", "long-digits": "9" * 5000 + "x", "letter-o": "1O", "comma-only": ",",
}

# means / audit per-arm flags, by what they hold.
REAL_FLAGS = ["--mean"]
SPREAD_FLAGS = ["--sd", "--se"]
COUNT_FLAGS = ["--n"]

def spoil(base, flag, value):
    """BASE with FLAG set to VALUE; --se takes the place of --sd."""
    if flag == "--se":
        args = list(BASE[base])
        i = args.index("--sd")
        args[i:i + 2] = ["--se", value]
        return args
    return with_flag(base, flag, value)


for base in ["means", "audit"]:
    for flag in REAL_FLAGS + SPREAD_FLAGS + COUNT_FLAGS:
        for name, v in NOT_A_NUMBER.items():
            case(f"{base}{flag}-{name}", spoil(base, flag, v), USAGE, f"{flag}:")
    for flag in SPREAD_FLAGS + COUNT_FLAGS:
        for name, v in {"negative": "-1,2.7", "negative-unicode": "−1,2.7", "percent": "5%,5%"}.items():
            case(f"{base}{flag}-{name}", spoil(base, flag, v), USAGE, f"{flag}:")
    for name, v in {"fractional": "35.5,33", "zero": "0,33", "exponent-fraction": "3.5e0,33", "huge": "1e30,33"}.items():
        case(f"{base}--n-{name}", with_flag(base, "--n", v), USAGE, "--n:")
    for flag in ["--n", "--mean", "--sd"]:
        case(f"{base}{flag}-three-arms", with_flag(base, flag, "1,2,3"), USAGE, flag)
        case(f"{base}{flag}-ambiguous-thousands", with_flag(base, flag, "1,725"), USAGE, f"{flag}:")

# Confidence levels: accepted as 0.95, 95 or 95%, from 50% up to (not including) 100%.
BAD_LEVELS = {"zero": "0", "below-half": "0.3", "hundred": "100", "hundred-percent": "100%", "one": "1",
              "above-hundred": "101", "negative": "-95", "rounds-to-one": "0.9999999999999999999",
              "double-percent": "95%%", "word": "high", "empty": "", "list": "0.9,0.95", "percent-fraction": "0.95%"}
for base, flag in [("means", "--conf-level"), ("means", "--ci-level"), ("counts", "--conf-level"),
                   ("proportion", "--conf-level"), ("audit", "--ci-level")]:
    for name, v in BAD_LEVELS.items():
        case(f"{base}{flag}-{name}", with_flag(base, flag, v), USAGE, f"{flag}:")

# Arm CIs: "LO,HI" or "LO,HI;LO,HI", ordered, holding their own mean.
for base in ["means1"]:
    for name, v in {"reversed": "1,-2", "one-bound": "1", "three-bounds": "1,2,3", "words": "a,b",
                    "excludes-mean": "2,3", "nan-bound": "nan,1", "empty-pair": ";", "three-pairs": "1,2;1,2;1,2"}.items():
        case(f"means--ci-{name}", ["means", "--n", "35", "--mean", "1", "--ci", v], USAGE, "--ci:")
case("means--ci-and-sd-disagree-arms", ["means", "--n", "35,33", "--mean", "1,2", "--ci", "0,2"], USAGE, "--ci")

# Flag combinations.
case("means-no-spread", ["means", "--n", "35", "--mean", "1"], USAGE, "--sd")
case("means-no-mean", ["means", "--n", "35", "--sd", "1"], USAGE, "--mean")
case("means-no-n", ["means", "--mean", "1", "--sd", "1"], USAGE, "--n")
case("means-n-one-t", ["means", "--n", "1", "--mean", "1", "--sd", "1"], USAGE, "--n")
case("means-arms-mismatch", ["means", "--n", "35,33", "--mean", "1", "--sd", "1,1"], USAGE, "--mean")
case("means-data-and-flags", ["means", "--data", "{tmp}/a.csv", "--n", "35"], USAGE, "--data",
     files={"a.csv": {"text": "n,mean,sd\n10,1,1\n"}})
case("means-method-unknown", with_flag("means", "--method", "bayes"), USAGE, "--method")
case("means-interval-unknown", with_flag("means1", "--interval", "f"), USAGE, "--interval")
case("means-format-unknown", with_flag("means", "--format", "xml"), USAGE, "--format")
case("means-reference-word", with_flag("means", "--reference", "zero"), USAGE, "--reference:")
case("means-reference-nan", with_flag("means", "--reference", "nan"), USAGE, "--reference:")
case("means-smd-variance-unknown", with_flag("means", "--smd-variance", "exactish") + ["--effects"], USAGE, "--smd-variance")
case("means-repeated-n", BASE["means"] + ["--n", "35,33"], USAGE, "--n")
case("means-unknown-flag", BASE["means"] + ["--sdd", "1"], USAGE, "--sdd")
case("means-positional", BASE["means"] + ["extra"], USAGE, "extra")
case("means-flag-without-value", ["means", "--n", "35", "--mean", "1", "--sd"], USAGE, "--sd")
case("means-labels-three", with_flag("means", "--labels", "a,b,c"), USAGE, "--labels")
case("means-strict-without-data", BASE["means"] + ["--strict"], USAGE, "--strict")

# audit: printed results of the comparison.
for flag in ["--diff", "--diff-p", "--p", "--total-n", "--ratio", "--overall-f", "--overall-p"]:
    for name, v in {"word": "x", "nan": "nan", "empty": "", "overflow": "1e999"}.items():
        case(f"audit{flag}-{name}", with_flag("audit", flag, v), USAGE, f"{flag}:")
for flag, v, name in [("--diff-p", "1.5", "above-one"), ("--diff-p", "-0.1", "negative"), ("--p", "2,0.5", "above-one"),
                      ("--total-n", "-68", "negative"), ("--total-n", "68.5", "fractional"), ("--ratio", "-1.2", "negative"),
                      ("--ratio", "0", "zero"), ("--diff-ci", "1", "one-bound"), ("--diff-ci", "2,1", "reversed"),
                      ("--ratio-ci", "0,1", "zero-bound"), ("--ratio-ci", "-1,2", "negative-bound"),
                      ("--ratio-ci", "2,1", "reversed"), ("--percent", "150", "above-hundred"),
                      ("--percent", "-5", "negative"), ("--count", "2.5", "fractional"), ("--count", "-1", "negative"),
                      ("--measure", "hazard", "unknown-measure"), ("--table", "1,2;3", "ragged-table"),
                      ("--test", "t(28) is 2.20", "unreadable-test"), ("--test", "", "empty-test"),
                      ("--overall-f", "-2", "negative-f"), ("--integer-items", "0", "zero-items"),
                      ("--integer-items", "x", "word-items")]:
    case(f"audit{flag}-{name}", with_flag("audit", flag, v), USAGE, f"{flag}")
case("audit-nothing", ["audit"], USAGE, "--")

# counts: tables, labels, bound mode, Monte Carlo.
for name, v in {"ragged": "1,2;3", "negative": "1,-2;3,4", "fraction": "1.5,2;3,4", "word": "a,b;c,d",
                "empty": "", "one-cell": "5", "empty-row": "1,2;;3,4", "percent": "5%,2;3,4",
                "overflow": "1e999,2;3,4", "all-zero": "0,0;0,0", "huge": "2000000000000000000000,3;2,4",
                "nan": "nan,1;1,1", "trailing-semicolon-ragged": "1,2;3,4;5", "unicode-minus": "1,−2;3,4"}.items():
    case(f"counts--table-{name}", ["counts", "--table", v], USAGE, "--table")
case("counts--rows-too-many", BASE["counts"] + ["--rows", "a,b,c"], USAGE, "--rows")
case("counts--cols-too-few", BASE["counts"] + ["--cols", "a"], USAGE, "--cols")
case("counts--scores-wrong-count", BASE["counts"] + ["--ordered", "--scores", "1,2,3"], USAGE, "--scores")
case("counts--scores-word", BASE["counts"] + ["--ordered", "--scores", "a,b"], USAGE, "--scores")
case("counts--monte-carlo-zero", BASE["counts"] + ["--monte-carlo", "0"], USAGE, "--monte-carlo")
case("counts--monte-carlo-negative", BASE["counts"] + ["--monte-carlo", "-5"], USAGE, "--monte-carlo")
case("counts--monte-carlo-huge", BASE["counts"] + ["--monte-carlo", "100000000000"], USAGE, "--monte-carlo")
case("counts--monte-carlo-word", BASE["counts"] + ["--monte-carlo", "many"], USAGE, "--monte-carlo")
case("counts--seed-word", BASE["counts"] + ["--monte-carlo", "1000", "--seed", "abc"], USAGE, "--seed")
case("counts--work-limit-zero", BASE["counts"] + ["--work-limit", "0"], USAGE, "--work-limit")
case("counts--work-limit-word", BASE["counts"] + ["--work-limit", "lots"], USAGE, "--work-limit")
case("counts--groups-without-p-below", ["counts", "--groups", "1725,1240"], USAGE, "--")
case("counts--p-below-above-one", ["counts", "--groups", "1725,1240", "--categories", "2", "--p-below", "2"], USAGE, "--p-below")
case("counts--p-below-word", ["counts", "--groups", "1725,1240", "--categories", "2", "--p-below", "small"], USAGE, "--p-below")
case("counts--groups-negative", ["counts", "--groups", "-5,1240", "--categories", "2", "--p-below", "0.0001"], USAGE, "--groups")
case("counts--categories-one", ["counts", "--groups", "1725,1240", "--categories", "1", "--p-below", "0.0001"], USAGE, "--categories")
case("counts--table-and-groups", BASE["counts"] + ["--groups", "5,5"], USAGE, "--")
case("counts-nothing", ["counts"], USAGE, "--table")

# proportion.
for flag in ["--events", "--n"]:
    for name, v in {**{k: NOT_A_NUMBER[k] for k in ["empty", "word", "nan", "inf", "overflow", "hex", "long-digits"]},
                    "negative": "-1", "fraction": "2.5", "percent": "5%", "list": "1,2,3"}.items():
        case(f"proportion{flag}-{name}", with_flag("proportion", flag, v), USAGE, f"{flag}:")
case("proportion-events-above-n", ["proportion", "--events", "21", "--n", "20"], USAGE, "--events")
case("proportion-zero-of-zero", ["proportion", "--events", "0", "--n", "0"], USAGE, "--n")
case("proportion-method-unknown", with_flag("proportion", "--method", "bayes"), USAGE, "--method")
case("proportion-no-n", ["proportion", "--events", "8"], USAGE, "--n")

# dist: each distribution with a parameter out of its domain, and each function with a bad argument.
DISTS = {
    "normal": (["--mean", "0", "--sd", "1"], {"--sd": ["0", "-1", "nan", "1e-320"], "--mean": ["inf", "x"]}),
    "t": (["--df", "5"], {"--df": ["0", "-1", "nan", "x", "1e-320"]}),
    "chisq": (["--df", "3"], {"--df": ["0", "-3", "inf", "1e-320"]}),
    "f": (["--df1", "3", "--df2", "10"], {"--df1": ["0", "-1"], "--df2": ["0", "nan"]}),
    "beta": (["--shape1", "2", "--shape2", "3"], {"--shape1": ["0", "-1"], "--shape2": ["nan", "x"]}),
    "gamma": (["--shape", "2"], {"--shape": ["0", "-2", "inf"], "--scale": ["0", "-1"]}),
    "binomial": (["--size", "10", "--prob", "0.3"], {"--size": ["-1", "2.5", "x"], "--prob": ["1.5", "-0.1", "nan"]}),
    "noncentral-t": (["--df", "10", "--ncp", "1"], {"--df": ["0", "-1"], "--ncp": ["nan", "1e5", "inf"]}),
}
for d, (params, bad) in DISTS.items():
    for flag, values in bad.items():
        for v in values:
            args = ["dist", d] + params
            if flag in args:
                args[args.index(flag) + 1] = v
            else:
                args += [flag, v]
            case(f"dist-{d}{flag}-{v}", args + ["--cdf", "1"], USAGE, f"{flag}:")
    for fn, values in {"--cdf": ["x", "nan", ""], "--quantile": ["1.5", "-0.1", "x", "nan"],
                       "--isf": ["2", "x"], "--pdf": ["y"]}.items():
        for v in values:
            case(f"dist-{d}{fn}-{v or 'empty'}", ["dist", d] + params + [fn, v], USAGE, f"{fn}:")
case("dist-unknown", ["dist", "cauchy", "--cdf", "1"], USAGE, "cauchy")
case("dist-no-function", ["dist", "t", "--df", "5"], USAGE, "--")
case("dist-missing-parameter", ["dist", "t", "--cdf", "1"], USAGE, "--df")
case("dist-foreign-parameter", ["dist", "t", "--df", "5", "--shape1", "2", "--cdf", "1"], USAGE, "--shape1")

# certify.
case("certify-unknown-dataset", ["certify", "--datasets", "Nope"], USAGE, "--datasets")
case("certify-empty-datasets", ["certify", "--datasets", ""], USAGE, "--datasets")
case("certify-format-unknown", ["certify", "--format", "yaml"], USAGE, "--format")

# model: flags and data files.
MODEL_OK = "y,g,x\n1,a,0.5\n2,b,1.5\n3,a,2.0\n5,b,2.5\n4,a,3.5\n7,b,4.0\n"
model = lambda *extra: ["model", "--data", "{tmp}/m.csv", "--outcome", "y", "--arm", "g"] + list(extra)
case("model-outcome-unknown", ["model", "--data", "{tmp}/m.csv", "--outcome", "z", "--arm", "g"], USAGE, "--outcome",
     files={"m.csv": {"text": MODEL_OK}})
case("model-arm-unknown", ["model", "--data", "{tmp}/m.csv", "--outcome", "y", "--arm", "h"], USAGE, "--arm",
     files={"m.csv": {"text": MODEL_OK}})
case("model-covariate-unknown", model("--covariates", "w"), USAGE, "--covariates", files={"m.csv": {"text": MODEL_OK}})
case("model-covariate-is-outcome", model("--covariates", "y"), USAGE, "--covariates", files={"m.csv": {"text": MODEL_OK}})
case("model-covariate-is-arm", model("--covariates", "g"), USAGE, "--covariates", files={"m.csv": {"text": MODEL_OK}})
case("model-covariate-twice", model("--covariates", "x,x"), USAGE, "--covariates", files={"m.csv": {"text": MODEL_OK}})
case("model-family-unknown", model("--family", "poisson"), USAGE, "--family", files={"m.csv": {"text": MODEL_OK}})
case("model-level-bad", model("--conf-level", "1.5"), USAGE, "--conf-level", files={"m.csv": {"text": MODEL_OK}})
case("model-no-data", ["model", "--outcome", "y", "--arm", "g"], USAGE, "--data")
case("model-missing-file", model(), MISSING, "--data")
case("model-data-folder", model(), USAGE, "--data", files={"m.csv": {"dir": True}})
MODEL_BAD = {
    "empty": ("", "m.csv: the file is empty"),
    "not-a-number": ("y,g,x\n1,a,0.5\nx,b,1.5\n3,a,2\n5,b,2.5\n", "m.csv:3:1"),
    "covariate-not-a-number": ("y,g,x\n1,a,0.5\n2,b,one\n3,a,2\n5,b,2.5\n", "m.csv:3:5"),
    "ragged": ("y,g,x\n1,a,0.5\n2,b\n3,a,2\n5,b,2.5\n", "m.csv:3:"),
    "nul": ("y,g,x\n1,a,0\u0000\n", "m.csv:2:"),
    "unclosed-quote": ("y,g,x\n1,\"a,0.5\n2,b,1\n", "m.csv:2:3"),
    "duplicate-header": ("y,g,y\n1,a,0.5\n2,b,1.5\n3,a,2\n5,b,2.5\n", "m.csv:1:5"),
    "one-arm": ("y,g,x\n1,a,0.5\n2,a,1.5\n3,a,2\n5,a,2.5\n", "--arm"),
}
for name, (text, where) in MODEL_BAD.items():
    case(f"model-data-{name}", model("--covariates", "x"), DATA if where.startswith("m.csv") else USAGE, where,
         files={"m.csv": {"text": text}})
case("model-binomial-not-binary", model("--family", "binomial"), DATA, "m.csv:", files={"m.csv": {"text": MODEL_OK}})
case("model-invalid-utf8", model(), DATA, "m.csv:2:", files={"m.csv": {"hex": "792c670a31ff2c610a322c620a"}})
case("model-record-too-long", model(), DATA, "m.csv:1:1",
     files={"m.csv": {"repeat": "9", "times": 1_100_000, "prefix": "", "suffix": "\n"}})

# means --data: a CSV of arms, one per row.
MEANS_DATA = {
    "empty": ("", "a.csv"),
    "unknown-column": ("n,mean,sd,median\n10,1,1,1\n", "a.csv:1:11"),
    "no-mean-column": ("n,sd\n10,1\n", "a.csv:1:1"),
    "no-n-column": ("mean,sd\n1,1\n", "a.csv:1:1"),
    "bad-number": ("n,mean,sd\n10,1,x\n", "a.csv:2:6"),
    "negative-sd": ("n,mean,sd\n10,1,-1\n", "a.csv:2:6"),
    "zero-n": ("n,mean,sd\n0,1,1\n", "a.csv:2:1"),
    "fractional-n": ("n,mean,sd\n10.5,1,1\n", "a.csv:2:1"),
    "unclosed-quote": ("n,mean,sd\n10,\"1,1\n", "a.csv:2:4"),
    "text-after-quote": ("n,mean,sd\n10,\"1\"x,1\n", "a.csv:2:"),
    "nul": ("n,mean,sd\n10,1\u0000,1\n", "a.csv:2:5"),
    "suffixed-second-arm-missing-mean": ("n1,mean1,sd1,n2,sd2\n10,1,1,10,1\n", "a.csv:"),
    "overflow": ("n,mean,sd\n10,1e999,1\n", "a.csv:2:4"),
    "nan": ("n,mean,sd\n10,nan,1\n", "a.csv:2:4"),
    "duplicate-column": ("n,mean,sd,sd\n10,1,1,1\n", "a.csv:1:"),
}
for name, (text, where) in MEANS_DATA.items():
    # Without --strict every bad row gets its line and a last line counts them ("lines": "each").
    header_problem = where.startswith("a.csv:1:") or where == "a.csv"
    case(f"means-data-{name}", ["means", "--data", "{tmp}/a.csv"], DATA, where, files={"a.csv": {"text": text}},
         lines="one" if header_problem else "each")
    case(f"means-data-strict-{name}", ["means", "--data", "{tmp}/a.csv", "--strict"], DATA, where,
         files={"a.csv": {"text": text}})
case("means-data-invalid-utf8", ["means", "--data", "{tmp}/a.csv"], DATA, "a.csv:2:4", lines="each",
     files={"a.csv": {"hex": "6e2c6d65616e2c73640a31302c31ff2c310a"}})
case("means-data-record-too-long", ["means", "--data", "{tmp}/a.csv"], DATA, "a.csv:2:1", lines="each",
     files={"a.csv": {"repeat": "9", "times": 1_100_000, "prefix": "n,mean,sd\n10,", "suffix": ",1\n"}})
case("means-data-good-then-bad", ["means", "--data", "{tmp}/a.csv"], DATA, "a.csv:3:6", stdout="any", lines="each",
     files={"a.csv": {"text": "n,mean,sd\n10,1,1\n10,1,x\n"}})
case("means-data-missing", ["means", "--data", "{tmp}/none.csv"], MISSING, "--data")
case("means-data-folder", ["means", "--data", "{tmp}/d"], USAGE, "--data", files={"d": {"dir": True}})
case("means-data-stdin-nul", ["means", "--data", "-"], DATA, "<stdin>:1:1", stdin="\u0000\u0000\u0000")
case("means-data-stdin-empty", ["means", "--data", "-"], DATA, "<stdin>", stdin="")
case("means-data-stdin-binary", ["means", "--data", "-"], DATA, "<stdin>:1:", stdin="\u007fELF\u0002\u0001\u0001\u0000")

# report: a study folder with one of its files replaced by a malformed fixture (Tests/Fixtures/malformed),
# whose exact message TSStudiesTests/MalformedCorpusTests states; here the location is the scratch copy.
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
expect_src = open(os.path.join(root, "Tests/TSStudiesTests/MalformedCorpusTests.swift"), encoding="utf-8").read()
expectations = dict(re.findall(r'\("([a-z]+--[^"]+)", "((?:[^"\\]|\\.)*)"\)', expect_src))
STUDY_FOR = {"arms": "steffensen2011", "comparisons": "steffensen2011", "regimens": "steffensen2011",
             "study": "steffensen2011", "counts": "jiang2014"}
for fixture in sorted(expectations):
    kind = fixture.split("--")[0]
    message = expectations[fixture].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
    location_and_text = message.split(":", 1)[1]          # "LINE:COLUMN: text" (or ":..." for folders)
    if kind == "folder":
        inner = message.split("/", 1)[1]                  # "arms.csv:3:18: ..."
        files = {"s": {"copy": f"Tests/Fixtures/malformed/{fixture}"}}
        expect = [f"{{tmp}}/s/{inner}"]
        if fixture == "folder--81-missing-study":
            # Given to report, a folder without study.csv is a dataset folder, and this one holds no study.
            expect = ["{tmp}/s: holds no study folder"]
    elif kind == "reference":
        files = {"d/steffensen2011": {"copy": "Datasets/steffensen2011"},
                 "d/reference_intakes.csv": {"copy": f"Tests/Fixtures/malformed/{fixture}"}}
        expect = [f"reference_intakes.csv:{location_and_text}"]
    else:
        study = STUDY_FOR[kind]
        files = {"s": {"copy": f"Datasets/{study}"}, f"s/{kind}.csv": {"copy": f"Tests/Fixtures/malformed/{fixture}"}}
        expect = [f"{{tmp}}/s/{kind}.csv:{location_and_text}"]
    target = "{tmp}/d" if kind == "reference" else "{tmp}/s"
    case(f"report-{fixture.removesuffix('.csv')}", ["report", target, "--out", "{tmp}/out"], DATA, expect, files=files)

case("report-missing-input", ["report", "{tmp}/none", "--out", "{tmp}/out"], MISSING, "{tmp}/none")
case("report-out-is-input", ["report", "{tmp}/s", "--out", "{tmp}/s"], USAGE, "--out",
     files={"s": {"copy": "Datasets/steffensen2011"}})
case("report-out-inside-input", ["report", "{tmp}/s", "--out", "{tmp}/s/reports"], USAGE, "--out",
     files={"s": {"copy": "Datasets/steffensen2011"}})
case("report-out-holds-input", ["report", "{tmp}/d/s", "--out", "{tmp}/d"], USAGE, "--out",
     files={"d/s": {"copy": "Datasets/steffensen2011"}})
case("report-out-empty", ["report", "{tmp}/s", "--out", ""], USAGE, "--out",
     files={"s": {"copy": "Datasets/steffensen2011"}})
case("report-out-current-folder", ["report", "{tmp}/s", "--out", "."], USAGE, "--out",
     files={"s": {"copy": "Datasets/steffensen2011"}})
case("report-out-is-a-file", ["report", "{tmp}/s", "--out", "{tmp}/f"], USAGE, "--out",
     files={"s": {"copy": "Datasets/steffensen2011"}, "f": {"text": "not a folder\n"}})
case("report-format-unknown", ["report", "{tmp}/s", "--out", "{tmp}/out", "--format", "pdf"], USAGE, "--format",
     files={"s": {"copy": "Datasets/steffensen2011"}})
case("report-no-inputs", ["report", "--out", "{tmp}/out"], USAGE, "inputs")
case("report-study-nul", ["report", "{tmp}/s", "--out", "{tmp}/out"], DATA, "{tmp}/s/arms.csv:1:1",
     files={"s": {"copy": "Datasets/steffensen2011"}, "s/arms.csv": {"hex": "006f7574636f6d650a"}})
case("report-study-empty-folder", ["report", "{tmp}/s", "--out", "{tmp}/out"], DATA, "{tmp}/s",
     files={"s": {"dir": True}})

# The command line itself.
case("no-command-unknown", ["frobnicate"], USAGE, "frobnicate")
case("means-help-typo", ["means", "--hepl"], USAGE, "--hepl")

ids = [c["id"] for c in cases]
dup = sorted({i for i in ids if ids.count(i) > 1})
if dup:
    sys.exit(f"duplicate case ids: {dup}")
for c in cases:
    print(json.dumps(c, ensure_ascii=False, sort_keys=True))
print(f"{len(cases)} cases", file=sys.stderr)
