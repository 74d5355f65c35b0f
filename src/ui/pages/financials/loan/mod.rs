//! Ein Darlehen (one loan) at `/financials/loans/new` and
//! `/financials/loans/:number`: the form (name, principal, rate, payout
//! date, number of instalments, interval, payment day, annuity or fixed
//! repayment, loan/interest/bank accounts), saved with `SaveLoan`
//! (Ctrl+Enter); below it the repayment schedule of what is typed (rows
//! marked posted, skipped or due), its CSV (Alt+E), and for a saved loan
//! the rate change (from a date, a new rate) with a preview of the new
//! schedule before `ChangeLoanRate` stores it. A refusal is shown as the
//! engine's sentence; nothing is stored. Instalments are posted on the due
//! list (`/financials/recurring/due`).

mod form;
mod schedule;

use chrono::NaiveDate;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use rust_decimal::Decimal;

use crate::finance::loan::Row;
use crate::formats::amount::parse_amount;
use crate::ledger::recurring::{Loan, RecurringCommand, RecurringEvent};
use crate::ledger::{Command, Event};
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::{
    DateField, ErrorBox, NoCompany, Said, now, number_style, offer_csv, today, user,
};
use crate::ui::i18n::use_i18n;
use crate::ui::state::{AppState, use_app};

use form::{Form, RATE_DECIMALS, rates_words};
use schedule::{ScheduleTable, schedule_csv};

texts! {
    pub enum T {
        Back => "← Darlehen", "← Loans";
        NewTitle => "Neues Darlehen", "New loan";
        Unknown => "Dieses Darlehen gibt es nicht.", "This loan does not exist.";
        Lead => "Konditionen des Darlehens; darunter der Tilgungsplan dessen, was eingegeben ist. Zinsen je Rate: Restschuld × Zinssatz × Monate/12 (30/360), auf den Cent gerundet; die letzte Rate gleicht Rundungen aus. Strg+Enter speichert, Alt+E lädt den Plan als CSV.", "Terms of the loan; below, the repayment schedule of what is typed. Interest per instalment: remaining debt × rate × months/12 (30/360), rounded to the cent; the last instalment absorbs the rounding. Ctrl+Enter saves, Alt+E downloads the schedule as CSV.";
        Terms => "Konditionen", "Terms";
        Name => "Bezeichnung", "Name";
        Principal => "Darlehensbetrag", "Principal";
        Rate => "Zinssatz % p. a.", "Interest rate % p.a.";
        Start => "Auszahlung am", "Paid out on";
        Count => "Anzahl Raten", "Number of instalments";
        Every => "Raten", "Instalments";
        Monthly => "monatlich", "monthly";
        Quarterly => "vierteljährlich", "quarterly";
        HalfYearly => "halbjährlich", "half-yearly";
        Yearly => "jährlich", "yearly";
        Day => "Zahltag (1–31)", "Payment day (1–31)";
        Repayment => "Tilgungsart", "Repayment";
        Annuity => "Annuität (gleiche Raten)", "Annuity (equal instalments)";
        Fixed => "Ratentilgung (gleiche Tilgung)", "Fixed principal (equal repayments)";
        Accounts => "Konten", "Accounts";
        LoanAccount => "Darlehenskonto", "Loan account";
        InterestAccount => "Zinskonto", "Interest account";
        BankAccount => "Bankkonto", "Bank account";
        AccountsHint => "Verbindlichkeit und Zinsaufwand: aufgenommenes Darlehen; Forderung und Zinsertrag: gewährtes Darlehen.", "Liability and interest expense: a loan taken; receivable and interest income: a loan given.";
        Active => "Aktiv (Raten werden fällig)", "Active (instalments fall due)";
        Create => "Anlegen (Strg+Enter)", "Create (Ctrl+Enter)";
        Save => "Speichern (Strg+Enter)", "Save (Ctrl+Enter)";
        Created => "Darlehen angelegt:", "Loan created:";
        Saved => "Darlehen gespeichert:", "Loan saved:";
        Schedule => "Tilgungsplan", "Repayment schedule";
        NoSchedule => "Der Tilgungsplan erscheint, sobald die Konditionen vollständig und gültig sind.", "The schedule appears once the terms are complete and valid.";
        Csv => "CSV (Alt+E)", "CSV (Alt+E)";
        DueLink => "Raten buchen: fällige Buchungen", "Post instalments: due postings";
        Rates => "Zinssätze", "Interest rates";
        No => "Nr.", "No.";
        Date => "Datum", "Date";
        RateCol => "Zins", "Rate";
        Instalment => "Rate", "Instalment";
        Interest => "Zinsen", "Interest";
        PrincipalPart => "Tilgung", "Principal";
        Remaining => "Restschuld", "Remaining debt";
        Status => "Status", "Status";
        Total => "Summe", "Total";
        Posted => "gebucht", "posted";
        Skipped => "ausgesetzt", "skipped";
        DueMark => "fällig", "due";
        Change => "Zinsänderung", "Rate change";
        ChangeHint => "Ab dem Datum gilt der neue Zinssatz; Raten ab dann werden neu berechnet (bei Annuität aus Restschuld und verbleibender Anzahl), gebuchte Raten bleiben.", "The new rate applies from the date on; instalments from then on are recomputed (for an annuity from the remaining debt and the number left), posted instalments stay.";
        ChangeFrom => "Gültig ab", "Valid from";
        NewRate => "Neuer Zinssatz % p. a.", "New rate % p.a.";
        Preview => "Vorschau: neuer Tilgungsplan ab dem Datum", "Preview: the new schedule from the date on";
        ChangeSave => "Zinsänderung speichern", "Save rate change";
        ChangeSaved => "Zinsänderung gespeichert ab", "Rate change saved from";
        BadAmount => "ist kein gültiger Betrag (höchstens 2 Nachkommastellen).", "is not a valid amount (at most 2 decimals).";
        BadRate => "ist kein gültiger Zinssatz (höchstens 4 Nachkommastellen).", "is not a valid rate (at most 4 decimals).";
        BadCount => "ist keine ganze Zahl von Raten.", "is not a whole number of instalments.";
        BadDay => "ist kein Tag (1–31).", "is not a day (1–31).";
        BadAccount => "ist keine Kontonummer.", "is not an account number.";
        NoStart => "Bitte das Auszahlungsdatum angeben.", "Please give the payout date.";
        NoFrom => "Bitte das Datum angeben, ab dem der neue Zinssatz gilt.", "Please give the date the new rate applies from.";
        NoClock => "Die Uhr des Browsers liefert keine gültige Zeit; es wurde nichts gespeichert.", "The browser's clock gives no valid time; nothing was saved.";
    }
}

#[component]
pub fn LoanPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    let number = Memo::new(move |_| params.get().get("number"));
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page loan-page" data-page="loan">
            <A href="/financials/loans" attr:class="back-link">{move || i18n.t(T::Back)}</A>
            {move || match (open.get(), number.get()) {
                (false, _) => view! { <NoCompany /> }.into_any(),
                (true, n) => {
                    let n = n.and_then(|n| n.parse::<u32>().ok());
                    view! { <LoanBody number=n /> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn LoanBody(number: Option<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let form = untrack(|| {
        app.with_book(|b| Form::new(Some(b), today()))
            .unwrap_or_else(|| Form::new(None, today()))
    });
    if let Some(n) = number {
        let found = untrack(|| app.with_book(|b| b.recurring().loan(n).cloned()).flatten());
        match found {
            Some(l) => form.load(&l, i18n.lang_untracked()),
            None => {
                return view! { <p class="notice" data-testid="loan-unknown">{move || i18n.t(T::Unknown)}</p> }
                    .into_any();
            }
        }
    }
    let saved = Memo::new(move |_| {
        number.and_then(|n| app.with_book(|b| b.recurring().loan(n).cloned()).flatten())
    });
    // A language switch rewrites the typed amounts the new way (10.000,00
    // is not an English number); a form that does not read stays as typed.
    let typed_in = StoredValue::new(i18n.lang_untracked());
    Effect::new(move |_| {
        let lang = i18n.lang();
        let before = typed_in.get_value();
        if before != lang {
            typed_in.set_value(lang);
            if let Ok(l) = untrack(|| form.read(before, false)) {
                form.load(&l, lang);
            }
        }
    });
    // A saved rate change shows in the schedule of the form (and a later
    // save of the form keeps it).
    Effect::new(move |_| {
        if let Some(l) = saved.get() {
            form.later_rates
                .set(l.rates.iter().skip(1).copied().collect());
        }
    });
    let decimals = untrack(|| app.with_book(|b| b.settings().lc_decimals()).unwrap_or(2));
    let done = Signal::derive(move || saved.get().map(|l| l.done).unwrap_or_default());
    // The schedule of what is typed.
    let rows = Memo::new(move |_| {
        form.read(i18n.lang(), true)
            .ok()
            .and_then(|l| l.rows().ok())
    });
    let refusal = RwSignal::new(None::<Said<T>>);
    let notice = RwSignal::new(None::<Said<T>>);
    let navigate = StoredValue::new_local(use_navigate());
    let save = Action::new_local(move |_: &()| async move {
        refusal.set(None);
        notice.set(None);
        match save_loan(app, form, i18n.lang_untracked()).await {
            Ok((created, n, name)) => {
                let t = if created { T::Created } else { T::Saved };
                notice.set(Some(Said::Done(t, format!("{n} {name}"))));
                if created {
                    navigate
                        .with_value(|go| go(&format!("/financials/loans/{n}"), Default::default()));
                }
            }
            Err(said) => refusal.set(Some(said)),
        }
    });
    let csv = move || {
        let lang = i18n.lang_untracked();
        if let Some(r) = rows.get_untracked() {
            let n = form.number.get_untracked();
            let name = match lang {
                crate::ui::i18n::Lang::De => format!("darlehen-{n}-tilgungsplan.csv"),
                crate::ui::i18n::Lang::En => format!("loan-{n}-schedule.csv"),
            };
            offer_csv(
                &name,
                &schedule_csv(&r, &done.get_untracked(), today(), decimals, lang),
            );
        }
    };
    let shortcut = window_event_listener(ev::keydown, move |e| {
        if e.ctrl_key() && e.key() == "Enter" {
            e.prevent_default();
            save.dispatch(());
        } else if e.alt_key() && !e.ctrl_key() && e.key().eq_ignore_ascii_case("e") {
            e.prevent_default();
            csv();
        }
    });
    on_cleanup(move || shortcut.remove());
    let pending = save.pending();
    view! {
        <h1 data-testid="loan-title">{move || match saved.get() {
            Some(l) => format!("{} {}", l.number, l.name),
            None => i18n.t(T::NewTitle).to_string(),
        }}</h1>
        <p class="lead">{move || i18n.t(T::Lead)}</p>
        <form class="form loan-form" data-testid="loan-form"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <Fields form=form />
            <ErrorBox message=Signal::derive(move || refusal.get().map(|r| r.say(i18n.lang()))) />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="loan-notice">{move || notice.get().map(|n| n.say(i18n.lang()))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="loan-save" pending=move || pending.get()>
                    {move || if saved.get().is_some() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
                <A href="/financials/recurring/due" attr:class="button" attr:data-testid="loan-due-link">{move || i18n.t(T::DueLink)}</A>
            </div>
        </form>
        <section class="loan-schedule-section">
            <div class="section-head">
                <h2>{move || i18n.t(T::Schedule)}</h2>
                <button type="button" class="button small" data-testid="loan-csv"
                    prop:disabled=move || rows.get().is_none() on:click=move |_| csv()>{move || i18n.t(T::Csv)}</button>
            </div>
            <Show when=move || saved.get().is_some_and(|l| l.rates.len() > 1)>
                <p class="muted small" data-testid="loan-rates">{move || {
                    let lang = i18n.lang();
                    format!("{}: {}", i18n.t(T::Rates), saved.get().map(|l| rates_words(&l.rates, lang)).unwrap_or_default())
                }}</p>
            </Show>
            {move || match rows.get() {
                Some(r) => view! { <ScheduleTable rows=r done=done today=today() decimals=decimals testid="loan-schedule" /> }.into_any(),
                None => view! { <p class="muted" data-testid="loan-no-schedule">{move || i18n.t(T::NoSchedule)}</p> }.into_any(),
            }}
        </section>
        // Shown once the loan is saved, and not made anew when a rate
        // change changes it (its notice would be lost).
        <Show when=move || saved.with(|l| l.is_some())>
            <RateChange saved=saved decimals=decimals />
        </Show>
    }
    .into_any()
}

/// Reads, checks and stores the form: `(created, number, name)`.
async fn save_loan(
    app: AppState,
    form: Form,
    lang: crate::ui::i18n::Lang,
) -> Result<(bool, u32, String), Said<T>> {
    let loan = form.read(lang, false)?;
    let created = loan.number == 0;
    let Some(at) = now() else {
        return Err(Said::Plain(T::NoClock));
    };
    let cmd = Command::Recurring(RecurringCommand::SaveLoan {
        loan: Box::new(loan),
        by: user(),
        at,
    });
    let events = app.execute(cmd).await.map_err(Said::Session)?;
    let stored = events.iter().find_map(|e| match e {
        Event::Recurring(RecurringEvent::LoanSaved { loan, .. }) => {
            Some((loan.number, loan.name.clone()))
        }
        _ => None,
    });
    let (n, name) = stored.unwrap_or_default();
    Ok((created, n, name))
}

#[component]
fn Fields(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    let input =
        move |label: T, value: RwSignal<String>, testid: &'static str, class: &'static str| {
            view! {
                <label class=format!("field {class}")>
                    <span>{move || i18n.t(label)}</span>
                    <input type="text" autocomplete="off" data-testid=testid
                        class:num=class.contains("narrow")
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev)) />
                </label>
            }
        };
    let every: [(u8, T); 4] = [
        (1, T::Monthly),
        (3, T::Quarterly),
        (6, T::HalfYearly),
        (12, T::Yearly),
    ];
    view! {
        <fieldset>
            <legend>{move || i18n.t(T::Terms)}</legend>
            <div class="field-row">
                {input(T::Name, form.name, "loan-name", "wide")}
                {input(T::Principal, form.principal, "loan-principal", "narrow")}
                {input(T::Rate, form.rate, "loan-rate", "narrow")}
            </div>
            <div class="field-row">
                <DateField label=T::Start value=form.start testid="loan-start" />
                {input(T::Count, form.instalments, "loan-count", "narrow")}
                <label class="field">
                    <span>{move || i18n.t(T::Every)}</span>
                    <select data-testid="loan-every" on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).parse::<u8>() { form.every_months.set(m) }
                    }>
                        {every.into_iter().map(|(m, t)| view! {
                            <option value=m.to_string() selected=move || form.every_months.get() == m>{move || i18n.t(t)}</option>
                        }).collect_view()}
                    </select>
                </label>
                {input(T::Day, form.payment_day, "loan-day", "narrow")}
                <label class="field">
                    <span>{move || i18n.t(T::Repayment)}</span>
                    <select data-testid="loan-repayment" on:change=move |ev| form.annuity.set(event_target_value(&ev) == "annuity")>
                        <option value="annuity" selected=move || form.annuity.get()>{move || i18n.t(T::Annuity)}</option>
                        <option value="fixed" selected=move || !form.annuity.get()>{move || i18n.t(T::Fixed)}</option>
                    </select>
                </label>
            </div>
        </fieldset>
        <fieldset>
            <legend>{move || i18n.t(T::Accounts)}</legend>
            <p class="muted hint">{move || i18n.t(T::AccountsHint)}</p>
            <AccountList />
            <div class="field-row">
                <AccountInput label=T::LoanAccount value=form.loan_account testid="loan-account" />
                <AccountInput label=T::InterestAccount value=form.interest_account testid="loan-interest-account" />
                <AccountInput label=T::BankAccount value=form.bank_account testid="loan-bank-account" />
            </div>
            <label class="check">
                <input type="checkbox" data-testid="loan-active" prop:checked=move || form.active.get()
                    on:change=move |ev| form.active.set(event_target_checked(&ev)) />
                <span>{move || i18n.t(T::Active)}</span>
            </label>
        </fieldset>
    }
}

/// The chart's postable accounts, offered while typing an account.
#[component]
fn AccountList() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let options = move || {
        let german = i18n.is_de();
        app.with_book(|b| {
            b.accounts()
                .filter(|a| a.postable && a.active && !a.control)
                .map(|a| (a.number.to_string(), a.name(german).to_string()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .map(|(n, name)| view! { <option value=n>{name}</option> })
        .collect_view()
    };
    view! { <datalist id="loan-accounts">{options}</datalist> }
}

#[component]
fn AccountInput(label: T, value: RwSignal<String>, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let name = move || {
        let text = value.get();
        let number = text.split_whitespace().next().unwrap_or("").to_string();
        let german = i18n.is_de();
        app.with_book(|b| {
            b.accounts()
                .find(|a| a.number.to_string() == number)
                .map(|a| a.name(german).to_string())
        })
        .flatten()
        .unwrap_or_default()
    };
    view! {
        <label class="field account-field">
            <span>{move || i18n.t(label)}</span>
            <input type="text" list="loan-accounts" autocomplete="off" class="account-no-input" data-testid=testid
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
            <span class="account-name muted" data-testid=format!("{testid}-name")>{name}</span>
        </label>
    }
}

/// A new rate from a date: the preview of the schedule from then on, and
/// `ChangeLoanRate`.
#[component]
fn RateChange(saved: Memo<Option<Loan>>, decimals: u32) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let number = saved.with_untracked(|l| l.as_ref().map_or(0, |l| l.number));
    let from = RwSignal::new(None::<NaiveDate>);
    let rate = RwSignal::new(String::new());
    let refusal = RwSignal::new(None::<Said<T>>);
    let notice = RwSignal::new(None::<Said<T>>);
    let parsed = move || -> Option<(NaiveDate, Decimal)> {
        let r = rate.get();
        let r = r.trim().trim_end_matches('%').trim();
        let value = parse_amount(r, number_style(i18n.lang()), RATE_DECIMALS).ok()?;
        Some((from.get()?, value))
    };
    let preview = Memo::new(move |_| -> Option<Vec<Row>> {
        let (f, r) = parsed()?;
        saved.get()?.with_rate(f, r).rows().ok()
    });
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        refusal.set(None);
        notice.set(None);
        let Some(f) = from.get_untracked() else {
            return refusal.set(Some(Said::Plain(T::NoFrom)));
        };
        let text = rate.get_untracked();
        let Ok(r) = parse_amount(
            text.trim().trim_end_matches('%').trim(),
            number_style(lang),
            RATE_DECIMALS,
        ) else {
            return refusal.set(Some(Said::Typed(text, T::BadRate)));
        };
        let Some(at) = now() else {
            return refusal.set(Some(Said::Plain(T::NoClock)));
        };
        let cmd = Command::Recurring(RecurringCommand::ChangeLoanRate {
            loan: number,
            from: f,
            rate: r,
            by: user(),
            at,
        });
        match app.execute(cmd).await {
            Ok(_) => {
                notice.set(Some(Said::Done(
                    T::ChangeSaved,
                    crate::ui::components::fmt_date(f, lang),
                )));
                rate.set(String::new());
            }
            Err(e) => refusal.set(Some(Said::Session(e))),
        }
    });
    let done = Signal::derive(move || saved.get().map(|l| l.done).unwrap_or_default());
    view! {
        <section class="loan-rate-change" data-testid="rate-change">
            <h2>{move || i18n.t(T::Change)}</h2>
            <p class="muted hint">{move || i18n.t(T::ChangeHint)}</p>
            <form class="form loan-form loan-rate-form" on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
                <div class="field-row">
                    <DateField label=T::ChangeFrom value=from testid="rate-from" />
                    <label class="field narrow">
                        <span>{move || i18n.t(T::NewRate)}</span>
                        <input type="text" class="num" autocomplete="off" data-testid="rate-new"
                            prop:value=move || rate.get()
                            on:input=move |ev| rate.set(event_target_value(&ev)) />
                    </label>
                </div>
                <ErrorBox message=Signal::derive(move || refusal.get().map(|r| r.say(i18n.lang()))) />
                <Show when=move || notice.get().is_some()>
                    <div class="success-box" role="status" data-testid="rate-notice">{move || notice.get().map(|n| n.say(i18n.lang()))}</div>
                </Show>
                {move || preview.get().map(|rows| {
                    let f = from.get();
                    view! {
                        <h3>{move || i18n.t(T::Preview)}</h3>
                        <ScheduleTable rows=rows done=done today=today() decimals=decimals testid="rate-preview" from=f.unwrap_or(NaiveDate::MIN) />
                    }
                })}
                <div class="actions">
                    <SaveButton testid="rate-save" pending=move || save.pending().get()>{move || i18n.t(T::ChangeSave)}</SaveButton>
                </div>
            </form>
        </section>
    }
}
