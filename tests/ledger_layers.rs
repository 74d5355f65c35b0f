//! The engine's import direction (ARCHITECTURE.md, "Layers of the
//! engine"): every unit of `src/ledger/` (a folder or a file directly
//! under it) has a rank, and may import only units of a lower rank. The
//! leaf `types` imports nothing of the engine; sub-ledgers of one rank
//! never import each other; nothing imports `book` but `report` and the
//! edges. This reads the `crate::ledger::…` paths of every engine file
//! (test modules aside) and fails on any import against the direction,
//! which also rules out every cycle.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Unit → rank. Lower ranks are imported by higher ones, never the
/// reverse.
const RANKS: &[(&str, u8)] = &[
    ("types", 0),
    ("chain", 0),
    ("gl", 1),
    ("tax", 2),
    ("costing", 2),
    ("partners", 2),
    ("journal", 3),
    ("open_items", 3),
    ("items", 3),
    ("statements", 3),
    ("posting", 4),
    ("payments", 5),
    ("dunning", 5),
    ("recurring", 5),
    ("closing", 5),
    ("inbox", 5),
    ("bank", 6),
    ("payment_runs", 7),
    ("event", 8),
    ("error", 8),
    ("command", 9),
    ("setup", 9),
    ("book", 10),
    ("report", 11),
    ("sample", 12),
];

fn rank(unit: &str) -> Option<u8> {
    RANKS.iter().find(|(u, _)| *u == unit).map(|(_, r)| *r)
}

/// The unit a path below `src/ledger/` belongs to (`None` for `mod.rs`).
fn unit_of(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    let unit = first.trim_end_matches(".rs");
    (unit != "mod").then(|| unit.to_string())
}

/// The engine units a source text imports (`crate::ledger::X`), test
/// modules cut off.
fn imports(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    code.match_indices("crate::ledger::")
        .filter_map(|(at, needle)| {
            let rest = &code[at + needle.len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

/// Every import against the direction: `(file, from unit, to unit)`.
fn violations(files: &[(PathBuf, String)]) -> Vec<(PathBuf, String, String)> {
    let mut found = Vec::new();
    for (path, source) in files {
        let Some(from) = unit_of(path) else { continue };
        let Some(from_rank) = rank(&from) else {
            found.push((path.clone(), from.clone(), "<unit without a rank>".into()));
            continue;
        };
        for to in imports(source) {
            if to == from || rank(&to).is_none() {
                continue;
            }
            if rank(&to).is_some_and(|r| r >= from_rank) {
                found.push((path.clone(), from.clone(), to));
            }
        }
    }
    found
}

fn engine_files() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ledger");
    let mut files = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                files.push((path.strip_prefix(&root).unwrap().to_path_buf(), source));
            }
        }
    }
    files
}

#[test]
fn engine_imports_point_only_down_the_layers() {
    let files = engine_files();
    let units: BTreeMap<String, usize> =
        files
            .iter()
            .filter_map(|(p, _)| unit_of(p))
            .fold(BTreeMap::new(), |mut m, u| {
                *m.entry(u).or_default() += 1;
                m
            });
    for unit in units.keys() {
        assert!(rank(unit).is_some(), "unit {unit} has no rank in RANKS");
    }
    assert!(units.len() >= 14, "units found: {units:?}");
    let bad = violations(&files);
    assert!(bad.is_empty(), "imports against the direction: {bad:#?}");
}

#[test]
fn the_checker_catches_a_back_import() {
    // A deliberately added back-import: the GL naming the journal.
    let files = vec![
        (
            PathBuf::from("gl/mod.rs"),
            "use crate::ledger::journal::Journal;\nuse crate::ledger::types::AccountNo;".into(),
        ),
        (
            PathBuf::from("tax/mod.rs"),
            "use crate::ledger::costing::Costing;".into(),
        ),
        (
            PathBuf::from("types/ids.rs"),
            "#[cfg(test)]\nmod t { use crate::ledger::book::Book; }".into(),
        ),
    ];
    let bad = violations(&files);
    assert_eq!(
        bad.iter()
            .map(|(_, from, to)| (from.as_str(), to.as_str()))
            .collect::<Vec<_>>(),
        vec![("gl", "journal"), ("tax", "costing")]
    );
}
