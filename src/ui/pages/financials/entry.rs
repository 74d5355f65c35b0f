//! Journal entry (Journalbuchung): the grid bookkeepers type into all day.
//! Keyboard first: Enter moves to the next cell, Ctrl+Enter posts, Ctrl+B
//! puts the open difference on the current line, Esc discards (asking
//! first when anything is typed), Alt+S adds the entry to the open
//! voucher. The running difference and whether the entry is postable come
//! from the posting's own check (`EntryForm::check`); plausibility
//! warnings (a tax code of the wrong direction, a closing period) show at
//! their line, and posting asks to confirm or correct them. The account
//! cell takes a business partner's code as well (the list offers
//! partners with their kind); a customer taken over its credit limit is
//! asked about the same way, over its commitment limit the engine refuses.
//! Unfinished input is saved as a draft and survives a reload.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use crate::formats::amount::{AmountError, format_amount};
use crate::forms::entry::{
    EntryCheck, EntryForm, FormError, FormErrorKind, FormField, LineForm, Refusal,
};
use crate::ledger::partners::PartnerKind;
use crate::ledger::posting::{CreditLevel, CreditNotice, EntryWarning, entry_warnings};
use crate::ledger::{Command, Event};
use crate::store::CompanyLog;
use crate::texts;
use crate::ui::components::use_change_right;
use crate::ui::components::{
    NoCompany, OPEN_VOUCHER_KEY, TemplatePicker, add_to_open_voucher, focus, fresh_posting_key,
    number_style, today,
};
use crate::ui::errors::{
    credit_notice, domain_error, entry_warning, error_line, map_line, map_warning_line,
    session_error,
};
use crate::ui::i18n::{I18n, Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

use crate::ledger::posting::{PostingCommand, Rights};

texts! {
    pub enum T {
        Title => "Journalbuchung", "Journal entry";
        PostingDate => "Buchungsdatum", "Posting date";
        DocumentDate => "Belegdatum", "Document date";
        Reference => "Referenz", "Reference";
        Series => "Nummernkreis", "Numbering series";
        SeriesHelp => "Die Belegnummer vergibt Kontor beim Buchen aus dem Nummernkreis, lückenlos je Geschäftsjahr.", "Kontor gives the reference from the series when posting, gapless per fiscal year.";
        NoSeries => "– von Hand –", "– by hand –";
        Memo => "Buchungstext", "Memo";
        Line => "Zeile", "Line";
        Account => "Konto", "Account";
        Debit => "Soll", "Debit";
        Credit => "Haben", "Credit";
        Currency => "Währung", "Currency";
        Rate => "Kurs", "Rate";
        LineMemo => "Zeilentext", "Line memo";
        TaxCode => "St.-Kz.", "Tax code";
        Gross => "Brutto", "Gross";
        Dim1 => "Kostenstelle", "Cost centre";
        Generated => "erzeugt", "generated";
        Difference => "Differenz", "Difference";
        Balanced => "ausgeglichen", "balanced";
        Post => "Buchen (Strg+Enter)", "Post (Ctrl+Enter)";
        Balance => "Ausgleichen (Strg+B)", "Balance (Ctrl+B)";
        Clear => "Verwerfen (Esc)", "Discard (Esc)";
        NotPostable => "nicht buchbar", "not postable";
        CheckWarnings => "Bitte prüfen:", "Please check:";
        ConfirmPost => "Diese Buchung hat Hinweise. Trotzdem buchen oder korrigieren?", "This entry has warnings. Post it anyway or correct it?";
        PostAnyway => "Trotzdem buchen", "Post anyway";
        Correct => "Korrigieren", "Correct";
        ConfirmDiscard => "Die Eingaben dieser Buchung verwerfen? Sie gehen verloren.", "Discard what is typed in this entry? It is lost.";
        Discard => "Verwerfen", "Discard";
        KeepEditing => "Weiter bearbeiten", "Keep editing";
        AddLine => "Zeile hinzufügen", "Add line";
        ToVoucher => "In Stapel (Alt+S)", "To voucher (Alt+S)";
        Posting => "Wird gebucht …", "Posting …";
        Posted => "Gebucht als Beleg", "Posted as entry";
        DraftWasPosted => "Neue Buchung begonnen: der gespeicherte Entwurf ist schon gebucht, als Beleg", "New entry started: the saved draft was already posted, as entry";
        AddedToVoucher => "Zum offenen Buchungsstapel hinzugefügt.", "Added to the open voucher.";
        OpenVoucher => "Offener Stapel", "Open voucher";
        Entries => "Buchungen", "entries";
        Keys => "Enter: nächstes Feld · Strg+Enter: buchen · Strg+B: Differenz in diese Zeile · Esc: verwerfen (mit Rückfrage) · Alt+S: in Stapel", "Enter: next field · Ctrl+Enter: post · Ctrl+B: difference into this line · Esc: discard (asks first) · Alt+S: to voucher";
        FcHint => "Fremdwährung: Währung und Betrag in Fremdwährung; ohne Kurs gilt der Tageskurs der Kurstabelle.", "Foreign currency: currency and amount in it; without a rate the rate table's rate applies.";
        ErrDate => "Das Datum ist ungültig (z. B. 22.11.2026).", "The date is not valid (e.g. 2026-11-22).";
        ErrAmount => "Der Betrag ist ungültig.", "The amount is not valid.";
        Customer => "Kunde", "customer";
        Vendor => "Lieferant", "vendor";
        ErrBothSides => "Eine Zeile hat entweder Soll oder Haben, nicht beides.", "A line has either a debit or a credit, not both.";
    }
}

/// What posting asks the user to confirm: a plausibility warning (draft
/// line numbers) or a customer this entry takes over its credit limit.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Question {
    Warning(EntryWarning),
    Credit(CreditNotice),
}

impl Question {
    fn text(&self, form: &EntryForm, lang: Lang) -> String {
        match self {
            Question::Warning(w) => {
                entry_warning(&map_warning_line(w, |n| form.row_of_line(n)), lang)
            }
            Question::Credit(n) => credit_notice(n, lang),
        }
    }
}

/// Key of the half-typed entry in the company's drafts.
const DRAFT_KEY: &str = "entry-form";
/// Blank rows a new form starts with.
const START_ROWS: usize = 4;

/// One grid row: a signal per cell, so typing re-renders only that cell.
#[derive(Clone, Copy)]
struct Row {
    id: usize,
    account: RwSignal<String>,
    debit: RwSignal<String>,
    credit: RwSignal<String>,
    currency: RwSignal<String>,
    rate: RwSignal<String>,
    memo: RwSignal<String>,
    tax_code: RwSignal<String>,
    gross: RwSignal<bool>,
    dim1: RwSignal<String>,
}

impl Row {
    fn new(id: usize, line: &LineForm) -> Row {
        Row {
            id,
            account: RwSignal::new(line.account.clone()),
            debit: RwSignal::new(line.debit.clone()),
            credit: RwSignal::new(line.credit.clone()),
            currency: RwSignal::new(line.currency.clone()),
            rate: RwSignal::new(line.rate.clone()),
            memo: RwSignal::new(line.memo.clone()),
            tax_code: RwSignal::new(line.tax_code.clone()),
            gross: RwSignal::new(line.gross),
            dim1: RwSignal::new(line.dim1.clone()),
        }
    }

    fn line(&self) -> LineForm {
        LineForm {
            account: self.account.get(),
            debit: self.debit.get(),
            credit: self.credit.get(),
            currency: self.currency.get(),
            rate: self.rate.get(),
            memo: self.memo.get(),
            tax_code: self.tax_code.get(),
            gross: self.gross.get(),
            dim1: self.dim1.get(),
        }
    }

    fn set(&self, line: &LineForm) {
        self.account.set(line.account.clone());
        self.debit.set(line.debit.clone());
        self.credit.set(line.credit.clone());
        self.currency.set(line.currency.clone());
        self.rate.set(line.rate.clone());
        self.memo.set(line.memo.clone());
        self.tax_code.set(line.tax_code.clone());
        self.gross.set(line.gross);
        self.dim1.set(line.dim1.clone());
    }
}

/// The whole form as signals.
#[derive(Clone, Copy)]
struct Grid {
    posting_date: RwSignal<String>,
    document_date: RwSignal<String>,
    reference: RwSignal<String>,
    /// The numbering series' code, or empty for a typed reference.
    series: RwSignal<String>,
    memo: RwSignal<String>,
    rows: RwSignal<Vec<Row>>,
    next_id: StoredValue<usize>,
    /// The idempotency key of the entry being typed (see `EntryForm::key`).
    key: StoredValue<String>,
}

impl Grid {
    fn new() -> Grid {
        Grid {
            posting_date: RwSignal::new(String::new()),
            document_date: RwSignal::new(String::new()),
            reference: RwSignal::new(String::new()),
            series: RwSignal::new(String::new()),
            memo: RwSignal::new(String::new()),
            rows: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
            key: StoredValue::new(String::new()),
        }
    }

    fn form(&self) -> EntryForm {
        EntryForm {
            posting_date: self.posting_date.get(),
            document_date: self.document_date.get(),
            reference: self.reference.get(),
            memo: self.memo.get(),
            lines: self.rows.get().iter().map(Row::line).collect(),
            key: self.key.get_value(),
            series: self.series.get(),
        }
    }

    fn load(&self, form: &EntryForm) {
        self.key.set_value(match form.key.is_empty() {
            true => fresh_posting_key(),
            false => form.key.clone(),
        });
        self.posting_date.set(form.posting_date.clone());
        self.document_date.set(form.document_date.clone());
        self.reference.set(form.reference.clone());
        self.series.set(form.series.clone());
        self.memo.set(form.memo.clone());
        let mut lines = form.lines.clone();
        while lines.len() < START_ROWS {
            lines.push(LineForm::default());
        }
        let rows = lines
            .iter()
            .map(|l| {
                let id = self.next_id.get_value();
                self.next_id.set_value(id + 1);
                Row::new(id, l)
            })
            .collect();
        self.rows.set(rows);
    }

    fn add_row(&self) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.rows
            .update(|rows| rows.push(Row::new(id, &LineForm::default())));
    }

    /// An empty grid; the numbering series chosen stays (a cash book is
    /// typed entry after entry).
    fn clear(&self, lang: Lang) {
        self.load(&EntryForm {
            series: self.series.get_untracked(),
            ..EntryForm::new(today(), number_style(lang), START_ROWS)
        });
    }

    /// A posting template's lines replace the typed lines (issue 17).
    fn fill(&self, lines: Vec<LineForm>) {
        let mut form = self.form_untracked();
        form.lines = lines;
        form.lines.push(LineForm::default());
        self.load(&form);
    }
}

/// Where a refusal points: a line and maybe a field, for highlighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mark {
    line: Option<usize>,
    field: Option<FormField>,
}

fn form_error_text(e: &FormError, i18n: I18n) -> String {
    let lang = i18n.lang_untracked();
    let what = match &e.kind {
        FormErrorKind::Date(_) => T::ErrDate.text(lang).to_string(),
        FormErrorKind::Amount(AmountError::TooManyDecimals { max }) => i18n.pick(
            format!("Der Betrag hat mehr als {max} Nachkommastellen."),
            format!("The amount has more than {max} decimals."),
        ),
        FormErrorKind::Amount(_) => T::ErrAmount.text(lang).to_string(),
        FormErrorKind::Domain(d) => domain_error(d, lang),
        FormErrorKind::BothSides => T::ErrBothSides.text(lang).to_string(),
        FormErrorKind::TooManyLines { max } => i18n.pick(
            format!("Höchstens {max} Zeilen."),
            format!("At most {max} lines."),
        ),
    };
    match e.line {
        Some(line) => format!("{} {}: {what}", T::Line.text(lang), line + 1),
        None => what,
    }
}

#[component]
pub fn EntryPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    view! {
        <section class="page entry-page" data-page="entry">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || match app.company.get() {
                None => view! { <NoCompany /> }.into_any(),
                Some(_) => view! { <EntryForm_ /> }.into_any(),
            }}
        </section>
    }
}

/// The tax lines each typed line generates, by grid row: (account text,
/// debit?, amount in LC).
type GeneratedLines = Vec<(usize, Vec<(String, bool, Decimal)>)>;

#[allow(non_snake_case)]
#[component]
fn EntryForm_() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let grid = Grid::new();
    let voucher_count = RwSignal::new(0usize);
    let message = RwSignal::new(None);
    let loaded = keep_draft(app, i18n, grid, voucher_count, message);
    let (check, warnings) = live_check(app, i18n, grid);
    let generated = generated_lines(app, i18n, grid);
    let ctx = Ctx {
        app,
        i18n,
        grid,
        message,
        mark: RwSignal::new(None),
        // Warnings waiting for the user's answer (draft line numbers).
        asking: RwSignal::new(None),
        grid_ref: NodeRef::new(),
    };
    let post = Action::new_local(move |confirmed: &Option<Vec<Question>>| {
        post_entry(ctx, confirmed.clone())
    });
    let to_voucher = Action::new_local(move |_: &()| add_to_voucher(ctx, voucher_count));
    let discard = Discard {
        ctx,
        discarding: RwSignal::new(false),
        return_focus: StoredValue::new_local(None),
    };
    let actions = Actions {
        post,
        to_voucher,
        discard,
    };
    let asking = ctx.asking;
    // No field before the draft is restored: what is typed earlier would
    // be overwritten by it.
    move || {
        loaded.get().then(|| view! {
        <div class="entry-form" node_ref=ctx.grid_ref on:keydown=move |e| grid_keys(ctx, actions, e)>
            <Pickers />
            <TemplatePicker on_fill=Callback::new(move |lines| grid.fill(lines)) />
            <EntryHeader grid=grid mark=ctx.mark />
            <EntryGrid grid=grid mark=ctx.mark warnings=warnings generated=generated />
            <div class="entry-footer">
                <CheckLine check=check lc_decimals=Signal::derive(move || lc_decimals(app)) />
                <EntryActions ctx=ctx actions=actions voucher_count=voucher_count />
            </div>
            <NotPostable check=check form=Signal::derive(move || grid.form()) />
            <WarningList warnings=warnings asking=asking />
            <ConfirmPost asking=asking grid=grid on_confirm=Callback::new(move |ws| { post.dispatch(Some(ws)); }) />
            <ConfirmDiscard discard=discard />
            {move || message.get().map(|(ok, text)| view! {
                <div class=if ok { "success-box" } else { "error-box" } role=if ok { "status" } else { "alert" }
                    data-testid=if ok { "entry-posted" } else { "error" }>{text}</div>
            })}
            <p class="hint">{move || i18n.t(T::Keys)}</p>
            <p class="hint">{move || i18n.t(T::FcHint)}</p>
        </div>
    })
    }
}

/// Restores the half-typed entry (or starts a fresh one), then saves it as
/// the user types: a reload loses nothing. True once restored.
fn keep_draft(
    app: AppState,
    i18n: I18n,
    grid: Grid,
    voucher_count: RwSignal<usize>,
    message: RwSignal<Option<(bool, String)>>,
) -> RwSignal<bool> {
    let loaded = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        let saved = match app.session() {
            Some(s) => s.log().get_draft(DRAFT_KEY).await.ok().flatten(),
            None => None,
        };
        let lang = i18n.lang_untracked();
        match saved.and_then(|json| serde_json::from_str::<EntryForm>(&json).ok()) {
            Some(form) => match posted_as(app, &form) {
                // Posted (or posted from a voucher) before its clearing
                // was saved: its key would refuse whatever is typed now.
                Some(number) => {
                    grid.clear(lang);
                    let text = format!("{} {number}.", T::DraftWasPosted.text(lang));
                    message.set(Some((true, text)));
                }
                None => grid.load(&form),
            },
            None => grid.clear(lang),
        }
        voucher_count.set(open_voucher_len(app).await);
        loaded.set(true);
    });
    Effect::new(move |_| {
        if !loaded.get() {
            return;
        }
        // The status bar shows how the save went.
        if let Ok(json) = serde_json::to_string(&grid.form()) {
            app.save_draft(DRAFT_KEY, json);
        }
    });
    loaded
}

/// The entry ("2026/7") a stored draft's idempotency key already posted.
fn posted_as(app: AppState, form: &EntryForm) -> Option<String> {
    let key = crate::ledger::types::PostingKey::from_hex(&form.key)?;
    untrack(|| {
        app.with_book(|book| {
            let journal = book.journal();
            let entry = journal.entry(journal.posted_key(key)?)?;
            Some(format!("{}/{}", entry.fiscal_year, entry.number))
        })
    })
    .flatten()
}

/// The posting's own check, and the warnings by grid row, live.
fn live_check(
    app: AppState,
    i18n: I18n,
    grid: Grid,
) -> (Memo<EntryCheck>, Memo<Vec<EntryWarning>>) {
    let check = Memo::new(move |_| {
        let form = grid.form();
        let style = number_style(i18n.lang());
        app.with_book(|book| form.check(book, style, today(), &user_name()))
            .unwrap_or(EntryCheck::Empty)
    });
    let warnings = Memo::new(move |_| {
        let form = grid.form();
        let style = number_style(i18n.lang());
        app.with_book(|book| {
            form.warnings(book, style, today(), &user_name())
                .iter()
                .map(|w| map_warning_line(w, |n| form.row_of_line(n)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    (check, warnings)
}

/// The lines each typed line generates (its tax lines), by grid row.
fn generated_lines(app: AppState, i18n: I18n, grid: Grid) -> Memo<GeneratedLines> {
    Memo::new(move |_| {
        let form = grid.form();
        let style = number_style(i18n.lang());
        let rows: Vec<usize> = form
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_blank())
            .map(|(i, _)| i)
            .collect();
        app.with_book(|book| {
            let Some(preview) = form.preview(book, style, today()) else {
                return Vec::new();
            };
            preview
                .lines
                .iter()
                .filter_map(|p| {
                    let row = *rows.get(p.typed_line)?;
                    let lines = p.lines.as_ref().ok()?;
                    let extra: Vec<(String, bool, Decimal)> = lines
                        .iter()
                        .skip(1)
                        .map(|l| {
                            let name = book
                                .account(l.account)
                                .map(|a| a.name(i18n.is_de()).to_string())
                                .unwrap_or_default();
                            (
                                format!("{} {name}", l.account.as_str()),
                                l.side == crate::ledger::types::Side::Debit,
                                l.amount_lc,
                            )
                        })
                        .collect();
                    (!extra.is_empty()).then_some((row, extra))
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    })
}

/// What the grid's keys and buttons set off.
#[derive(Clone, Copy)]
struct Actions {
    post: Action<Option<Vec<Question>>, ()>,
    to_voucher: Action<(), ()>,
    discard: Discard,
}

/// Moves the grid into the open voucher and clears it.
async fn add_to_voucher(c: Ctx, voucher_count: RwSignal<usize>) {
    let lang = c.i18n.lang_untracked();
    let form = c.grid.form_untracked();
    if form.lines.iter().all(LineForm::is_blank) {
        return;
    }
    match add_to_open_voucher(c.app, form).await {
        Ok(count) => {
            voucher_count.set(count);
            c.grid.clear(lang);
            c.message
                .set(Some((true, T::AddedToVoucher.text(lang).to_string())));
            focus_first_account(c.grid_ref);
        }
        Err(e) => c
            .message
            .set(Some((false, crate::ui::errors::store_error(&e, lang)))),
    }
}

/// Puts the open difference on grid row `index` (Ctrl+B, "Balance").
fn balance_row(c: Ctx, index: usize) {
    let mut form = c.grid.form_untracked();
    let style = number_style(c.i18n.lang_untracked());
    c.app
        .with_book(|book| form.balance_line(index, book, style, today()));
    if let (Some(row), Some(line)) = (
        c.grid.rows.get_untracked().get(index).copied(),
        form.lines.get(index),
    ) {
        row.set(line);
    }
}

/// Grid keys: Enter to the next field, Ctrl+Enter posts, Ctrl+B balances
/// the focused row, Esc clears, Alt+S to the voucher.
fn grid_keys(c: Ctx, a: Actions, e: ev::KeyboardEvent) {
    let ctrl = e.ctrl_key() || e.meta_key();
    match e.key().as_str() {
        "Enter" if ctrl => {
            e.prevent_default();
            a.post.dispatch(None);
        }
        // Enter on a dialog's button presses it.
        "Enter" if on_button(&e) => {}
        "Enter" if !e.alt_key() && !e.shift_key() => {
            e.prevent_default();
            focus_next_field(&e);
        }
        "Escape" => {
            e.prevent_default();
            a.discard.escape();
        }
        "b" | "B" if ctrl => {
            e.prevent_default();
            if let Some(index) = focused_row(&e) {
                balance_row(c, index);
            }
        }
        "s" | "S" if e.alt_key() => {
            e.prevent_default();
            a.to_voucher.dispatch(());
        }
        _ => {}
    }
}

/// The lists the grid's cells pick from: postable accounts (control
/// accounts only through their partners) and business partners, tax codes,
/// cost centres and distribution rules of dimension 1.
#[component]
fn Pickers() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let accounts = move || {
        app.with_book(|book| {
            let de = i18n.is_de();
            let lang = i18n.lang();
            let partners = book.partners().partners().filter(|p| p.active).map(|p| {
                let kind = match p.kind {
                    PartnerKind::Customer => T::Customer,
                    PartnerKind::Vendor => T::Vendor,
                };
                format!("{} {} ({})", p.code, p.name, kind.text(lang))
            });
            book.accounts()
                .filter(|a| a.postable && a.active && !a.control)
                .map(|a| format!("{} {}", a.number.as_str(), a.name(de)))
                .chain(partners)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let tax_codes = move || {
        app.with_book(|book| {
            let de = i18n.is_de();
            book.tax_codes()
                .filter(|c| c.active)
                .map(|c| (c.code.clone(), c.name(de).to_string()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let centres = move || {
        app.with_book(|b| centre_choices(b, i18n.is_de()))
            .unwrap_or_default()
    };
    view! {
        <datalist id="account-list">
            {move || accounts().into_iter().map(|a| view! { <option value=a></option> }).collect_view()}
        </datalist>
        <datalist id="tax-code-list">
            {move || tax_codes().into_iter().map(|(code, name)| view! { <option value=code label=name></option> }).collect_view()}
        </datalist>
        <datalist id="centre-list">
            {move || centres().into_iter().map(|(code, name)| view! { <option value=code label=name></option> }).collect_view()}
        </datalist>
    }
}

/// Active centres, then active rules, of dimension 1: (code, name).
fn centre_choices(book: &crate::ledger::Book, de: bool) -> Vec<(String, String)> {
    let costing = book.costing();
    let pick = |name_de: &str, name_en: &str| {
        if de {
            name_de.to_string()
        } else {
            name_en.to_string()
        }
    };
    let centres = costing
        .centres(1)
        .filter(|c| c.active)
        .map(|c| (c.code.clone(), pick(&c.name_de, &c.name_en)));
    let rules = costing
        .rules(1)
        .filter(|r| r.active)
        .map(|r| (r.code.clone(), pick(&r.name_de, &r.name_en)));
    centres.chain(rules).collect()
}

/// Whether the posting's refusal points at `field` of grid row `line`.
fn marked(mark: RwSignal<Option<Mark>>, line: usize, field: FormField) -> bool {
    mark.get()
        .is_some_and(|m| m.line == Some(line) && (m.field.is_none() || m.field == Some(field)))
}

/// Dates, reference and memo of the entry.
#[component]
fn EntryHeader(grid: Grid, mark: RwSignal<Option<Mark>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let header_invalid = move |field: FormField| {
        mark.get()
            .is_some_and(|m| m.line.is_none() && m.field == Some(field))
    };
    view! {
        <div class="field-row entry-header">
            <label class="field narrow" class:invalid=move || header_invalid(FormField::PostingDate)>
                <span>{move || i18n.t(T::PostingDate)}</span>
                <input type="text" data-testid="posting-date" prop:value=move || grid.posting_date.get()
                    on:input=move |ev| grid.posting_date.set(event_target_value(&ev)) />
            </label>
            <label class="field narrow" class:invalid=move || header_invalid(FormField::DocumentDate)>
                <span>{move || i18n.t(T::DocumentDate)}</span>
                <input type="text" data-testid="document-date" prop:value=move || grid.document_date.get()
                    on:input=move |ev| grid.document_date.set(event_target_value(&ev)) />
            </label>
            <SeriesPicker grid=grid />
            <label class="field narrow">
                <span>{move || i18n.t(T::Reference)}</span>
                <input type="text" data-testid="reference" prop:value=move || grid.reference.get()
                    disabled=move || !grid.series.get().is_empty()
                    placeholder=move || next_reference(app, grid)
                    on:input=move |ev| grid.reference.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>{move || i18n.t(T::Memo)}</span>
                <input type="text" data-testid="memo" prop:value=move || grid.memo.get()
                    on:input=move |ev| grid.memo.set(event_target_value(&ev)) />
            </label>
        </div>
    }
}

/// The numbering series that gives the reference (Nummernkreis), shown
/// when the company has any: choosing one empties and locks the typed
/// reference, whose field then shows the number the posting will get.
#[component]
fn SeriesPicker(grid: Grid) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let choices = move || {
        app.with_book(|b| {
            let series = b.gl().numbering().series();
            series
                .iter()
                .map(|s| (s.code.clone(), s.name.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    view! {
        <Show when=move || !choices().is_empty()>
            <label class="field narrow">
                <span>{move || i18n.t(T::Series)}</span>
                <select data-testid="series" title=move || i18n.t(T::SeriesHelp)
                    on:change=move |ev| {
                        grid.series.set(event_target_value(&ev));
                        grid.reference.set(String::new());
                    }>
                    <option value="" selected=move || grid.series.get().is_empty()>
                        {move || i18n.t(T::NoSeries)}
                    </option>
                    {move || choices().into_iter().map(|(code, name)| {
                        let selected = code.clone();
                        view! {
                            <option value=code.clone() selected=move || grid.series.get() == selected>
                                {format!("{code} – {name}")}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </label>
        </Show>
    }
}

/// The reference the chosen series gives next for the typed posting date
/// (empty without a series or a readable date).
fn next_reference(app: AppState, grid: Grid) -> String {
    let code = grid.series.get();
    if code.is_empty() {
        return String::new();
    }
    let date = crate::formats::amount::parse_date(&grid.posting_date.get(), today())
        .unwrap_or_else(|_| today());
    app.with_book(|b| b.gl().next_series_reference(&code, date))
        .flatten()
        .unwrap_or_default()
}

/// The lines of the entry, one row each, with the lines they generate.
#[component]
fn EntryGrid(
    grid: Grid,
    mark: RwSignal<Option<Mark>>,
    warnings: Memo<Vec<EntryWarning>>,
    generated: Memo<GeneratedLines>,
) -> impl IntoView {
    let i18n = use_i18n();
    let indexed_rows = move || {
        grid.rows
            .get()
            .into_iter()
            .enumerate()
            .collect::<Vec<(usize, Row)>>()
    };
    let row_key = |item: &(usize, Row)| (item.1.id, item.0);
    view! {
        <div class="table-wrap">
            <table class="data entry-grid">
                <thead>
                    <tr>
                        <th class="num">"#"</th>
                        <th>{move || i18n.t(T::Account)}</th>
                        <th class="num">{move || i18n.t(T::Debit)}</th>
                        <th class="num">{move || i18n.t(T::Credit)}</th>
                        <th>{move || i18n.t(T::TaxCode)}</th>
                        <th>{move || i18n.t(T::Gross)}</th>
                        <th>{move || i18n.t(T::Dim1)}</th>
                        <th>{move || i18n.t(T::Currency)}</th>
                        <th>{move || i18n.t(T::Rate)}</th>
                        <th>{move || i18n.t(T::LineMemo)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=indexed_rows key=row_key let:item>
                        <GridRow index=item.0 row=item.1 grid=grid mark=mark warnings=warnings />
                        <GeneratedRows index=item.0 generated=generated />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// One typed line of the grid; typing in the last row opens a new one.
#[component]
fn GridRow(
    index: usize,
    row: Row,
    grid: Grid,
    mark: RwSignal<Option<Mark>>,
    warnings: Memo<Vec<EntryWarning>>,
) -> impl IntoView {
    let grow = move || {
        if grid
            .rows
            .get_untracked()
            .last()
            .is_some_and(|r| r.id == row.id)
        {
            grid.add_row();
        }
    };
    let cell = move |signal: RwSignal<String>,
                     field: Option<FormField>,
                     class: &'static str,
                     list: Option<&'static str>,
                     testid: String| {
        view! {
            <input type="text" class=class list=list data-testid=testid
                class:invalid=move || field.is_some_and(|f| marked(mark, index, f))
                prop:value=move || signal.get()
                on:input=move |ev| { signal.set(event_target_value(&ev)); grow(); } />
        }
    };
    let row_error = move || {
        marked(mark, index, FormField::Account) && mark.get().is_some_and(|m| m.field.is_none())
    };
    let row_warning = move || warnings.get().iter().any(|w| w.line() == Some(index));
    view! {
        <tr data-row=index class:row-error=row_error class:row-warning=row_warning>
            <td class="num muted">{index + 1}</td>
            <td>{cell(row.account, Some(FormField::Account), "cell-account", Some("account-list"), format!("account-{index}"))}</td>
            <td>{cell(row.debit, Some(FormField::Debit), "cell-amount", None, format!("debit-{index}"))}</td>
            <td>{cell(row.credit, Some(FormField::Credit), "cell-amount", None, format!("credit-{index}"))}</td>
            <td>{cell(row.tax_code, None, "cell-tax", Some("tax-code-list"), format!("tax-{index}"))}</td>
            <td class="cell-check">
                <input type="checkbox" data-testid=format!("gross-{index}")
                    prop:checked=move || row.gross.get()
                    on:change=move |ev| row.gross.set(event_target_checked(&ev)) />
            </td>
            <td>{cell(row.dim1, None, "cell-dim", Some("centre-list"), format!("dim1-{index}"))}</td>
            <td>{cell(row.currency, Some(FormField::Currency), "cell-currency", None, format!("currency-{index}"))}</td>
            <td>{cell(row.rate, Some(FormField::Rate), "cell-rate", None, format!("rate-{index}"))}</td>
            <td>{cell(row.memo, None, "cell-memo", None, format!("memo-{index}"))}</td>
        </tr>
    }
}

/// The lines grid row `index` generates (its tax lines), greyed out.
#[component]
fn GeneratedRows(index: usize, generated: Memo<GeneratedLines>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    move || {
        let lines = generated.get().into_iter().filter(|(r, _)| *r == index);
        lines
            .flat_map(|(_, lines)| lines)
            .map(|(account, debit, amount)| {
                let text = format_amount(amount, lc_decimals(app), number_style(i18n.lang()));
                view! {
                    <tr class="generated-line" data-testid=format!("generated-{index}")>
                        <td></td>
                        <td class="muted">"↳ " {account} " · " {i18n.t(T::Generated)}</td>
                        <td class="num">{if debit { text.clone() } else { String::new() }}</td>
                        <td class="num">{if debit { String::new() } else { text }}</td>
                        <td colspan="6"></td>
                    </tr>
                }
            })
            .collect_view()
    }
}

/// Post, balance, add a line, to the voucher, discard, and the open
/// voucher's size.
#[component]
fn EntryActions(ctx: Ctx, actions: Actions, voucher_count: RwSignal<usize>) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let grid = ctx.grid;
    let Actions {
        post,
        to_voucher,
        discard,
    } = actions;
    let balance_last = move |_: ev::MouseEvent| {
        let last = grid
            .form_untracked()
            .lines
            .iter()
            .rposition(|l| !l.is_blank())
            .unwrap_or(0);
        balance_row(ctx, last);
    };
    view! {
        <div class="actions">
            <button class="button primary" data-testid="post" disabled=move || post.pending().get() || right.denied()
                on:click=move |_| { post.dispatch(None); } title=move || right.why()>
                {move || i18n.t(if post.pending().get() { T::Posting } else { T::Post })}
            </button>
            <button class="button" on:click=balance_last>{move || i18n.t(T::Balance)}</button>
            <button class="button" on:click=move |_| grid.add_row()>{move || i18n.t(T::AddLine)}</button>
            <button class="button" data-testid="to-voucher" on:click=move |_| { to_voucher.dispatch(()); }>{move || i18n.t(T::ToVoucher)}</button>
            <button class="button" data-testid="discard-entry" on:click=move |_| discard.escape()>{move || i18n.t(T::Clear)}</button>
            <A href="/financials/vouchers" attr:class="button" attr:data-testid="voucher-count">
                {move || format!("{}: {} {}", i18n.t(T::OpenVoucher), voucher_count.get(), i18n.t(T::Entries))}
            </A>
        </div>
    }
}

impl Grid {
    fn form_untracked(&self) -> EntryForm {
        untrack(|| self.form())
    }
}

/// What posting and discarding need of the entry screen.
#[derive(Clone, Copy)]
struct Ctx {
    app: AppState,
    i18n: I18n,
    grid: Grid,
    message: RwSignal<Option<(bool, String)>>,
    mark: RwSignal<Option<Mark>>,
    asking: RwSignal<Option<Vec<Question>>>,
    grid_ref: NodeRef<html::Div>,
}

/// Posts the grid. Warnings (draft line numbers) are asked about first:
/// the post goes ahead only when every warning of the draft is among
/// `confirmed`, the ones the user answered "post anyway" to. A confirmed
/// closing period grants the closing right: until users and rights exist,
/// the user holds every right.
async fn post_entry(c: Ctx, confirmed: Option<Vec<Question>>) {
    let lang = c.i18n.lang_untracked();
    c.message.set(None);
    c.mark.set(None);
    let form = c.grid.form_untracked();
    let read = untrack(|| {
        c.app
            .with_book(|b| form.to_book_draft(b, number_style(lang), today(), &user_name()))
    });
    let Some(read) = read else {
        return;
    };
    let draft = match read {
        Ok(d) => d,
        Err(e) => {
            c.mark.set(Some(Mark {
                line: e.line,
                field: Some(e.field),
            }));
            c.message.set(Some((false, form_error_text(&e, c.i18n))));
            return;
        }
    };
    let (warnings, questions) =
        untrack(|| c.app.with_book(|b| questions(b, &draft))).unwrap_or_default();
    let agreed = confirmed.is_some_and(|ok| questions.iter().all(|q| ok.contains(q)));
    if !questions.is_empty() && !agreed {
        c.asking.set(Some(questions));
        return;
    }
    c.asking.set(None);
    let rights = Rights {
        post_into_closing: warnings.iter().any(EntryWarning::needs_closing_right),
        // No user holds the right to exceed a commitment limit until
        // users and rights exist: over it, the entry is refused.
        exceed_commitment_limit: false,
    };
    let series_chosen = draft.series.is_some();
    let command = Command::Posting(PostingCommand::PostEntry { draft });
    match c.app.execute_with(rights, command).await {
        Ok(events) => {
            // The entry's number, and the reference a series gave it.
            let number = events.iter().find_map(|e| match e {
                Event::EntryPosted { entry } if series_chosen && !entry.reference.is_empty() => {
                    Some(format!(
                        "{}/{} ({})",
                        entry.fiscal_year, entry.number, entry.reference
                    ))
                }
                Event::EntryPosted { entry } => {
                    Some(format!("{}/{}", entry.fiscal_year, entry.number))
                }
                _ => None,
            });
            c.grid.clear(lang);
            c.message.set(Some((
                true,
                format!("{} {}", T::Posted.text(lang), number.unwrap_or_default()),
            )));
            focus_first_account(c.grid_ref);
        }
        Err(e) => {
            let text = match &e {
                crate::session::SessionError::Domain(d) => {
                    c.mark.set(Some(Mark {
                        line: error_line(d).map(|i| form.row_of_line(i)),
                        field: None,
                    }));
                    domain_error(&map_line(d, |n| form.row_of_line(n)), lang)
                }
                _ => session_error(&e, lang),
            };
            c.message.set(Some((false, text)));
        }
    }
}

/// The draft's warnings, and what posting asks about: each warning, and
/// each customer taken over its credit limit. Over a commitment limit
/// nothing is asked: the engine refuses and says why.
fn questions(
    book: &crate::ledger::Book,
    draft: &crate::ledger::posting::EntryDraft,
) -> (Vec<EntryWarning>, Vec<Question>) {
    let warnings = entry_warnings(book.context(), draft);
    let notices = book.credit_notices(draft);
    let refused = notices.iter().any(|n| n.level == CreditLevel::Commitment);
    let mut asked: Vec<Question> = warnings.iter().cloned().map(Question::Warning).collect();
    if !refused {
        asked.extend(notices.into_iter().map(Question::Credit));
    }
    (warnings, asked)
}

/// Esc and the discard button: a grid holding input is discarded only
/// after the user says so; an open question is answered "no" instead.
#[derive(Clone, Copy)]
struct Discard {
    ctx: Ctx,
    discarding: RwSignal<bool>,
    /// Where the focus goes back to when the user keeps editing.
    return_focus: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl Discard {
    fn escape(&self) {
        let c = self.ctx;
        if c.asking.get_untracked().is_some() {
            c.asking.set(None);
            self.refocus();
            return;
        }
        if self.discarding.get_untracked() {
            self.keep();
            return;
        }
        if c.grid.form_untracked().holds_input(today()) {
            self.return_focus.set_value(active_element());
            self.discarding.set(true);
        } else {
            self.now();
        }
    }

    fn now(&self) {
        let c = self.ctx;
        c.grid.clear(c.i18n.lang_untracked());
        c.message.set(None);
        c.mark.set(None);
        c.asking.set(None);
        self.discarding.set(false);
        focus_first_account(c.grid_ref);
    }

    fn keep(&self) {
        self.discarding.set(false);
        self.refocus();
    }

    fn refocus(&self) {
        match self.return_focus.get_value() {
            Some(el) => {
                // Focus is a convenience; a detached element just keeps none.
                focus(&el);
            }
            None => focus_first_account(self.ctx.grid_ref),
        }
    }
}

fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Whether a key event comes from a button (Enter presses it).
fn on_button(e: &ev::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlButtonElement>().ok())
        .is_some()
}

/// Focuses the node once it is mounted (dialogs take the keyboard).
fn focus_when_shown(node: NodeRef<html::Button>, shown: impl Fn() -> bool + 'static) {
    Effect::new(move |_| {
        if shown()
            && let Some(button) = node.get()
        {
            // Focus is a convenience; failing to take it changes nothing.
            focus(&button);
        }
    });
}

/// The running difference and "balanced" when the posting would go through.
#[component]
fn CheckLine(check: Memo<EntryCheck>, lc_decimals: Signal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let amount = move || match check.get().diff_lc() {
        Some(d) => format_amount(d, lc_decimals.get(), number_style(i18n.lang())),
        None => "—".to_string(),
    };
    view! {
        <div class="difference" data-testid="difference"
            data-postable=move || check.get().is_postable().to_string()
            class:balanced=move || check.get().is_postable()
            class:refused=move || matches!(check.get(), EntryCheck::NotPostable { .. })>
            <span class="status-label">{move || i18n.t(T::Difference)}</span>
            <strong class="num">{amount}</strong>
            <Show when=move || check.get().is_postable()>
                <span class="badge ok">{move || i18n.t(T::Balanced)}</span>
            </Show>
        </div>
    }
}

/// "nicht buchbar: …" with the reason the posting would give, at the row
/// the user sees.
#[component]
fn NotPostable(check: Memo<EntryCheck>, form: Signal<EntryForm>) -> impl IntoView {
    let i18n = use_i18n();
    let reason = move || match check.get() {
        EntryCheck::NotPostable { reason, .. } => Some(match reason {
            Refusal::Form(e) => form_error_text(&e, i18n),
            Refusal::Domain(d) => {
                let form = form.get();
                domain_error(&map_line(&d, |n| form.row_of_line(n)), i18n.lang())
            }
        }),
        _ => None,
    };
    view! {
        {move || reason().map(|r| view! {
            <p class="not-postable" data-testid="not-postable" role="status">
                <strong>{i18n.t(T::NotPostable)}</strong>": "{r}
            </p>
        })}
    }
}

/// The plausibility warnings of the grid, each naming its row (hidden
/// while the posting's question lists them).
#[component]
fn WarningList(
    warnings: Memo<Vec<EntryWarning>>,
    asking: RwSignal<Option<Vec<Question>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || !warnings.get().is_empty() && asking.get().is_none()>
            <div class="entry-warnings" data-testid="entry-warnings" role="status">
                <strong>{move || i18n.t(T::CheckWarnings)}</strong>
                <ul>
                    {move || warnings.get().iter().map(|w| view! {
                        <li data-testid="entry-warning" data-row=w.line().map(|l| l.to_string())>
                            {entry_warning(w, i18n.lang())}
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// Asks before a posting with warnings: post anyway, or correct.
#[component]
fn ConfirmPost(
    asking: RwSignal<Option<Vec<Question>>>,
    grid: Grid,
    on_confirm: Callback<Vec<Question>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let yes = NodeRef::<html::Button>::new();
    focus_when_shown(yes, move || asking.get().is_some());
    let listed = move || {
        let form = grid.form_untracked();
        asking
            .get()
            .unwrap_or_default()
            .iter()
            .map(|q| view! { <li data-testid="confirm-question">{q.text(&form, i18n.lang())}</li> })
            .collect_view()
    };
    view! {
        <Show when=move || asking.get().is_some()>
            <div class="confirm-box" role="alertdialog" data-testid="confirm-post"
                aria-label=move || i18n.t(T::ConfirmPost)>
                <p class="warning">{move || i18n.t(T::ConfirmPost)}</p>
                <ul>{listed}</ul>
                <button type="button" class="button primary" data-testid="post-anyway" node_ref=yes
                    on:click=move |_| {
                        if let Some(ws) = asking.get_untracked() {
                            on_confirm.run(ws);
                        }
                    }>{move || i18n.t(T::PostAnyway)}</button>
                <button type="button" class="button" data-testid="correct"
                    on:click=move |_| asking.set(None)>{move || i18n.t(T::Correct)}</button>
            </div>
        </Show>
    }
}

/// Asks before typed input is thrown away.
#[component]
fn ConfirmDiscard(discard: Discard) -> impl IntoView {
    let i18n = use_i18n();
    let yes = NodeRef::<html::Button>::new();
    let discarding = discard.discarding;
    focus_when_shown(yes, move || discarding.get());
    view! {
        <Show when=move || discarding.get()>
            <div class="confirm-box" role="alertdialog" data-testid="confirm-discard"
                aria-label=move || i18n.t(T::ConfirmDiscard)>
                <p class="warning">{move || i18n.t(T::ConfirmDiscard)}</p>
                <button type="button" class="button danger" data-testid="discard" node_ref=yes
                    on:click=move |_| discard.now()>{move || i18n.t(T::Discard)}</button>
                <button type="button" class="button" data-testid="keep-editing"
                    on:click=move |_| discard.keep()>{move || i18n.t(T::KeepEditing)}</button>
            </div>
        </Show>
    }
}

/// Decimals of the company's LC (2 while none is open).
fn lc_decimals(app: AppState) -> u32 {
    app.with_book(|b| b.settings().lc_decimals()).unwrap_or(2)
}

/// Who posts: local users come with the authorisation issue; until then
/// every posting records the browser profile's user name "kontor".
fn user_name() -> String {
    "kontor".to_string()
}

async fn open_voucher_len(app: AppState) -> usize {
    let Some(session) = app.session() else {
        return 0;
    };
    session
        .log()
        .get_draft(OPEN_VOUCHER_KEY)
        .await
        .ok()
        .flatten()
        .and_then(|json| serde_json::from_str::<Vec<EntryForm>>(&json).ok())
        .map(|v| v.len())
        .unwrap_or(0)
}

fn focus_first_account(grid: NodeRef<html::Div>) {
    if let Some(el) = grid
        .get_untracked()
        .and_then(|g| g.query_selector("input.cell-account").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        focus(&el);
    }
}

/// The row index of the input the key event came from.
fn focused_row(e: &ev::KeyboardEvent) -> Option<usize> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    target
        .closest("tr[data-row]")
        .ok()
        .flatten()?
        .get_attribute("data-row")?
        .parse()
        .ok()
}

/// Moves focus to the next input of the form, like Tab.
fn focus_next_field(e: &ev::KeyboardEvent) {
    let Some(target) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(form) = target.closest(".entry-form").ok().flatten() else {
        return;
    };
    let Ok(inputs) = form.query_selector_all("input") else {
        return;
    };
    let count = inputs.length();
    let position = (0..count).find(|&i| {
        inputs
            .item(i)
            .is_some_and(|n| n.is_same_node(Some(target.as_ref())))
    });
    if let Some(next) = position
        .and_then(|p| inputs.item(p + 1))
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        focus(&next);
    }
}
