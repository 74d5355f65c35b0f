//! The original of an incoming invoice kept with its entry (issue 19,
//! part F; GoBD): file name, media type, size, SHA-256 and a download of
//! the unaltered bytes. Shown on the entry detail; nothing when the entry
//! has no kept original.

use leptos::prelude::*;

use crate::ledger::types::EntryId;
use crate::texts;
use crate::ui::components::download;
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Originalbeleg (E-Rechnung)", "Original document (e-invoice)";
        Name => "Datei", "File";
        Kind => "Art", "Type";
        Size => "Größe", "Size";
        Invoice => "Rechnungsnummer", "Invoice number";
        Hash => "SHA-256", "SHA-256";
        Note => "Unverändert aufbewahrt wie empfangen (GoBD); die Prüfsumme belegt, dass die Datei nicht verändert wurde.", "Kept unaltered as received (GoBD); the checksum shows the file was not changed.";
        Download => "Original herunterladen", "Download original";
        Bytes => "Bytes", "bytes";
    }
}

/// A byte count with thousands separators in the UI language.
pub fn fmt_bytes(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = if lang == Lang::De { '.' } else { ',' };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

#[component]
pub fn OriginalDocument(entry: EntryId) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let doc = Memo::new(move |_| {
        app.with_book(|b| b.inbox().document(entry).cloned())
            .flatten()
    });
    let error = RwSignal::new(None::<String>);
    move || {
        doc.get().map(|d| {
            let size = d.bytes.len();
            let (name, media) = (d.name.clone(), d.media_type.clone());
            let bytes = d.bytes.clone();
            let save = move |_| {
                error.set(download(&bytes, &name, &media).err());
            };
            view! {
                <section class="original-document" data-testid="original-document">
                    <h2>{move || i18n.t(T::Title)}</h2>
                    <dl class="entry-head">
                        <div><dt>{move || i18n.t(T::Name)}</dt><dd data-testid="original-name">{d.name.clone()}</dd></div>
                        <div><dt>{move || i18n.t(T::Kind)}</dt><dd>{d.media_type.clone()}</dd></div>
                        <div><dt>{move || i18n.t(T::Size)}</dt><dd data-testid="original-size">{move || format!("{} {}", fmt_bytes(size, i18n.lang()), i18n.t(T::Bytes))}</dd></div>
                        <div><dt>{move || i18n.t(T::Invoice)}</dt><dd>{d.invoice_number.clone()}</dd></div>
                        <div class="wide"><dt>{move || i18n.t(T::Hash)}</dt><dd class="hash" data-testid="original-sha256">{d.sha256.clone()}</dd></div>
                    </dl>
                    <p class="hint">{move || i18n.t(T::Note)}</p>
                    <button type="button" class="button" data-testid="original-download" on:click=save>
                        {move || i18n.t(T::Download)}
                    </button>
                    {move || error.get().map(|e| view! { <div class="error-box" role="alert">{e}</div> })}
                </section>
            }
        })
    }
}
