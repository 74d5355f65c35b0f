//! The UI's one layering rule (ARCHITECTURE.md, "ui/"): a page never
//! imports another page. What two pages share lives in `ui/components/`
//! (or `errors`, `i18n`, `state`), so each screen can change, move or go
//! without dragging another along.
//!
//! A page is a module directly under `src/ui/pages/`, or directly under one
//! of its groups (`admin/`, `financials/`, `master_data/`, `reports/`); a page may be a
//! folder whose files are all that page. This reads every page file (test
//! modules and comments aside), resolves each `super::…` and
//! `crate::ui::pages::…` path to the module it names, and fails when that
//! module lies outside the file's own page: another page, a group's
//! `mod.rs` or `pages/mod.rs` (which only declare and re-export pages).

use std::path::{Path, PathBuf};

/// Folders under `pages/` that group pages by module; their `mod.rs`
/// declares the pages and is no page itself.
const GROUPS: &[&str] = &["admin", "banking", "financials", "master_data", "reports"];

/// The module path of a file below `src/ui/pages/`:
/// `admin/company.rs` → `[admin, company]`, `admin/mod.rs` → `[admin]`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .components()
        .filter_map(|c| c.as_os_str().to_str())
        .map(|s| s.trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The page a module belongs to; a group or the pages root is no page
/// and stands for itself.
fn page_of(module: &[String]) -> Vec<String> {
    let depth = match module.first() {
        Some(first) if GROUPS.contains(&first.as_str()) => 2,
        Some(_) => 1,
        None => 0,
    };
    module[..module.len().min(depth)].to_vec()
}

fn is_page(module: &[String]) -> bool {
    let page = page_of(module);
    match page.first() {
        Some(first) if GROUPS.contains(&first.as_str()) => page.len() == 2,
        Some(_) => true,
        None => false,
    }
}

/// The code of a file without line comments and test modules.
fn code_of(source: &str) -> String {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident_at(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// Every module below `pages/` that `code`, written in module `from`,
/// names through `super::` or `crate::ui::pages::` (as far as the path's
/// segments go: `super::{A, b}` names the parent itself).
fn named_modules(from: &[String], code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::ui::pages") {
        let rest = &code[at + "crate::ui::pages".len()..];
        found.push(follow(Vec::new(), rest));
    }
    let bytes = code.as_bytes();
    for (at, _) in code.match_indices("super::") {
        // Only the first `super` of a run starts a path.
        if at >= 2 && &code[at - 2..at] == "::" {
            continue;
        }
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let mut base = from.to_vec();
        let mut rest = &code[at..];
        while let Some(r) = rest.strip_prefix("super::") {
            base.pop();
            rest = r;
        }
        found.push(follow(base, &format!("::{rest}")));
    }
    found
}

/// Appends the `::segment`s at the start of `rest` to `base`.
fn follow(mut base: Vec<String>, mut rest: &str) -> Vec<String> {
    while let Some(r) = rest.strip_prefix("::") {
        let name = ident_at(r);
        if name.is_empty() {
            break;
        }
        rest = &r[name.len()..];
        base.push(name);
    }
    base
}

/// Every import of a page by another page: `(file, the module it names)`.
fn violations(files: &[(PathBuf, String)]) -> Vec<(PathBuf, String)> {
    let mut bad = Vec::new();
    for (path, source) in files {
        let from = module_of(path);
        if !is_page(&from) {
            continue;
        }
        let own = page_of(&from);
        for target in named_modules(&from, &code_of(source)) {
            if page_of(&target) != own {
                bad.push((path.clone(), target.join("::")));
            }
        }
    }
    bad
}

fn page_files() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/pages");
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
fn no_page_imports_another_page() {
    let files = page_files();
    let pages = files.iter().filter(|(p, _)| is_page(&module_of(p))).count();
    assert!(pages >= 15, "page files found: {pages}");
    let bad = violations(&files);
    assert!(bad.is_empty(), "pages importing other pages: {bad:#?}");
}

#[test]
fn the_checker_catches_a_page_importing_a_page() {
    let files = vec![
        // A sibling page through `super::`.
        (
            PathBuf::from("financials/entry/mod.rs"),
            "use super::vouchers::OPEN_VOUCHER_KEY;\nuse crate::ui::components::today;".into(),
        ),
        // A page in another group, by its full path.
        (
            PathBuf::from("admin/company.rs"),
            "use crate::ui::pages::admin::setup::CountryPicker;".into(),
        ),
        // Something kept in a group's mod.rs.
        (
            PathBuf::from("admin/periods.rs"),
            "use super::{AdminFrame, say};".into(),
        ),
        // An inline path, two levels up.
        (
            PathBuf::from("reports/vat/picker.rs"),
            "let x = super::super::trial_balance::lc_of(book);".into(),
        ),
        // Allowed: the page's own files, comments, tests, group mod.rs.
        (
            PathBuf::from("financials/entry/grid.rs"),
            "use super::T;\n// see super::super::vouchers\n#[cfg(test)]\nmod t { use super::super::journal; }".into(),
        ),
        (
            PathBuf::from("admin/mod.rs"),
            "mod company;\npub use company::CompanyDetailsPage;".into(),
        ),
        (PathBuf::from("start/mod.rs"), "mod demo;\nuse demo::x;".into()),
        (PathBuf::from("start/demo.rs"), "use super::T;".into()),
    ];
    let bad = violations(&files);
    assert_eq!(
        bad.iter()
            .map(|(p, to)| (p.to_str().unwrap(), to.as_str()))
            .collect::<Vec<_>>(),
        vec![
            (
                "financials/entry/mod.rs",
                "financials::vouchers::OPEN_VOUCHER_KEY"
            ),
            ("admin/company.rs", "admin::setup::CountryPicker"),
            ("admin/periods.rs", "admin"),
            ("reports/vat/picker.rs", "reports::trial_balance::lc_of"),
        ]
    );
}
