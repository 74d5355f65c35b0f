//! `kontor-cli changes FILE`: the change log (Änderungsprotokoll) of an
//! unencrypted backup, after the checks of `verify`, as JSON lines, so an
//! auditor can read who changed which master record without the app.

use crate::cli::{CliError, io};
use kontor::ledger::book::change_log::{Action, Change, change_log};
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn changes(args: &[String]) -> Result<(), CliError> {
    let file = match args {
        [file] if !file.starts_with("--") => PathBuf::from(file),
        _ => return Err(CliError::Usage("changes takes one FILE".into())),
    };
    let bytes = std::fs::read(&file).map_err(io(&file))?;
    let (_, records) = crate::verify::checked_records(&file, &bytes, None)?;
    let log = change_log(&records).map_err(|source| CliError::ChangeLog {
        path: file.clone(),
        source,
    })?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for change in &log {
        writeln!(out, "{}", line(change)).map_err(io(Path::new("stdout")))?;
    }
    Ok(())
}

fn line(c: &Change) -> serde_json::Value {
    let action = match c.action {
        Action::Created => "created",
        Action::Changed => "changed",
        Action::Deleted => "deleted",
    };
    let fields: Vec<_> = c
        .fields
        .iter()
        .map(|f| json!({"field": f.field, "old": f.old, "new": f.new}))
        .collect();
    json!({
        "position": c.position,
        "kind": format!("{:?}", c.kind),
        "record": c.record,
        "action": action,
        "by": c.by,
        "at": c.at.map(|t| t.to_string()),
        "fields": fields,
    })
}
