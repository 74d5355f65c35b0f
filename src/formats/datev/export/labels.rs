//! Kontenbeschriftungen (category 20): the German name of every G/L
//! account the Buchungsstapel names, so the advisor's DATEV shows our
//! names for them (≤ 40 characters are written), language "de-DE".

use super::buchungsstapel::master_header;
use super::columns::{Layout, Value, write_row};
use super::text::Out;
use super::{ExportRequest, Place};
use crate::formats::datev::header::Category;
use crate::ledger::Book;
use crate::ledger::gl::DatevSettings;
use crate::ledger::types::AccountNo;
use chrono::NaiveDate;
use std::collections::BTreeSet;

pub(super) fn write(
    book: &Book,
    request: &ExportRequest,
    settings: &DatevSettings,
    year_start: NaiveDate,
    accounts: &BTreeSet<AccountNo>,
) -> Out {
    let mut out = Out::default();
    master_header(
        &mut out,
        book,
        request,
        settings,
        year_start,
        Category::AccountLabels,
    );
    let layout = Layout::labels();
    layout.write_titles(&mut out);
    let (konto, label, language) = (
        layout.col("Konto"),
        layout.col("Kontenbeschriftung"),
        layout.col("Sprach-ID"),
    );
    let end = layout.titles.len();
    let tail = layout.empty_tail(end);
    for number in accounts {
        let Some(account) = book.account(*number) else {
            continue;
        };
        let name = if account.name_de.trim().is_empty() {
            &account.name_en
        } else {
            &account.name_de
        };
        let mut fields = vec![
            (konto, Value::Num(number.as_str().to_string())),
            (label, Value::Text(name, 40)),
            (language, Value::Text("de-DE", 5)),
        ];
        fields.sort_by_key(|(c, _)| *c);
        write_row(
            &mut out,
            &layout,
            &fields,
            end,
            &tail,
            &Place::Account(*number),
        );
    }
    out
}
