//! Chart of accounts (Kontenplan): the accounts as a tree (title accounts
//! with their children), search by number or name as you type, balances,
//! add / edit / deactivate through commands, click through to the sheet.
//!
//! Balances are all-time LC balances (every posted period, debit
//! positive); a title account shows the sum of the accounts under it.
//!
//! "Nur verwendete Konten" (Alt+U) hides the accounts a company never
//! used (`Book::used_accounts`: no postings, named nowhere), so the full
//! SKR03/SKR04 of over a thousand accounts reads like the company's own
//! chart; on by default above [`USED_ONLY_FROM`] accounts, remembered per
//! company in localStorage; a search still finds hidden accounts. The
//! table shows [`PAGE`] rows at a time.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use gloo::storage::{LocalStorage as Browser, Storage};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use rust_decimal::Decimal;

use crate::forms::search::best_match;
use crate::ledger::Book;
use crate::ledger::Command;
use crate::ledger::gl::GlCommand;
use crate::ledger::gl::{Account, AccountCurrency, AccountType};
use crate::ledger::types::AccountNo;
use crate::ledger::types::Currency;
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::use_change_right;
use crate::ui::components::{
    NoCompany, Pager, TYPE_ORDER, fmt_amount, focus, lc_of, sheet_href, type_name,
};

/// A count with the language's thousands separator ("1.150", "1,150").
fn fmt_count(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = if lang == Lang::De { '.' } else { ',' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Kontenplan", "Chart of accounts";
        Lead => "Titelkonten gruppieren, gebucht wird auf die Konten darunter. Salden in Hauswährung über alle Perioden. Enter im Suchfeld öffnet das Kontoblatt des besten Treffers (Nummer vor Name, ganzes Wort vor Wortteil).", "Title accounts group; postings go to the accounts below them. Balances in local currency over all periods. Enter in the search field opens the best match's account sheet (number before name, whole word before part of a word).";
        Search => "Suche nach Nummer oder Name", "Search by number or name";
        New => "Neues Konto (Alt+A)", "New account (Alt+A)";
        ExpandAll => "Alle aufklappen", "Expand all";
        CollapseAll => "Alle zuklappen", "Collapse all";
        ShowInactive => "Inaktive zeigen", "Show inactive";
        Number => "Konto", "Account";
        Name => "Bezeichnung", "Name";
        Type => "Kontotyp", "Type";
        Currency => "Währung", "Currency";
        Balance => "Saldo", "Balance";
        Actions => "Aktionen", "Actions";
        Edit => "Bearbeiten", "Edit";
        Deactivate => "Deaktivieren", "Deactivate";
        Activate => "Aktivieren", "Activate";
        Inactive => "inaktiv", "inactive";
        Control => "Sammelkonto", "control account";
        TitleAccount => "Titelkonto", "title account";
        Local => "Hauswährung", "Local currency";
        All => "Alle Währungen", "All currencies";
        NoMatches => "Kein Konto passt zur Suche.", "No account matches the search.";
        Matches => "Konten", "accounts";
        NewTitle => "Neues Konto", "New account";
        EditTitle => "Konto bearbeiten", "Edit account";
        NameDe => "Bezeichnung (deutsch)", "Name (German)";
        NameEn => "Bezeichnung (englisch)", "Name (English)";
        Parent => "Titelkonto darüber", "Under title account";
        NoParent => "– keines –", "– none –";
        Postable => "Bebuchbar (sonst Titelkonto)", "Postable (else title account)";
        IsControl => "Sammelkonto (Forderungen/Verbindlichkeiten)", "Control account (receivables/payables)";
        Active => "Aktiv", "Active";
        Save => "Speichern", "Save";
        Cancel => "Abbrechen", "Cancel";
        Expand => "Aufklappen", "Expand";
        Collapse => "Zuklappen", "Collapse";
        // Issue 19 (full charts): used accounts only.
        UsedOnly => "Nur verwendete Konten (Alt+U)", "Used accounts only (Alt+U)";
        HiddenUnused => "nie verwendete Konten ausgeblendet – die Suche findet sie trotzdem", "unused accounts hidden – a search still finds them";
        Unused => "nicht verwendet", "unused";
    }
}

/// Rows per page: the DOM holds at most this many rows (the full SKR03
/// has 1,296 accounts; rendering all at once lagged by about a second).
const PAGE: usize = 400;

/// From this many accounts on, "used accounts only" starts switched on.
pub const USED_ONLY_FROM: usize = 300;

/// localStorage key of the "used accounts only" choice of company `id`.
fn used_only_key(id: &str) -> String {
    format!("kontor.accounts.used_only.{id}")
}

/// The rows shown when only used accounts are: the used postable ones and
/// the titles above them (so the tree still reads).
fn used_rows(nodes: &[Node], used: &BTreeSet<AccountNo>) -> HashSet<AccountNo> {
    nodes
        .iter()
        .filter(|n| n.account.postable && used.contains(&n.account.number))
        .flat_map(|n| n.ancestors.iter().copied().chain([n.account.number]))
        .collect()
}

/// One row of the tree, in display order.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Node {
    account: Account,
    depth: usize,
    has_children: bool,
    /// All-time LC balance; titles: the sum of everything under them.
    balance_lc: Decimal,
    /// Ancestors, nearest last (to hide children of collapsed titles).
    ancestors: Vec<AccountNo>,
}

fn own_balance(book: &Book, no: AccountNo) -> Decimal {
    book.account_totals(no)
        .map(|ts| ts.iter().map(|t| t.balance_lc()).sum())
        .unwrap_or_default()
}

/// The chart in tree order: each title followed by its children, accounts
/// without a (known) parent at the top level; all by number.
fn tree(book: &Book) -> Vec<Node> {
    let accounts: Vec<&Account> = book.accounts().collect();
    let known: HashSet<AccountNo> = accounts.iter().map(|a| a.number).collect();
    let mut children: BTreeMap<Option<AccountNo>, Vec<&Account>> = BTreeMap::new();
    for a in &accounts {
        let parent = a.parent.filter(|p| known.contains(p) && *p != a.number);
        children.entry(parent).or_default().push(a);
    }
    let mut out = Vec::with_capacity(accounts.len());
    let mut stack: Vec<AccountNo> = Vec::new();
    let mut visited = HashSet::new();
    fn walk(
        book: &Book,
        parent: Option<AccountNo>,
        children: &BTreeMap<Option<AccountNo>, Vec<&Account>>,
        stack: &mut Vec<AccountNo>,
        visited: &mut HashSet<AccountNo>,
        out: &mut Vec<Node>,
    ) -> Decimal {
        let mut sum = Decimal::ZERO;
        for a in children.get(&parent).map(Vec::as_slice).unwrap_or(&[]) {
            // A parent cycle would recurse forever; the engine should refuse
            // one, but the screen must not hang if it did not.
            if !visited.insert(a.number) {
                continue;
            }
            let index = out.len();
            out.push(Node {
                account: (*a).clone(),
                depth: stack.len(),
                has_children: children.contains_key(&Some(a.number)),
                balance_lc: Decimal::ZERO,
                ancestors: stack.clone(),
            });
            stack.push(a.number);
            let below = walk(book, Some(a.number), children, stack, visited, out);
            stack.pop();
            let balance = own_balance(book, a.number) + below;
            out[index].balance_lc = balance;
            sum += balance;
        }
        sum
    }
    walk(book, None, &children, &mut stack, &mut visited, &mut out);
    out
}

fn matches(a: &Account, needle: &str) -> bool {
    a.number.as_str().starts_with(needle)
        || a.name_de.to_lowercase().contains(needle)
        || a.name_en.to_lowercase().contains(needle)
}

/// The account form's fields as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Form {
    is_new: bool,
    number: String,
    name_de: String,
    name_en: String,
    account_type: AccountType,
    postable: bool,
    parent: String,
    control: bool,
    /// "local", "all" or an ISO code.
    currency: String,
    active: bool,
}

impl Form {
    fn new_under(parent: Option<&Account>) -> Form {
        Form {
            is_new: true,
            number: String::new(),
            name_de: String::new(),
            name_en: String::new(),
            account_type: parent.map(|p| p.account_type).unwrap_or(AccountType::Asset),
            postable: true,
            parent: parent.map(|p| p.number.to_string()).unwrap_or_default(),
            control: false,
            currency: "local".into(),
            active: true,
        }
    }

    fn edit(a: &Account) -> Form {
        Form {
            is_new: false,
            number: a.number.to_string(),
            name_de: a.name_de.clone(),
            name_en: a.name_en.clone(),
            account_type: a.account_type,
            postable: a.postable,
            parent: a.parent.map(|p| p.to_string()).unwrap_or_default(),
            control: a.control,
            currency: match a.currency {
                AccountCurrency::Local => "local".into(),
                AccountCurrency::All => "all".into(),
                AccountCurrency::Foreign(c) => c.as_str().to_string(),
            },
            active: a.active,
        }
    }

    /// The account the form describes; the engine checks the rest.
    fn account(&self) -> Result<Account, crate::ledger::DomainError> {
        let currency = match self.currency.as_str() {
            "local" => AccountCurrency::Local,
            "all" => AccountCurrency::All,
            code => AccountCurrency::Foreign(Currency::parse(code)?),
        };
        let parent = match self.parent.trim() {
            "" => None,
            p => Some(AccountNo::parse(p)?),
        };
        Ok(Account {
            number: AccountNo::parse(self.number.trim())?,
            name_de: self.name_de.trim().to_string(),
            name_en: self.name_en.trim().to_string(),
            account_type: self.account_type,
            postable: self.postable,
            parent,
            control: self.control,
            currency,
            active: self.active,
        })
    }
}

fn type_code(t: AccountType) -> &'static str {
    match t {
        AccountType::Asset => "asset",
        AccountType::Liability => "liability",
        AccountType::Equity => "equity",
        AccountType::Revenue => "revenue",
        AccountType::Expense => "expense",
    }
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let navigate = StoredValue::new_local(use_navigate());
    let search = RwSignal::new(String::new());
    let collapsed = RwSignal::new(HashSet::<AccountNo>::new());
    let show_inactive = RwSignal::new(true);
    let form = RwSignal::new(None::<Form>);
    let nodes = Memo::new(move |_| app.with_book(tree).unwrap_or_default());
    let lc = Memo::new(move |_| app.with_book(lc_of).unwrap_or(("EUR".into(), 2)));
    let used = Memo::new(move |_| app.with_book(|b| b.used_accounts()).unwrap_or_default());
    let used_only = RwSignal::new(false);
    // Decided once per company: the remembered choice, else on for a
    // chart of more than USED_ONLY_FROM accounts.
    let decided_for = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let Some(id) = app.company.with(|c| c.as_ref().map(|c| c.id.clone())) else {
            return;
        };
        let Some(count) = app.with_book(|b| b.accounts().count()) else {
            return;
        };
        if decided_for.with_value(|d| d.as_deref() == Some(id.as_str())) {
            return;
        }
        let remembered = Browser::get::<bool>(used_only_key(&id)).ok();
        used_only.set(remembered.unwrap_or(count > USED_ONLY_FROM));
        decided_for.set_value(Some(id));
    });
    let set_used_only = move |on: bool| {
        used_only.set(on);
        if let Some(id) = app
            .company
            .with_untracked(|c| c.as_ref().map(|c| c.id.clone()))
        {
            // Best effort: without localStorage the choice lasts the visit.
            let _ = Browser::set(used_only_key(&id), on);
        }
    };
    let hidden = Memo::new(move |_| {
        if !used_only.get() {
            return 0;
        }
        let used = used.get();
        nodes.with(|ns| {
            ns.iter()
                .filter(|n| n.account.postable && !used.contains(&n.account.number))
                .count()
        })
    });
    let page = RwSignal::new(0usize);
    // A new filter starts on its first page.
    Effect::new(move |_| {
        search.track();
        used_only.track();
        show_inactive.track();
        collapsed.track();
        page.set(0);
    });
    let visible = Memo::new(move |_| {
        let needle = search.get().trim().to_lowercase();
        let nodes = nodes.get();
        let inactive = show_inactive.get();
        if needle.is_empty() {
            let closed = collapsed.get();
            let keep = used_only.get().then(|| used.with(|u| used_rows(&nodes, u)));
            return nodes
                .into_iter()
                .filter(|n| inactive || n.account.active)
                .filter(|n| keep.as_ref().is_none_or(|k| k.contains(&n.account.number)))
                .filter(|n| !n.ancestors.iter().any(|a| closed.contains(a)))
                .collect::<Vec<_>>();
        }
        // Matches plus the titles above them, so the tree still reads.
        let hit: HashSet<AccountNo> = nodes
            .iter()
            .filter(|n| matches(&n.account, &needle))
            .flat_map(|n| n.ancestors.iter().copied().chain([n.account.number]))
            .collect();
        nodes
            .into_iter()
            .filter(|n| inactive || n.account.active)
            .filter(|n| hit.contains(&n.account.number))
            .collect()
    });
    // Enter opens the account meant, not the first in tree order: exact
    // number, number prefix, whole name or word before a mere substring.
    let open_first = move || {
        let needle = search.get_untracked();
        let nodes = visible.get_untracked();
        let postable = nodes.iter().map(|n| &n.account).filter(|a| a.postable);
        let chosen = if needle.trim().is_empty() {
            postable.into_iter().next()
        } else {
            best_match(postable, &needle)
        };
        if let Some(account) = chosen {
            navigate.with_value(|nav| nav(&sheet_href(account.number, None), Default::default()));
        }
    };
    let new_account = move || form.set(Some(Form::new_under(None)));
    let shortcut = window_event_listener(ev::keydown, move |e| {
        if e.alt_key() && !e.ctrl_key() && !e.meta_key() && e.key().eq_ignore_ascii_case("a") {
            e.prevent_default();
            new_account();
        }
        if e.alt_key() && !e.ctrl_key() && !e.meta_key() && e.key().eq_ignore_ascii_case("u") {
            e.prevent_default();
            set_used_only(!used_only.get_untracked());
        }
    });
    on_cleanup(move || shortcut.remove());
    let search_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = search_ref.get() {
            focus(&input);
        }
    });
    let toggle = move |no: AccountNo| {
        collapsed.update(|c| {
            if !c.remove(&no) {
                c.insert(no);
            }
        })
    };
    let collapse_all = move || {
        let titles = nodes
            .get_untracked()
            .iter()
            .filter(|n| n.has_children)
            .map(|n| n.account.number)
            .collect();
        collapsed.set(titles);
    };

    view! {
        <section class="page accounts-page" data-page="accounts">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead">{move || i18n.t(T::Lead)}</p>
                    <div class="toolbar">
                        <label class="field search-field">
                            <span>{move || i18n.t(T::Search)}</span>
                            <input type="search" data-testid="account-search" node_ref=search_ref autocomplete="off"
                                prop:value=move || search.get()
                                on:input=move |ev| search.set(event_target_value(&ev))
                                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); open_first() } />
                        </label>
                        <label class="check used-only">
                            <input type="checkbox" data-testid="account-used-only" prop:checked=move || used_only.get()
                                on:change=move |ev| set_used_only(event_target_checked(&ev)) />
                            {move || i18n.t(T::UsedOnly)}
                        </label>
                        <label class="check">
                            <input type="checkbox" prop:checked=move || show_inactive.get()
                                on:change=move |ev| show_inactive.set(event_target_checked(&ev)) />
                            {move || i18n.t(T::ShowInactive)}
                        </label>
                        <div class="toolbar-actions">
                            <button class="button small" on:click=move |_| collapsed.set(HashSet::new())>{move || i18n.t(T::ExpandAll)}</button>
                            <button class="button small" on:click=move |_| collapse_all()>{move || i18n.t(T::CollapseAll)}</button>
                            <button class="button primary" data-testid="account-new" on:click=move |_| new_account() disabled=move || right.denied() title=move || right.why()>{move || i18n.t(T::New)}</button>
                        </div>
                    </div>
                    {move || form.get().map(|f| view! { <AccountForm initial=f form=form /> })}
                    <p class="muted" data-testid="account-count">{move || format!("{} {} · {} {}", visible.get().len(), i18n.t(T::Matches), i18n.t(T::Balance), lc.get().0)}
                        {move || (hidden.get() > 0 && search.with(|s| s.trim().is_empty())).then(|| view! {
                            " · " <span class="hidden-count" data-testid="account-hidden" data-count=hidden.get().to_string()>
                                {format!("{} {}", fmt_count(hidden.get(), i18n.lang()), i18n.t(T::HiddenUnused))}
                            </span>
                        })}
                    </p>
                    {move || {
                        let rows = visible.get();
                        if rows.is_empty() {
                            return view! { <p class="muted">{i18n.t(T::NoMatches)}</p> }.into_any();
                        }
                        let count = rows.len();
                        let pages = count.div_ceil(PAGE).max(1);
                        let first = page.get().min(pages - 1) * PAGE;
                        let rows: Vec<Node> = rows.into_iter().skip(first).take(PAGE).collect();
                        let lang = i18n.lang();
                        let d = lc.get().1;
                        let closed = collapsed.get_untracked();
                        let searching = !search.get_untracked().trim().is_empty();
                        let mark_unused = used_only.get_untracked() && searching;
                        let used = used.get_untracked();
                        let body = rows.into_iter().map(|n| {
                            let is_closed = closed.contains(&n.account.number);
                            let unused = mark_unused && n.account.postable && !used.contains(&n.account.number);
                            view! { <AccountRow node=n lang=lang decimals=d collapsed=is_closed
                                searching=searching unused=unused toggle=toggle form=form /> }
                        }).collect_view();
                        view! {
                            <div class="table-wrap">
                                <table class="data chart" data-testid="chart">
                                    <thead><tr>
                                        <th scope="col">{i18n.t(T::Number)}</th>
                                        <th scope="col">{i18n.t(T::Name)}</th>
                                        <th scope="col">{i18n.t(T::Type)}</th>
                                        <th scope="col">{i18n.t(T::Currency)}</th>
                                        <th scope="col" class="num">{i18n.t(T::Balance)}</th>
                                        <th scope="col" class="no-print">{i18n.t(T::Actions)}</th>
                                    </tr></thead>
                                    <tbody>{body}</tbody>
                                </table>
                            </div>
                            <Pager page=page pages=pages count=count unit=Signal::derive(move || i18n.t(T::Matches)) />
                        }.into_any()
                    }}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn AccountRow(
    node: Node,
    lang: Lang,
    decimals: u32,
    collapsed: bool,
    searching: bool,
    /// Hidden by "used accounts only" and shown by a search.
    unused: bool,
    toggle: impl Fn(AccountNo) + Copy + 'static,
    form: RwSignal<Option<Form>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let a = node.account.clone();
    let no = a.number;
    let active = a.active;
    let set_active = Action::new_local(move |_: &()| async move {
        let cmd = Command::Gl(GlCommand::SetAccountActive {
            account: no,
            active: !active,
        });
        if let Err(e) = app.execute(cmd).await {
            error.set(Some(session_error(&e, i18n.lang_untracked())));
        }
    });
    let indent = format!("padding-left: {:.1}rem", 0.4 + node.depth as f32 * 1.3);
    let number = a.number.to_string();
    let toggle_button = (node.has_children && !searching).then(|| {
        let label = i18n.t(if collapsed { T::Expand } else { T::Collapse });
        view! {
            <button class="tree-toggle no-print" aria-expanded=(!collapsed).to_string() aria-label=label title=label
                on:click=move |_| toggle(no)>{if collapsed { "▸" } else { "▾" }}</button>
        }
    });
    let shown = number.clone();
    let number_cell = if a.postable {
        view! { <A href=sheet_href(no, None) attr:data-testid="account-link">{shown}</A> }
            .into_any()
    } else {
        view! { <span>{shown}</span> }.into_any()
    };
    let currency = match a.currency {
        AccountCurrency::Local => i18n.t(T::Local).to_string(),
        AccountCurrency::All => i18n.t(T::All).to_string(),
        AccountCurrency::Foreign(c) => c.as_str().to_string(),
    };
    let edit = a.clone();
    let class = if a.postable {
        "account"
    } else {
        "account title"
    };
    view! {
        <tr class=class class:inactive=!active data-testid="account-row" data-account=number>
            <td style=indent class="tree-cell">{toggle_button}{number_cell}</td>
            <td>
                {a.name(lang == Lang::De).to_string()}
                {(!a.postable).then(|| view! { " " <span class="badge subtle">{i18n.t(T::TitleAccount)}</span> })}
                {a.control.then(|| view! { " " <span class="badge subtle">{i18n.t(T::Control)}</span> })}
                {unused.then(|| view! { " " <span class="badge subtle" data-testid="unused">{i18n.t(T::Unused)}</span> })}
                {(!active).then(|| view! { " " <span class="badge inactive" data-testid="inactive">{i18n.t(T::Inactive)}</span> })}
                {move || error.get().map(|e| view! { <div class="field-error" role="alert">{e}</div> })}
            </td>
            <td>{type_name(a.account_type, lang)}</td>
            <td>{currency}</td>
            <td class="num">{fmt_amount(node.balance_lc, decimals, lang)}</td>
            <td class="row-actions no-print">
                <button class="button small" data-testid="account-edit" on:click=move |_| form.set(Some(Form::edit(&edit)))>{i18n.t(T::Edit)}</button>
                <button class="button small" data-testid="account-toggle-active"
                    disabled=move || set_active.pending().get()
                    on:click=move |_| { set_active.dispatch(()); }>{i18n.t(if active { T::Deactivate } else { T::Activate })}</button>
            </td>
        </tr>
    }
}

#[component]
fn AccountForm(initial: Form, form: RwSignal<Option<Form>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let f = RwSignal::new(initial.clone());
    let error = RwSignal::new(None::<String>);
    let lc = app
        .with_book(|b| Some(b.settings()).map(|s| s.lc))
        .flatten()
        .unwrap_or(Currency::EUR);
    // A new account goes under the title its number starts with ("1210"
    // under "1"), until the user picks a parent by hand.
    let parent_touched = RwSignal::new(!initial.is_new);
    let title_numbers: Vec<String> = app
        .with_book(|b| {
            b.accounts()
                .filter(|a| !a.postable)
                .map(|a| a.number.to_string())
                .collect()
        })
        .unwrap_or_default();
    Effect::new(move |_| {
        let number = f.with(|s| s.number.trim().to_string());
        if parent_touched.get_untracked() {
            return;
        }
        let guess = title_numbers
            .iter()
            .filter(|t| number.len() > t.len() && number.starts_with(t.as_str()))
            .max_by_key(|t| t.len())
            .cloned()
            .unwrap_or_default();
        if f.with_untracked(|s| s.parent != guess) {
            f.update(|s| s.parent = guess);
        }
    });
    let titles = app
        .with_book(|b| {
            b.accounts()
                .filter(|a| !a.postable)
                .map(|a| {
                    (
                        a.number.to_string(),
                        a.name(i18n.lang_untracked() == Lang::De).to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let save = Action::new_local(move |_: &()| async move {
        error.set(None);
        let lang = i18n.lang_untracked();
        let state = f.get_untracked();
        let account = match state.account() {
            Ok(a) => a,
            Err(e) => {
                error.set(Some(crate::ui::errors::domain_error(&e, lang)));
                return;
            }
        };
        let cmd = if state.is_new {
            Command::Gl(GlCommand::CreateAccount { account })
        } else {
            Command::Gl(GlCommand::UpdateAccount { account })
        };
        match app.execute(cmd).await {
            Ok(_) => form.set(None),
            Err(e) => error.set(Some(session_error(&e, lang))),
        }
    });
    let number_ref = NodeRef::<leptos::html::Input>::new();
    let name_ref = NodeRef::<leptos::html::Input>::new();
    let is_new = initial.is_new;
    Effect::new(move |_| {
        let target = if is_new {
            number_ref.get()
        } else {
            name_ref.get()
        };
        if let Some(input) = target {
            focus(&input);
        }
    });
    let text_field = move |label: T,
                           testid: &'static str,
                           get: fn(&Form) -> String,
                           set: fn(&mut Form, String),
                           node: NodeRef<leptos::html::Input>,
                           disabled: bool| {
        let input = view! {
            <input type="text" data-testid=testid disabled=disabled node_ref=node
                prop:value=move || f.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); f.update(|s| set(s, v)) } />
        };
        view! { <label class="field"><span>{move || i18n.t(label)}</span>{input}</label> }
    };
    let foreign: Vec<Currency> = Currency::all().filter(|c| *c != lc).collect();
    view! {
        <form class="account-form" data-testid="account-form"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }
            on:keydown=move |ev| if ev.key() == "Escape" { form.set(None) }>
            <fieldset>
                <legend>{move || i18n.t(if is_new { T::NewTitle } else { T::EditTitle })}</legend>
                <div class="field-row">
                    {text_field(T::Number, "account-number", |s| s.number.clone(), |s, v| s.number = v, number_ref, !is_new)}
                    {text_field(T::NameDe, "account-name-de", |s| s.name_de.clone(), |s, v| s.name_de = v, name_ref, false)}
                    {text_field(T::NameEn, "account-name-en", |s| s.name_en.clone(), |s, v| s.name_en = v, NodeRef::new(), false)}
                </div>
                <div class="field-row">
                    <label class="field">
                        <span>{move || i18n.t(T::Type)}</span>
                        <select data-testid="account-type" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(t) = TYPE_ORDER.iter().find(|t| type_code(**t) == v) {
                                f.update(|s| s.account_type = *t);
                            }
                        }>
                            {TYPE_ORDER.iter().map(|t| {
                                let t = *t;
                                view! { <option value=type_code(t) selected=move || f.with(|s| s.account_type == t)>{move || type_name(t, i18n.lang())}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(T::Parent)}</span>
                        <select data-testid="account-parent" on:change=move |ev| { let v = event_target_value(&ev); parent_touched.set(true); f.update(|s| s.parent = v) }>
                            <option value="" selected=move || f.with(|s| s.parent.is_empty())>{move || i18n.t(T::NoParent)}</option>
                            {titles.into_iter().map(|(no, name)| {
                                let value = no.clone();
                                let label = format!("{no} {name}");
                                view! { <option value=value selected=move || f.with(|s| s.parent == no)>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(T::Currency)}</span>
                        <select data-testid="account-currency" on:change=move |ev| { let v = event_target_value(&ev); f.update(|s| s.currency = v) }>
                            <option value="local" selected=move || f.with(|s| s.currency == "local")>{move || i18n.t(T::Local)}</option>
                            <option value="all" selected=move || f.with(|s| s.currency == "all")>{move || i18n.t(T::All)}</option>
                            {foreign.into_iter().map(|c| {
                                let code = c.as_str().to_string();
                                let value = code.clone();
                                let label = code.clone();
                                view! { <option value=value selected=move || f.with(|s| s.currency == code)>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                <div class="field-row checks">
                    <label class="check"><input type="checkbox" data-testid="account-postable" prop:checked=move || f.with(|s| s.postable)
                        on:change=move |ev| { let v = event_target_checked(&ev); f.update(|s| s.postable = v) } />{move || i18n.t(T::Postable)}</label>
                    <label class="check"><input type="checkbox" prop:checked=move || f.with(|s| s.control)
                        on:change=move |ev| { let v = event_target_checked(&ev); f.update(|s| s.control = v) } />{move || i18n.t(T::IsControl)}</label>
                    <label class="check"><input type="checkbox" prop:checked=move || f.with(|s| s.active)
                        on:change=move |ev| { let v = event_target_checked(&ev); f.update(|s| s.active = v) } />{move || i18n.t(T::Active)}</label>
                </div>
                {move || error.get().map(|e| view! { <div class="error-box" role="alert" data-testid="error">{e}</div> })}
                <div class="actions">
                    <SaveButton testid="account-save" pending=move || save.pending().get()>{move || i18n.t(T::Save)}</SaveButton>
                    <button type="button" class="button" on:click=move |_| form.set(None)>{move || i18n.t(T::Cancel)}" (Esc)"</button>
                </div>
            </fieldset>
        </form>
    }
}
