//! Internal reconciliation (Interne Abstimmung) at `/banking/reconciliation`:
//! one partner's open items on a date, ticked with the amounts to clear and
//! a running net that must reach 0.00 before "Abstimmen" sends
//! `ClearItems` (`manual`); the engine's ranked proposals, each accepted by
//! ticking its items (`manual`); the partner's reconciliations with
//! "Stornieren" behind a confirmation (`history`); and the automatic
//! reconciliation over all partners with its result list (`auto`).
//! Refusals are the engine's sentences (`session_error`).

mod auto;
mod history;
mod manual;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::components::now;
use rust_decimal::Decimal;

use crate::ledger::Book;
use crate::ledger::open_items::ItemId;
use crate::ledger::types::{PartnerCode, Side};
use crate::texts;
use crate::ui::components::{DateField, NoCompany, default_as_of};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Interne Abstimmung", "Internal reconciliation";
        Lead => "Soll- und Habenposten eines Partners gegeneinander abstimmen: Posten ankreuzen, Beträge anpassen, bis der Saldo 0,00 ist. Ein Vorschlag sucht passende Posten, die automatische Abstimmung erledigt das für alle Partner.", "Reconcile a partner's debit and credit items against each other: tick items, adjust the amounts until the net is 0.00. A proposal finds matching items; the automatic reconciliation does it for all partners.";
        Partner => "Partner", "Partner";
        PartnerHint => "Nummer", "Code";
        Date => "Abstimmdatum", "Reconciliation date";
        ChoosePartner => "Bitte einen Partner wählen.", "Please choose a partner.";
        OpenItems => "Offene Posten", "Open items";
        NoItems => "Keine offenen Posten bis zu diesem Datum.", "No open items up to this date.";
        Select => "Auswahl", "Select";
        Reference => "Referenz", "Reference";
        Memo => "Buchungstext", "Memo";
        PostingDate => "Buchungsdatum", "Posting date";
        Debit => "Soll", "Debit";
        Credit => "Haben", "Credit";
        ToClear => "Abzustimmen", "To reconcile";
        Net => "Saldo der Auswahl", "Net of the selection";
        NetHint => "Abstimmen geht erst, wenn mindestens zwei Posten gewählt sind und der Saldo 0,00 ist.", "Reconcile is possible once at least two items are ticked and the net is 0.00.";
        BadAmount => "Ein Betrag ist ungültig.", "An amount is not valid.";
        Reconcile => "Abstimmen", "Reconcile";
        Reconciled => "Abgestimmt als Ausgleich", "Reconciled as clearing";
        Propose => "Vorschlag", "Propose";
        Proposals => "Vorschläge", "Proposals";
        NoProposals => "Keine passenden Posten gefunden.", "No matching items found.";
        Reason => "Grund", "Reason";
        Items => "Posten", "Items";
        Amount => "Betrag", "Amount";
        Accept => "Übernehmen", "Accept";
        SameReference => "Gleiche Referenz", "Same reference";
        MemoNamesReference => "Buchungstext nennt Referenz", "Memo names reference";
        ExactAmount => "Gleicher Betrag", "Same amount";
        OneAgainstTwo => "Ein Posten gegen zwei mit gleicher Summe", "One item against two adding up to it";
        DaysApart => "Tage auseinander", "days apart";
        OneDayApart => "1 Tag auseinander", "1 day apart";
        SameDay => "am selben Tag", "on the same day";
        Partial => "Teilbetrag", "partial amount";
        History => "Abstimmungen des Partners", "Reconciliations of the partner";
        NoHistory => "Noch keine Abstimmungen.", "No reconciliations yet.";
        Number => "Nr.", "No.";
        Status => "Status", "Status";
        Active => "gültig", "valid";
        Cancelled => "storniert", "cancelled";
        Cancel => "Stornieren", "Cancel";
        ConfirmCancel => "Ausgleich stornieren? Seine Posten werden wieder offen.", "Cancel the clearing? Its items will be open again.";
        YesCancel => "Ja, stornieren", "Yes, cancel";
        Keep => "Nicht stornieren", "Keep it";
        CancelledMsg => "Storniert: Ausgleich", "Cancelled: clearing";
        Auto => "Automatisch abstimmen", "Reconcile automatically";
        AutoLead => "Für alle Partner: Posten mit gleicher Referenz, die zusammen 0,00 ergeben, und je ein Soll- und Habenposten mit gleichem Betrag innerhalb der Tage.", "For all partners: items with the same reference that net to 0.00, and one debit and one credit of the same amount within the days.";
        ByReference => "nach Referenz", "by reference";
        ByAmount => "nach Betrag", "by amount";
        Days => "innerhalb Tagen", "within days";
        BadDays => "Die Tage sind ungültig (0 bis 65535).", "The days are not valid (0 to 65535).";
        AutoDone => "Ausgleiche gebucht:", "Clearings posted:";
    }
}

/// What the screen's parts share: the partner, the date, the ticked items
/// with their typed amounts, and the last message.
#[derive(Clone, Copy)]
struct Ui {
    partner: RwSignal<String>,
    date: RwSignal<Option<NaiveDate>>,
    ticks: RwSignal<Vec<(ItemId, String)>>,
    message: RwSignal<Option<(bool, String)>>,
}

impl Ui {
    /// The chosen partner's code (the input holds "code name").
    fn code(&self) -> Option<PartnerCode> {
        let text = self.partner.get();
        PartnerCode::parse(text.split_whitespace().next()?).ok()
    }
}

/// One open item as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ItemRow {
    item: ItemId,
    reference: String,
    memo: String,
    date: NaiveDate,
    side: Side,
    open: Decimal,
}

/// `code`'s items open and posted on or before `date`, oldest first.
fn item_rows(book: &Book, code: PartnerCode, date: NaiveDate) -> Vec<ItemRow> {
    let journal = book.context().journal;
    let mut rows: Vec<ItemRow> = book
        .open_items()
        .items_of(code)
        .filter(|i| i.is_open() && i.posting_date <= date)
        .map(|i| {
            let entry = journal.entry(i.id.entry);
            ItemRow {
                item: i.id,
                reference: entry.map(|e| e.reference.clone()).unwrap_or_default(),
                memo: entry.map(|e| e.memo.clone()).unwrap_or_default(),
                date: i.posting_date,
                side: i.side,
                open: i.open_lc,
            }
        })
        .collect();
    rows.sort_by_key(|r| (r.date, r.item));
    rows
}

/// The reference of an item's entry (its entry number when it has none).
fn reference_of(book: &Book, item: ItemId) -> String {
    match book.context().journal.entry(item.entry) {
        Some(e) if !e.reference.trim().is_empty() => e.reference.clone(),
        Some(e) => format!("#{}", e.number),
        None => String::new(),
    }
}

#[component]
pub fn ReconciliationPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let ui = Ui {
        partner: RwSignal::new(String::new()),
        date: RwSignal::new(None),
        ticks: RwSignal::new(Vec::new()),
        message: RwSignal::new(None),
    };
    Effect::new(move |_| {
        if ui.date.get().is_none()
            && let Some(d) = app.with_book(default_as_of)
        {
            ui.date.set(Some(d));
        }
    });
    view! {
        <section class="page reconciliation-page" data-page="reconciliation">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead">{move || i18n.t(T::Lead)}</p>
                    <Toolbar ui=ui />
                    <manual::Manual ui=ui />
                    <history::History ui=ui />
                    <auto::Auto date=ui.date />
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Toolbar(ui: Ui) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let partners = Memo::new(move |_| {
        app.with_book(|b| {
            b.partners()
                .partners()
                .map(|p| format!("{} {}", p.code, p.name))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <div class="toolbar">
            <label class="field">
                <span>{move || i18n.t(T::Partner)}</span>
                <input type="search" list="rc-partners" data-testid="rc-partner" autofocus
                    placeholder=move || i18n.t(T::PartnerHint)
                    prop:value=move || ui.partner.get()
                    on:change=move |ev| ui.partner.set(event_target_value(&ev)) />
                <datalist id="rc-partners">
                    {move || partners.get().into_iter().map(|p| view! { <option value=p></option> }).collect_view()}
                </datalist>
            </label>
            <DateField label=T::Date value=ui.date testid="rc-date" />
        </div>
    }
}
