//! The demo company's data-entry rules (issue 18): set last, so the
//! generated entries never meet them, and in warning mode, so a trainee
//! sees a rule ask without being stopped: a reference on every typed
//! entry, and the cash box (SKR03 1000, SKR04 1600) never below zero.
//! The date window is filled in (a year back, 60 days ahead) but off:
//! the demo's books are last year's, and a class posts into them.
//! Before the rules, four numbering series (outgoing and incoming
//! invoices, cash, journal), so the entry screen offers them; the demo's
//! own entries keep their references, so every series starts unused.
//! With the rules, display decimals as SAP Business One ships them: rates
//! with at least four, quantities with two.

use super::DemoError;
use crate::ledger::gl::{
    ChartTemplate, DisplayDecimals, DocumentKind, EntryRules, GlCommand, NumberSeries, RuleMode,
};
use crate::ledger::types::{AccountNo, Timestamp};
use crate::ledger::{Book, Command, DomainError, Event};

pub fn rules_events(
    book: &mut Book,
    chart: ChartTemplate,
    year: i32,
) -> Result<Vec<Event>, DemoError> {
    let cash = match chart {
        ChartTemplate::Skr03 => "1000",
        ChartTemplate::Skr04 => "1600",
        ChartTemplate::Generic => return Err(DemoError::UnsupportedChart { chart }),
    };
    let cash = AccountNo::parse(cash).map_err(DomainError::from)?;
    let rules = EntryRules {
        days_back: Some(366),
        days_ahead: Some(60),
        date_window: RuleMode::Off,
        reference: RuleMode::Warn,
        document_date: RuleMode::Off,
        cash_accounts: vec![cash],
        cash_negative: RuleMode::Warn,
    };
    let at = chrono::NaiveDate::from_ymd_opt(year, 1, 2)
        .and_then(|d| Timestamp::at(d, 8, 5, 0))
        .ok_or(DemoError::YearOutOfRange { year })?;
    let cmd = Command::Gl(GlCommand::SetEntryRules {
        rules,
        by: "demo".into(),
        at,
    });
    let mut events = book.execute(&cmd)?;
    let cmd = Command::Gl(GlCommand::SetDisplayDecimals {
        decimals: DEMO_DISPLAY,
        by: "demo".into(),
        at,
    });
    events.extend(book.execute(&cmd)?);
    Ok(events)
}

/// Rates with at least four decimals, quantities with two.
pub const DEMO_DISPLAY: DisplayDecimals = DisplayDecimals {
    rates: 4,
    quantities: 2,
};

/// The demo's numbering series: (code, name, kind, prefix, width).
const SERIES: [(&str, &str, DocumentKind, &str, u8); 4] = [
    (
        "AR",
        "Ausgangsrechnungen",
        DocumentKind::OutgoingInvoice,
        "AR-",
        5,
    ),
    (
        "ER",
        "Eingangsrechnungen",
        DocumentKind::IncomingInvoice,
        "ER-",
        5,
    ),
    ("KA", "Kassenbelege", DocumentKind::Cash, "KA-", 4),
    ("UB", "Umbuchungen", DocumentKind::General, "UB-", 4),
];

pub fn series_events(book: &mut Book, year: i32) -> Result<Vec<Event>, DemoError> {
    let series = SERIES
        .iter()
        .map(|&(code, name, kind, prefix, width)| NumberSeries {
            code: code.into(),
            name: name.into(),
            kind,
            prefix: prefix.into(),
            with_year: true,
            width,
            start: 1,
        })
        .collect();
    let at = chrono::NaiveDate::from_ymd_opt(year, 1, 2)
        .and_then(|d| Timestamp::at(d, 8, 4, 0))
        .ok_or(DemoError::YearOutOfRange { year })?;
    let cmd = Command::Gl(GlCommand::SetNumberSeries {
        series,
        by: "demo".into(),
        at,
    });
    Ok(book.execute(&cmd)?)
}
