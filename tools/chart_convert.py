#!/usr/bin/env python3
"""Regenerates Kontor's full SKR03/SKR04 chart templates and their
statement-line ranges from Odoo 17.0's `l10n_de` data (LGPL-3.0; see
src/ledger/setup/templates/README.md for source, commit and licence).

Usage (from the repository root):

    python3 tools/chart_convert.py SKR03 ODOO_DIR
    python3 tools/chart_convert.py SKR04 ODOO_DIR

ODOO_DIR holds `account.account-de_skr0X.csv` and `account.tax-de_skr0X.csv`
from `addons/l10n_de/data/template/`. The script rewrites
`src/ledger/setup/templates/skr0X.txt` and
`src/ledger/statements/layouts/skr0X.txt` in place. It keeps from the
current files:

* the header comments and every `@`, `&` and `%` line (determination,
  payment settings, tax codes),
* every account already there, unchanged (number, kind, type, flags,
  parent, German and English name), and the title accounts,
* every statement range, so accounts of existing companies stay on the
  lines they stood on.

Accounts already there only gain the DATEV mark below. Accounts new to the
template take Odoo's German and English names (names over 120 characters
are shortened at a word boundary with "…"), the type of Odoo's account type
(class-9 carry-forward accounts are equity like 9000; a P&L type whose tag
is a balance-sheet line takes that line's type), the title of
their class and type (new titles are created where a class mixes types),
and the flag `AM` (DATEV automatic account with output VAT) or `AV` (with
input VAT) where Odoo gives the account a default sale or purchase tax.
The ranges file gets, per new account whose current range is missing or on
the other statement, a single-number range on the line of its Odoo tag, or
the default line of its type; runs of equal lines are merged.
"""
import csv
import os
import sys

MAX_NAME = 120

# German names missing in the source, from the DATEV account names.
GERMAN_FIXES = {
    ("SKR03", "4810"): "Mietleasing bewegliche Wirtschaftsgüter für technische Anlagen und Maschinen",
    ("SKR04", "3517"): "Verbindlichkeiten gegenüber Gesellschaftern - Restlaufzeit größer 5 Jahre",
    ("SKR04", "4970"): "Versicherungsentschädigungen und Schadenersatzleistungen",
}
# English names cut off in the source.
ENGLISH_FIXES = {
    ("SKR03", "2430"): "Bad debt allowances (if unusually high)",
}
# Odoo's own clearing accounts and unnamed technical accounts: not SKR.
SKIP = {"1205", "3301", "9991", "9994"}

# Titles created where a class holds a type that has no title yet:
# (class digit, type) -> (number, name_de, name_en).
NEW_TITLES = {
    "SKR03": {
        ("0", "E"): ("08", None, None),
        ("0", "L"): ("06", None, None),
        ("0", "R"): ("0R", "Klasse 0: Erträge", "Class 0: income"),
        ("0", "X"): ("0X", "Klasse 0: Aufwendungen", "Class 0: expenses"),
        ("1", "E"): ("18", None, None),
        ("1", "L"): ("16", None, None),
        ("1", "R"): ("1R", "Klasse 1: Erträge", "Class 1: income"),
        ("1", "X"): ("1X", "Klasse 1: Aufwendungen", "Class 1: expenses"),
        ("2", "A"): ("2A", "Klasse 2: Vermögen", "Class 2: assets"),
        ("2", "L"): ("2L", "Klasse 2: Verbindlichkeiten", "Class 2: liabilities"),
        ("3", "A"): ("3A", "Wareneingang: Bestände", "Purchases: inventories"),
        ("3", "R"): ("3R", "Wareneingang: Erträge", "Purchases: income"),
        ("4", "R"): ("4R", "Betriebliche Erträge (Klasse 4)", "Operating income (class 4)"),
        ("7", "A"): ("7", "Bestände an Erzeugnissen", "Inventories of products"),
        ("7", "X"): ("7X", "Bestandsveränderungen (Klasse 7)", "Changes in inventories (class 7)"),
        ("7", "R"): ("7R", "Bestandsveränderungen: Erträge (Klasse 7)", "Changes in inventories: income (class 7)"),
        ("8", "X"): ("8X", "Erlösschmälerungen und Aufwendungen (Klasse 8)", "Revenue deductions and expenses (class 8)"),
        ("9", "A"): ("9A", "Klasse 9: Vermögen", "Class 9: assets"),
    },
    "SKR04": {
        ("1", "L"): ("1L", "Klasse 1: Verbindlichkeiten", "Class 1: liabilities"),
        ("1", "X"): ("1X", "Klasse 1: Aufwendungen", "Class 1: expenses"),
        ("1", "E"): ("1E", "Klasse 1: Eigenkapital", "Class 1: equity"),
        ("2", "A"): ("2A", "Klasse 2: Vermögen", "Class 2: assets"),
        ("2", "L"): ("2L", "Klasse 2: Verbindlichkeiten", "Class 2: liabilities"),
        ("3", "A"): ("3A", "Klasse 3: Vermögen", "Class 3: assets"),
        ("3", "E"): ("3E", "Klasse 3: Eigenkapital", "Class 3: equity"),
        ("4", "X"): ("4X", "Erlösschmälerungen und Aufwendungen (Klasse 4)", "Revenue deductions and expenses (class 4)"),
        ("5", "R"): ("5R", "Materialaufwand: Erträge", "Cost of materials: income"),
        ("6", "R"): ("6R", "Betriebliche Aufwendungen: Erträge", "Operating expenses: income"),
        ("7", "R"): ("71", None, None),
        ("7", "X"): ("73", None, None),
        ("0", "E"): ("0E", "Klasse 0: Eigenkapital", "Class 0: equity"),
        ("0", "L"): ("0L", "Klasse 0: Verbindlichkeiten", "Class 0: liabilities"),
        ("9", "A"): ("9A", "Klasse 9: Vermögen", "Class 9: assets"),
    },
}

BS_ASSET = {"A_I": "A.A.I", "A_II": "A.A.II", "A_III": "A.A.III", "B_I": "A.B.I",
            "B_II": "A.B.II", "B_III": "A.B.III", "B_IV": "A.B.IV", "C": "A.C"}
BS_LIAB = {"A_I": "P.A.I", "A_II": "P.A.II", "A_III": "P.A.III", "A_IV": "P.A.IV",
           "B": "P.B", "C": "P.C", "D": "P.D"}
DEFAULT_LINE = {"A": "A.B.II", "L": "P.C", "E": "P.A.I", "R": "GuV.4", "X": "GuV.8"}


def tag_line(tags):
    """Our statement line for an Odoo tag list, or None."""
    for tag in tags.split(","):
        tag = tag.strip().removeprefix("l10n_de.tag_de_")
        if tag.startswith("asset_bs_"):
            rest = tag.removeprefix("asset_bs_")
            for key in sorted(BS_ASSET, key=len, reverse=True):
                if rest == key or rest.startswith(key + "_"):
                    return BS_ASSET[key]
        if tag.startswith("liabilities_bs_"):
            rest = tag.removeprefix("liabilities_bs_")
            for key in sorted(BS_LIAB, key=len, reverse=True):
                if rest == key or rest.startswith(key + "_"):
                    return BS_LIAB[key]
        if tag.startswith("pl_"):
            n = int(tag.removeprefix("pl_").split("_")[0])
            return "GuV.16" if n == 15 else f"GuV.{n}"
    return None


def statement(line):
    return "PL" if line.startswith("GuV") else "BS"


def type_of(row, line):
    """Odoo's account type decides, except: class 9 is equity (carry-forward
    and statistical accounts, like 9000), and a P&L type on an account whose
    tag is a balance-sheet line takes the type of that line."""
    odoo = row["account_type"]
    if row["code"].startswith("9"):
        return "E"
    t = ("A" if odoo.startswith("asset") else "L" if odoo.startswith("liability")
         else "E" if odoo.startswith("equity") else "R" if odoo.startswith("income") else "X")
    if t in "RX" and line is not None and statement(line) == "BS":
        return "A" if line.startswith("A.") else "E" if line.startswith("P.A") else "L"
    return t


def shorten(name):
    name = " ".join(name.replace(";", ",").split())
    if name.startswith("0 "):
        name = name[2:]
    if len(name) <= MAX_NAME:
        return name
    cut = name[: MAX_NAME - 1]
    cut = cut[: cut.rfind(" ")].rstrip(",;:(-– ")
    return cut + "…"


def read_template(path):
    head, settings, accounts, tail = [], [], [], []
    seen_account = False
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if line and line[0].isalnum():
            seen_account = True
            accounts.append(line.split(";"))
        elif line.startswith(("@", "&")):
            settings.append(line)
        elif not seen_account:
            head.append(line)
        else:
            tail.append(line)
    return head, settings, accounts, tail


def read_ranges(path):
    head, ranges = [], []
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line or line.startswith("#"):
            head.append(line)
            continue
        span, key = line.split(";")
        a, b = span.split("-")
        ranges.append((a, b, key))
    return head, ranges


def main():
    chart, odoo_dir = sys.argv[1], sys.argv[2]
    low = chart.lower()
    tpl_path = f"src/ledger/setup/templates/{low}.txt"
    lay_path = f"src/ledger/statements/layouts/{low}.txt"
    rows = list(csv.DictReader(open(os.path.join(odoo_dir, f"account.account-de_{low}.csv"), encoding="utf-8")))
    taxes = {}
    for t in csv.DictReader(open(os.path.join(odoo_dir, f"account.tax-de_{low}.csv"), encoding="utf-8")):
        if t["id"]:
            taxes[t["id"]] = t["type_tax_use"]

    head, settings, old, tail = read_template(tpl_path)
    old_by_no = {f[0]: f for f in old}
    titles = {f[0]: f for f in old if f[1] == "T"}
    lay_head, ranges = read_ranges(lay_path)

    def old_line(no):
        for a, b, key in ranges:
            if len(a) == len(no) and a <= no <= b:
                return key
        return None

    new_accounts = []
    line_of = {}
    stats = {"kept": 0, "new": 0, "AM": 0, "AV": 0, "tag_vs_range": 0, "shortened": 0}
    for row in rows:
        no = row["code"]
        if no in SKIP:
            continue
        tax_ids = [x for x in row.get("tax_ids", "").split(",") if x]
        uses = {taxes.get(x) for x in tax_ids}
        flags = "AM" if "sale" in uses else "AV" if "purchase" in uses else "-"
        if flags != "-":
            stats[flags] += 1
        if no in old_by_no:
            stats["kept"] += 1
            if old_by_no[no][3] == "-":
                old_by_no[no][3] = flags
            continue
        de = GERMAN_FIXES.get((chart, no), row["name@de"]).strip()
        en = ENGLISH_FIXES.get((chart, no), row["name"]).strip()
        if not de:
            raise SystemExit(f"{chart} {no}: no German name")
        tagged = tag_line(row["tag_ids"])
        t = type_of(row, tagged)
        want_stmt = "PL" if t in "RX" else "BS"
        current = old_line(no)
        if tagged and statement(tagged) == want_stmt:
            line = tagged
            if current and current != tagged and statement(current) == want_stmt:
                stats["tag_vs_range"] += 1
                line = current  # the hand-made range wins where both fit
        elif current and statement(current) == want_stmt:
            line = current
        else:
            line = DEFAULT_LINE[t]
        line_of[no] = line
        sde, sen = shorten(de), shorten(en)
        stats["shortened"] += (sde != " ".join(de.split())) + (sen != " ".join(en.split()))
        new_accounts.append([no, "P", t, flags, None, sde, sen])
        stats["new"] += 1

    # Titles: the same-type title with the longest prefix of the number,
    # else the class's title of that type (created where missing).
    created = {}
    def title_for(no, t):
        best = None
        for tno, f in titles.items():
            if f[2] == t and no.startswith(tno) and (best is None or len(tno) > len(best)):
                best = tno
        if best:
            return best
        same_class = sorted(n for n, f in titles.items() if f[2] == t and n[0] == no[0] and n.isdigit())
        if same_class:
            return same_class[0]
        key = (no[0], t)
        spec = NEW_TITLES[chart].get(key)
        if spec is None:
            raise SystemExit(f"{chart} {no}: no title for class {no[0]} type {t}")
        tno, de, en = spec
        if tno in titles:
            if titles[tno][2] != t:
                raise SystemExit(f"{chart} title {tno} has type {titles[tno][2]}, not {t}")
            return tno
        f = [tno, "T", t, "-", "", de, en]
        titles[tno] = f
        created[tno] = f
        return tno

    for f in new_accounts:
        f[4] = title_for(f[0], f[2])

    everything = [f for f in old] + list(created.values()) + new_accounts
    # File order: titles before their children; otherwise by number.
    def sort_key(f):
        return (f[1] != "T", f[0])
    everything.sort(key=sort_key)

    with open(tpl_path, "w", encoding="utf-8") as out:
        for line in head:
            out.write(line + "\n")
        for line in settings:
            out.write(line + "\n")
        for f in everything:
            out.write(";".join(f) + "\n")
        for line in tail:
            out.write(line + "\n")

    # Ranges: every 4-digit number on its current line, the new accounts
    # on theirs, merged into runs.
    def key_at(no):
        return line_of.get(no) or old_line(no)
    # Every old postable account keeps its line (asserted).
    for f in old:
        if f[1] == "P":
            assert key_at(f[0]) == old_line(f[0])
    out_ranges = []
    other = [r for r in ranges if len(r[0]) != 4]
    start, prev_key = None, None
    for n in range(10000):
        no = f"{n:04d}"
        key = key_at(no)
        if key != prev_key:
            if prev_key is not None:
                out_ranges.append((start, f"{n - 1:04d}", prev_key))
            start, prev_key = no, key
    if prev_key is not None:
        out_ranges.append((start, "9999", prev_key))
    with open(lay_path, "w", encoding="utf-8") as out:
        for line in lay_head:
            out.write(line + "\n")
        for a, b, key in out_ranges + other:
            out.write(f"{a}-{b};{key}\n")
    print(chart, stats, "titles created:", sorted(created), "ranges:", len(ranges), "->", len(out_ranges) + len(other), file=sys.stderr)


if __name__ == "__main__":
    main()
