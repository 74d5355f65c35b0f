//! The ledger's fingerprint (`KONTOR_BOOK_FINGERPRINT`): a hash of the code
//! that shapes and folds a Book. A snapshot of a folded Book
//! (`ledger::book::snapshot`) is read back only by the very code that wrote
//! it; any change to the ledger, its dependencies or the compiler makes old
//! snapshots stale, and they are rebuilt from the log.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

const INPUTS: [&str; 3] = ["src/ledger", "src/finance", "Cargo.lock"];

fn main() {
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        collect(Path::new(input), &mut files);
    }
    files.sort();
    // DefaultHasher's keys are fixed, so the hash is stable for one
    // compiler; a new compiler may change it, which only rebuilds snapshots.
    let mut hasher = DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    for file in &files {
        file.hash(&mut hasher);
        std::fs::read(file)
            .unwrap_or_else(|e| panic!("build: cannot read {}: {e}", file.display()))
            .hash(&mut hasher);
    }
    println!(
        "cargo:rustc-env=KONTOR_BOOK_FINGERPRINT={:016x}",
        hasher.finish()
    );
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_file() {
        files.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    for entry in entries.flatten() {
        collect(&entry.path(), files);
    }
}
