//! Sentences for a refused GoBD export (`formats::gobd::GobdError`).
//! Exhaustive, so a new refusal does not compile until it has its two
//! sentences.

use super::pick;
use crate::formats::gobd::GobdError;
use crate::ui::i18n::Lang;

pub fn gobd_error(e: &GobdError, lang: Lang) -> String {
    let date = |d: &chrono::NaiveDate| match lang {
        Lang::De => d.format("%d.%m.%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    };
    match e {
        GobdError::EmptyRange { from, to } => pick(
            lang,
            format!(
                "Der Zeitraum endet ({}) vor seinem Beginn ({}).",
                date(to),
                date(from)
            ),
            format!(
                "The range ends ({}) before it starts ({}).",
                date(to),
                date(from)
            ),
        ),
        GobdError::LogMismatch { postings, entries } => pick(
            lang,
            format!(
                "Das gelesene Protokoll enthält {postings} Buchungen, die Bücher {entries}; bitte die Seite neu laden und erneut exportieren."
            ),
            format!(
                "The log read holds {postings} postings, the books {entries}; reload the page and export again."
            ),
        ),
        GobdError::BooksChanged => pick(
            lang,
            "Während des Exports wurde gebucht; bitte erneut exportieren, damit der Export einen festen Stand zeigt.".into(),
            "Something was posted during the export; export again so that it shows one fixed state of the books.".into(),
        ),
        GobdError::Zip { detail } => pick(
            lang,
            format!("Die ZIP-Datei konnte nicht geschrieben werden: {detail}"),
            format!("The ZIP file could not be written: {detail}"),
        ),
    }
}
