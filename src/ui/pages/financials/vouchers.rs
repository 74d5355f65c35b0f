//! Journal vouchers (Buchungsstapel): entries collected from the entry
//! screen, saved as drafts (never part of the log), reviewed, then posted
//! together — all or none — or deleted. Entries are kept as typed forms,
//! so one can go back to the entry screen for editing. Posting asks first
//! when an entry has plausibility warnings (as the entry screen does); a
//! confirmed closing period posts with the closing right.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rust_decimal::Decimal;

use crate::formats::amount::format_amount;
use crate::forms::entry::EntryForm;
use crate::ledger::Command;
use crate::ledger::posting::Voucher;
use crate::ledger::posting::{EntryWarning, entry_warnings};
use crate::ledger::posting::{PostingCommand, Rights};
use crate::store::{CompanyLog, StoreError};
use crate::texts;
use crate::ui::components::use_change_right;
use crate::ui::components::{
    ErrorBox, NoCompany, OPEN_VOUCHER_KEY, VOUCHER_PREFIX, VoucherDraft, current_voucher_key,
    load_voucher, number_style, save_voucher, today,
};
use crate::ui::errors::{entry_warning, map_warning_line, session_error, store_error};
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Buchungsstapel", "Journal vouchers";
        Lead => "Buchungen sammeln, prüfen und gemeinsam buchen – alles oder nichts. Stapel sind Entwürfe: sie ändern die Bücher erst beim Buchen.", "Collect entries, review them, post them together – all or nothing. Vouchers are drafts: they change the books only when posted.";
        Empty => "Keine offenen Stapel. In der Journalbuchung fügt Alt+S die Buchung dem Stapel hinzu.", "No open vouchers. In the journal entry, Alt+S adds the entry to the voucher.";
        Voucher => "Stapel", "Voucher";
        Current => "aktuell", "current";
        Date => "Datum", "Date";
        Reference => "Referenz", "Reference";
        Memo => "Text", "Memo";
        Lines => "Zeilen", "Lines";
        Debit => "Soll", "Debit";
        Difference => "Differenz", "Difference";
        PostAll => "Alle buchen", "Post all";
        Delete => "Stapel löschen", "Delete voucher";
        Edit => "Bearbeiten", "Edit";
        MakeCurrent => "Als aktuell wählen", "Make current";
        New => "Neuer Stapel", "New voucher";
        PostedAll => "Stapel gebucht:", "Voucher posted:";
        EntriesWord => "Buchungen", "entries";
        ConfirmDelete => "Wirklich löschen? Die Entwürfe gehen verloren.", "Really delete? The drafts are lost.";
        Yes => "Ja, löschen", "Yes, delete";
        No => "Abbrechen", "Cancel";
        EntryN => "Buchung", "Entry";
        ConfirmPost => "Der Stapel hat Hinweise. Trotzdem buchen?", "The voucher has warnings. Post it anyway?";
        PostAnyway => "Trotzdem buchen", "Post anyway";
    }
}

#[component]
pub fn VouchersPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let vouchers = RwSignal::new(Vec::<(String, VoucherDraft)>::new());
    let current = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);

    let reload = move || {
        leptos::task::spawn_local(async move {
            let Some(session) = app.session() else { return };
            let keys = session.log().list_drafts().await.unwrap_or_default();
            let mut list = Vec::new();
            for key in keys.into_iter().filter(|k| k.starts_with(VOUCHER_PREFIX)) {
                if let Ok(v) = load_voucher(app, &key).await
                    && !v.entries.is_empty()
                {
                    list.push((key, v));
                }
            }
            current.set(current_voucher_key(app).await.unwrap_or_default());
            vouchers.set(list);
        });
    };
    Effect::new(move |_| {
        app.company.track();
        reload();
    });

    let new_voucher = move |_| {
        leptos::task::spawn_local(async move {
            let Some(session) = app.session() else { return };
            let keys = session.log().list_drafts().await.unwrap_or_default();
            let next = keys
                .iter()
                .filter_map(|k| k.strip_prefix(VOUCHER_PREFIX)?.parse::<u32>().ok())
                .max()
                .unwrap_or(0)
                + 1;
            if let Err(e) = session
                .log()
                .put_draft(OPEN_VOUCHER_KEY, &format!("{VOUCHER_PREFIX}{next}"))
                .await
            {
                error.set(Some(store_error(&e, i18n.lang_untracked())));
            }
            reload();
        });
    };

    view! {
        <section class="page vouchers-page" data-page="vouchers">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            <Show when=move || app.company.get().is_some() fallback=|| view! { <NoCompany /> }>
                <div class="toolbar">
                    <button class="button" on:click=new_voucher>{move || i18n.t(T::New)}</button>
                </div>
                <ErrorBox message=Signal::derive(move || error.get()) />
                {move || notice.get().map(|n| view! { <div class="success-box" role="status" data-testid="voucher-posted">{n}</div> })}
                <Show when=move || vouchers.get().is_empty()>
                    <p class="muted" data-testid="no-vouchers">{move || i18n.t(T::Empty)}</p>
                </Show>
                <For each=move || vouchers.get() key=|(k, v)| (k.clone(), v.entries.len()) let:item>
                    <VoucherCard key=item.0 voucher=item.1 current=current error=error notice=notice on_change=Callback::new(move |_| reload()) />
                </For>
            </Show>
        </section>
    }
}

#[component]
fn VoucherCard(
    key: String,
    voucher: VoucherDraft,
    current: RwSignal<String>,
    error: RwSignal<Option<String>>,
    notice: RwSignal<Option<String>>,
    on_change: Callback<()>,
) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let navigate = use_navigate();
    let key = StoredValue::new(key);
    let voucher = StoredValue::new(voucher);
    let confirm = RwSignal::new(false);
    let is_current = move || current.get() == key.get_value();

    // Warnings waiting for an answer: (entry index, warning in grid rows).
    let asking = RwSignal::new(None::<Vec<(usize, EntryWarning)>>);
    let post_all = Action::new_local(move |confirmed: &bool| {
        let confirmed = *confirmed;
        async move {
            let lang = i18n.lang_untracked();
            error.set(None);
            let style = number_style(lang);
            let v = voucher.get_value();
            let mut entries = Vec::with_capacity(v.entries.len());
            for (i, form) in v.entries.iter().enumerate() {
                // Partner codes in account cells are read with the book.
                let read =
                    untrack(|| app.with_book(|b| form.to_book_draft(b, style, today(), "kontor")));
                match read {
                    Some(Ok(d)) => entries.push(d),
                    _ => {
                        error.set(Some(format!(
                            "{} {}: {}",
                            T::EntryN.text(lang),
                            i + 1,
                            T::Difference.text(lang)
                        )));
                        return;
                    }
                }
            }
            let warnings: Vec<(usize, EntryWarning)> = untrack(|| {
                app.with_book(|b| {
                    v.entries
                        .iter()
                        .zip(&entries)
                        .enumerate()
                        .flat_map(|(i, (form, draft))| {
                            entry_warnings(b.context(), draft)
                                .into_iter()
                                .map(move |w| (i, map_warning_line(&w, |n| form.row_of_line(n))))
                        })
                        .collect()
                })
            })
            .unwrap_or_default();
            if !warnings.is_empty() && !confirmed {
                asking.set(Some(warnings));
                return;
            }
            asking.set(None);
            let count = entries.len();
            let command = Command::Posting(PostingCommand::PostVoucher {
                voucher: Voucher {
                    reference: v.name.clone(),
                    memo: String::new(),
                    entries,
                    // Each entry carries its grid's key: posting the
                    // voucher again is refused at its first entry.
                    key: None,
                },
            });
            let rights = Rights {
                post_into_closing: warnings.iter().any(|(_, w)| w.needs_closing_right()),
                // No user holds the right to exceed a commitment limit until
                // users and rights exist: over it, the entry is refused.
                exceed_commitment_limit: false,
            };
            match app.execute_with(rights, command).await {
                Ok(_) => {
                    // A draft left behind cannot post twice (its entries'
                    // keys are posted), but the user is told it stayed.
                    if let Some(session) = app.session()
                        && let Err(e) = session.log().delete_draft(&key.get_value()).await
                    {
                        error.set(Some(store_error(&e, lang)));
                    }
                    notice.set(Some(format!(
                        "{} {count} {}",
                        T::PostedAll.text(lang),
                        T::EntriesWord.text(lang)
                    )));
                    on_change.run(());
                }
                Err(e) => error.set(Some(session_error(&e, lang))),
            }
        }
    });

    let delete = move |_| {
        leptos::task::spawn_local(async move {
            if let Some(session) = app.session()
                && let Err(e) = session.log().delete_draft(&key.get_value()).await
            {
                error.set(Some(store_error(&e, i18n.lang_untracked())));
            }
            on_change.run(());
        });
    };
    let make_current = move |_| {
        leptos::task::spawn_local(async move {
            if let Some(session) = app.session()
                && let Err(e) = session
                    .log()
                    .put_draft(OPEN_VOUCHER_KEY, &key.get_value())
                    .await
            {
                error.set(Some(store_error(&e, i18n.lang_untracked())));
            }
            on_change.run(());
        });
    };
    let edit = move |index: usize| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let lang = i18n.lang_untracked();
            let mut v = voucher.get_value();
            if index >= v.entries.len() {
                return;
            }
            let form = v.entries.remove(index);
            let result = async {
                let json = serde_json::to_string(&form).map_err(|e| StoreError::Unexpected {
                    detail: e.to_string(),
                })?;
                let session = app.session().ok_or(StoreError::NotFound {
                    what: "company".into(),
                })?;
                session.log().put_draft("entry-form", &json).await?;
                save_voucher(app, &key.get_value(), &v).await
            }
            .await;
            match result {
                Ok(()) => navigate("/financials/entry", Default::default()),
                Err(e) => error.set(Some(store_error(&e, lang))),
            }
        });
    };

    // Debit total and open difference, with the local currency's decimals.
    let totals = move |form: &EntryForm| -> (Decimal, Decimal, u32) {
        let style = number_style(i18n.lang());
        app.with_book(|book| {
            let debit: Decimal = form
                .lines
                .iter()
                .filter_map(|l| crate::formats::amount::parse_amount(&l.debit, style, 10).ok())
                .sum();
            // The entry grid's own check: what the posting will meet.
            let check = form.check(book, style, today(), "kontor");
            let decimals = book.settings().lc_decimals();
            (debit, check.diff_lc().unwrap_or_default(), decimals)
        })
        .unwrap_or((Decimal::ZERO, Decimal::ZERO, 2))
    };

    view! {
        <article class="card voucher-card" data-voucher=key.get_value()>
            <header class="voucher-head">
                <h3>{move || i18n.t(T::Voucher)} " " {voucher.get_value().name}</h3>
                <Show when=is_current><span class="badge ok">{move || i18n.t(T::Current)}</span></Show>
            </header>
            <div class="table-wrap">
                <table class="data">
                    <thead><tr>
                        <th class="num">"#"</th>
                        <th>{move || i18n.t(T::Date)}</th>
                        <th>{move || i18n.t(T::Reference)}</th>
                        <th>{move || i18n.t(T::Memo)}</th>
                        <th class="num">{move || i18n.t(T::Lines)}</th>
                        <th class="num">{move || i18n.t(T::Debit)}</th>
                        <th class="num">{move || i18n.t(T::Difference)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>
                        {voucher.get_value().entries.into_iter().enumerate().map(|(i, form)| {
                            let lines = form.lines.iter().filter(|l| !l.is_blank()).count();
                            let f = form.clone();
                            let edit = edit.clone();
                            view! {
                                <tr>
                                    <td class="num">{i + 1}</td>
                                    <td>{form.posting_date.clone()}</td>
                                    <td>{form.reference.clone()}</td>
                                    <td>{form.memo.clone()}</td>
                                    <td class="num">{lines}</td>
                                    <td class="num">{move || {
                                        let (debit, _, d) = totals(&f);
                                        format_amount(debit, d, number_style(i18n.lang()))
                                    }}</td>
                                    <td class="num" class:bad=move || !totals(&form).1.is_zero()>{
                                        let f2 = form.clone();
                                        move || {
                                            let (_, open, d) = totals(&f2);
                                            format_amount(open, d, number_style(i18n.lang()))
                                        }
                                    }</td>
                                    <td><button class="button small" on:click=move |_| edit(i)>{move || i18n.t(T::Edit)}</button></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || asking.get().map(|warnings| view! {
                <div class="confirm-box" role="alertdialog" data-testid="confirm-voucher"
                    aria-label=move || i18n.t(T::ConfirmPost)>
                    <p class="warning">{move || i18n.t(T::ConfirmPost)}</p>
                    <ul>{warnings.iter().map(|(i, w)| view! {
                        <li>{format!("{} {}: {}", i18n.t(T::EntryN), i + 1, entry_warning(w, i18n.lang()))}</li>
                    }).collect_view()}</ul>
                    <button type="button" class="button primary" data-testid="voucher-post-anyway"
                        on:click=move |_| { post_all.dispatch(true); }>{move || i18n.t(T::PostAnyway)}</button>
                    <button type="button" class="button" on:click=move |_| asking.set(None)>{move || i18n.t(T::No)}</button>
                </div>
            })}
            <div class="actions">
                <button class="button primary" data-testid="post-voucher" disabled=move || post_all.pending().get() || right.denied()
                    on:click=move |_| { post_all.dispatch(false); } title=move || right.why()>{move || i18n.t(T::PostAll)}</button>
                <Show when=move || !is_current()>
                    <button class="button" on:click=make_current>{move || i18n.t(T::MakeCurrent)}</button>
                </Show>
                <Show when=move || !confirm.get() fallback=move || view! {
                    <span class="warning">{move || i18n.t(T::ConfirmDelete)}</span>
                    <button class="button danger" on:click=delete>{move || i18n.t(T::Yes)}</button>
                    <button class="button" on:click=move |_| confirm.set(false)>{move || i18n.t(T::No)}</button>
                }>
                    <button class="button danger" on:click=move |_| confirm.set(true)>{move || i18n.t(T::Delete)}</button>
                </Show>
            </div>
        </article>
    }
}
