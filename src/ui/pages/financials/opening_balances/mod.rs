//! Eröffnungsbilanzwerte at `/financials/opening-balances` (issue 17, part
//! C): for a company that starts mid-life (migration from another
//! system), a grid of lines (G/L account or business partner, debit,
//! credit, reference, due date), the live difference, and "Buchen"
//! (Alt+B), which sends `ClosingCommand::PostOpeningBalances` with a fresh
//! posting key. The engine refuses an unbalanced set with its sentence and
//! stores nothing; G/L lines go against 9000, customers against 9008,
//! vendors against 9009 (SKR03/SKR04).

use chrono::NaiveDate;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::formats::amount::{parse_amount, parse_date};
use crate::ledger::closing::{ClosingCommand, OpeningLine};
use crate::ledger::types::{AccountNo, PartnerCode, PostingKey};
use crate::ledger::{Book, Command, Event};
use crate::texts;
use crate::ui::components::use_change_right;
use crate::ui::components::{
    DateField, NoCompany, Said, entry_href, entry_label, fmt_amount, fresh_posting_key, now,
    number_style, today, user,
};
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::{AppState, use_app};

texts! {
    pub enum T {
        Title => "Eröffnungsbilanzwerte", "Opening balances";
        Lead => "Für den Umstieg aus einem anderen System: die Anfangsbestände zum Stichtag. Sachkonten werden gegen 9000 (Saldenvorträge Sachkonten) gebucht, Kunden gegen 9008 und Lieferanten gegen 9009; Partnerzeilen werden offene Posten mit Belegnummer und Fälligkeit. Soll und Haben müssen übereinstimmen.", "For moving from another system: the starting balances on the cut-off date. G/L accounts are posted against 9000 (opening balances, G/L accounts), customers against 9008 and vendors against 9009; partner lines become open items with their reference and due date. Debit and credit must agree.";
        Date => "Stichtag", "Cut-off date";
        AccountOrPartner => "Konto oder Geschäftspartner", "Account or business partner";
        Debit => "Soll", "Debit";
        Credit => "Haben", "Credit";
        Reference => "Belegnummer", "Reference";
        Due => "Fällig am", "Due date";
        AddLine => "Zeile hinzufügen", "Add line";
        Remove => "Zeile entfernen", "Remove line";
        Difference => "Differenz (Soll − Haben)", "Difference (debit − credit)";
        Balanced => "ausgeglichen", "balanced";
        Post => "Buchen", "Post";
        Posted => "Eröffnungswerte gebucht:", "Opening balances posted:";
        BadAmount => "ist kein Betrag.", "is not an amount.";
        BadDate => "ist kein Datum.", "is not a date.";
        Unknown => "ist weder ein Konto noch ein Geschäftspartner.", "is neither an account nor a business partner.";
        NoDate => "Geben Sie den Stichtag an.", "Enter the cut-off date.";
        NoKey => "Der Browser liefert keine Zufallszahl für den Buchungsschlüssel; es wurde nichts gebucht.", "The browser gave no random number for the posting key; nothing was posted.";
        Shortcut => "Alt+B bucht, Alt+Z fügt eine Zeile hinzu.", "Alt+B posts, Alt+Z adds a line.";
    }
}

/// One row of the grid, as typed.
#[derive(Clone, Copy)]
struct Row {
    id: usize,
    target: RwSignal<String>,
    debit: RwSignal<String>,
    credit: RwSignal<String>,
    reference: RwSignal<String>,
    due: RwSignal<String>,
}

impl Row {
    fn new(id: usize) -> Row {
        Row {
            id,
            target: RwSignal::new(String::new()),
            debit: RwSignal::new(String::new()),
            credit: RwSignal::new(String::new()),
            reference: RwSignal::new(String::new()),
            due: RwSignal::new(String::new()),
        }
    }

    fn is_blank(&self) -> bool {
        [
            self.target,
            self.debit,
            self.credit,
            self.reference,
            self.due,
        ]
        .iter()
        .all(|s| s.get_untracked().trim().is_empty())
    }
}

/// An amount typed in `lang` (empty: zero).
fn amount(text: &str, lang: Lang, decimals: u32) -> Result<Decimal, ()> {
    if text.trim().is_empty() {
        return Ok(Decimal::ZERO);
    }
    parse_amount(text, number_style(lang), decimals).map_err(|_| ())
}

/// The first day of the fiscal year holding today, else of the first year.
fn default_date(book: &Book) -> Option<NaiveDate> {
    let day = today();
    let years: Vec<_> = book.calendar().fiscal_years().collect();
    years
        .iter()
        .find(|f| f.start <= day && day <= f.end)
        .or(years.first())
        .map(|f| f.start)
}

#[component]
pub fn OpeningBalancesPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    view! {
        <section class="page opening-page" data-page="opening-balances">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! { <OpeningBody /> }.into_any()
            }}
        </section>
    }
}

#[derive(Clone)]
enum Outcome {
    Posted(crate::ledger::types::EntryId, String),
    Refused(Said<T>),
}

#[component]
fn OpeningBody() -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let decimals = app.with_book(|b| b.settings().lc_decimals()).unwrap_or(2);
    let date = RwSignal::new(app.with_book(default_date).flatten());
    let rows = RwSignal::new((0..4).map(Row::new).collect::<Vec<_>>());
    let next_id = StoredValue::new(4usize);
    let key = RwSignal::new(fresh_posting_key());
    let outcome = RwSignal::new(None::<Outcome>);
    let add_row = move || {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        rows.update(|r| r.push(Row::new(id)));
    };
    let difference = Memo::new(move |_| {
        let lang = i18n.lang();
        rows.get().iter().try_fold(Decimal::ZERO, |sum, r| {
            let d = amount(&r.debit.get(), lang, decimals)?;
            let c = amount(&r.credit.get(), lang, decimals)?;
            Ok::<_, ()>(sum + d - c)
        })
    });
    let post = Action::new_local(move |_: &()| {
        post(
            app,
            date,
            (rows, next_id),
            key,
            outcome,
            (decimals, i18n.lang_untracked()),
        )
    });
    let keys = window_event_listener(ev::keydown, move |e| {
        if !e.alt_key() || e.ctrl_key() || e.meta_key() {
            return;
        }
        if e.key().eq_ignore_ascii_case("b") {
            e.prevent_default();
            if !post.pending().get_untracked() {
                post.dispatch(());
            }
        } else if e.key().eq_ignore_ascii_case("z") {
            e.prevent_default();
            add_row();
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <p class="lead">{move || i18n.t(T::Lead)}</p>
        <div class="toolbar">
            <DateField label=T::Date value=date testid="ob-date" />
        </div>
        <div class="table-wrap">
            <table class="data ob-grid" data-testid="ob-grid">
                <thead><tr>
                    <th>{move || i18n.t(T::AccountOrPartner)}</th>
                    <th class="num">{move || i18n.t(T::Debit)}</th>
                    <th class="num">{move || i18n.t(T::Credit)}</th>
                    <th>{move || i18n.t(T::Reference)}</th>
                    <th>{move || i18n.t(T::Due)}</th>
                    <th></th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.id children=move |r: Row| {
                        let cell = move |signal: RwSignal<String>, name: &'static str, label: T, class: &'static str| view! {
                            <td class=class>
                                <input type="text" autocomplete="off" data-testid=format!("ob-{name}")
                                    aria-label=move || i18n.t(label)
                                    prop:value=move || signal.get()
                                    on:input=move |ev| signal.set(event_target_value(&ev)) />
                            </td>
                        };
                        view! {
                            <tr data-row=r.id.to_string()>
                                {cell(r.target, "target", T::AccountOrPartner, "")}
                                {cell(r.debit, "debit", T::Debit, "num")}
                                {cell(r.credit, "credit", T::Credit, "num")}
                                {cell(r.reference, "reference", T::Reference, "")}
                                {cell(r.due, "due", T::Due, "")}
                                <td>
                                    <button type="button" class="button small" title=move || i18n.t(T::Remove)
                                        aria-label=move || i18n.t(T::Remove)
                                        on:click=move |_| rows.update(|all| all.retain(|x| x.id != r.id))>"×"</button>
                                </td>
                            </tr>
                        }
                    } />
                </tbody>
                <tfoot><tr>
                    <th>{move || i18n.t(T::Difference)}</th>
                    <th class="num" colspan="2" data-testid="ob-difference"
                        class:unbalanced=move || difference.get().is_ok_and(|d| !d.is_zero())>
                        {move || match difference.get() {
                            Ok(d) if d.is_zero() => format!("{} ({})", fmt_amount(d, decimals, i18n.lang()), i18n.t(T::Balanced)),
                            Ok(d) => fmt_amount(d, decimals, i18n.lang()),
                            Err(()) => "—".to_string(),
                        }}
                    </th>
                    <th colspan="3"></th>
                </tr></tfoot>
            </table>
        </div>
        <div class="toolbar">
            <button type="button" class="button" data-testid="ob-add" title="Alt+Z" on:click=move |_| add_row()>
                {move || i18n.t(T::AddLine)}
            </button>
            <button type="button" class="button primary" data-testid="ob-post"
                disabled=move || post.pending().get() || right.denied()
                on:click=move |_| { post.dispatch(()); } title=move || right.why().unwrap_or("Alt+B")>{move || i18n.t(T::Post)}</button>
            <span class="muted">{move || i18n.t(T::Shortcut)}</span>
        </div>
        {move || outcome.get().map(|o| match o {
            Outcome::Refused(said) => view! {
                <div class="error-box" role="alert" data-testid="error">{move || said.say(i18n.lang())}</div>
            }.into_any(),
            Outcome::Posted(id, label) => view! {
                <div class="success-box" role="status" data-testid="ob-posted">
                    {move || i18n.t(T::Posted)}" "<A href=entry_href(id)>{label.clone()}</A>
                </div>
            }.into_any(),
        })}
    }
}

/// The rows as opening lines, or what is wrong with the first bad field.
fn lines(
    book: &Book,
    rows: &[Row],
    lang: Lang,
    decimals: u32,
) -> Result<Vec<OpeningLine>, Said<T>> {
    let mut out = Vec::new();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        let target = r.target.get_untracked().trim().to_string();
        let (account, partner) = if target.is_empty() {
            (None, None)
        } else if let Some(code) = PartnerCode::parse(&target)
            .ok()
            .filter(|c| book.partner(*c).is_some())
        {
            (None, Some(code))
        } else {
            match AccountNo::parse(&target) {
                Ok(n) if book.account(n).is_some() => (Some(n), None),
                _ => return Err(Said::Typed(target, T::Unknown)),
            }
        };
        let debit_text = r.debit.get_untracked();
        let debit = amount(&debit_text, lang, decimals)
            .map_err(|()| Said::Typed(debit_text, T::BadAmount))?;
        let credit_text = r.credit.get_untracked();
        let credit = amount(&credit_text, lang, decimals)
            .map_err(|()| Said::Typed(credit_text, T::BadAmount))?;
        let due_text = r.due.get_untracked();
        let due_date = if due_text.trim().is_empty() {
            None
        } else {
            Some(parse_date(&due_text, today()).map_err(|_| Said::Typed(due_text, T::BadDate))?)
        };
        out.push(OpeningLine {
            account,
            partner,
            debit,
            credit,
            reference: r.reference.get_untracked().trim().to_string(),
            due_date,
        });
    }
    Ok(out)
}

async fn post(
    app: AppState,
    date: RwSignal<Option<NaiveDate>>,
    (rows, next_id): (RwSignal<Vec<Row>>, StoredValue<usize>),
    key: RwSignal<String>,
    outcome: RwSignal<Option<Outcome>>,
    (decimals, lang): (u32, Lang),
) {
    outcome.set(None);
    let Some(day) = date.get_untracked() else {
        outcome.set(Some(Outcome::Refused(Said::Plain(T::NoDate))));
        return;
    };
    let typed = rows.get_untracked();
    let Some(lines) = app.with_book(|b| lines(b, &typed, lang, decimals)) else {
        return;
    };
    let lines = match lines {
        Ok(l) => l,
        Err(said) => {
            outcome.set(Some(Outcome::Refused(said)));
            return;
        }
    };
    let Some(posting_key) = PostingKey::from_hex(&key.get_untracked()) else {
        outcome.set(Some(Outcome::Refused(Said::Plain(T::NoKey))));
        return;
    };
    let Some(at) = now() else { return };
    let cmd = Command::Closing(ClosingCommand::PostOpeningBalances {
        date: day,
        lines,
        key: posting_key,
        by: user(),
        at,
    });
    match app.execute(cmd).await {
        Ok(events) => {
            key.set(fresh_posting_key());
            let posted = events.iter().find_map(|e| match e {
                Event::EntryPosted { entry } => {
                    Some((entry.id, entry_label(entry.fiscal_year, entry.number)))
                }
                _ => None,
            });
            if let Some((id, label)) = posted {
                // Fresh ids: the grid's rows are keyed by them.
                let first = next_id.get_value();
                next_id.set_value(first + 4);
                rows.set((first..first + 4).map(Row::new).collect());
                outcome.set(Some(Outcome::Posted(id, label)));
            }
        }
        Err(e) => outcome.set(Some(Outcome::Refused(Said::Session(e)))),
    }
}
