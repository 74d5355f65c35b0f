//! The revenue and expense accounts per region (Inland, EU, Drittland)
//! and the sales and purchase tax codes of an item group or an item, as
//! typed: the item group screen and the item form edit the same
//! `ItemAccounts`, so the editor and its reading live here once. On an
//! item an empty field takes the group's value, shown as placeholder.

use leptos::prelude::*;

use crate::ledger::items::ItemAccounts;
use crate::ledger::tax::TaxDirection;
use crate::ledger::types::AccountNo;
use crate::texts;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Region => "Region", "Region";
        Revenue => "Erlöskonto", "Revenue account";
        Expense => "Aufwandskonto", "Expense account";
        Domestic => "Inland", "Domestic";
        Eu => "EU", "EU";
        Abroad => "Drittland", "Abroad";
        SalesTax => "Steuerkennzeichen Verkauf", "Sales tax code";
        PurchaseTax => "Steuerkennzeichen Einkauf", "Purchase tax code";
        FromGroup => "– aus der Gruppe –", "– from the group –";
        NoCode => "– keines –", "– none –";
        BadAccount => "ist keine gültige Kontonummer.", "is not a valid account number.";
    }
}

const REGIONS: [(T, &str); 3] = [
    (T::Domestic, "domestic"),
    (T::Eu, "eu"),
    (T::Abroad, "abroad"),
];

/// The fields as typed.
#[derive(Clone, Copy)]
pub struct AccountFields {
    /// Per region: domestic, EU, abroad.
    pub revenue: [RwSignal<String>; 3],
    pub expense: [RwSignal<String>; 3],
    pub sales_tax: RwSignal<String>,
    pub purchase_tax: RwSignal<String>,
}

fn text() -> RwSignal<String> {
    RwSignal::new(String::new())
}

impl Default for AccountFields {
    fn default() -> Self {
        AccountFields::new()
    }
}

impl AccountFields {
    pub fn new() -> AccountFields {
        AccountFields {
            revenue: [text(), text(), text()],
            expense: [text(), text(), text()],
            sales_tax: text(),
            purchase_tax: text(),
        }
    }

    pub fn load(&self, a: &ItemAccounts) {
        let account = |a: Option<AccountNo>| a.map(|a| a.to_string()).unwrap_or_default();
        for i in 0..3 {
            self.revenue[i].set(account(a.revenue[i]));
            self.expense[i].set(account(a.expense[i]));
        }
        self.sales_tax.set(a.sales_tax.clone().unwrap_or_default());
        self.purchase_tax
            .set(a.purchase_tax.clone().unwrap_or_default());
    }

    /// The typed accounts, or the sentence about the one that is no
    /// account number.
    pub fn read(&self, lang: Lang) -> Result<ItemAccounts, String> {
        let get = |s: RwSignal<String>| s.get_untracked().trim().to_string();
        let account = |s: RwSignal<String>| -> Result<Option<AccountNo>, String> {
            let t = get(s);
            if t.is_empty() {
                return Ok(None);
            }
            AccountNo::parse(&t)
                .map(Some)
                .map_err(|_| format!("„{t}“ {}", T::BadAccount.text(lang)))
        };
        let mut a = ItemAccounts::default();
        for i in 0..3 {
            a.revenue[i] = account(self.revenue[i])?;
            a.expense[i] = account(self.expense[i])?;
        }
        a.sales_tax = Some(get(self.sales_tax)).filter(|t| !t.is_empty());
        a.purchase_tax = Some(get(self.purchase_tax)).filter(|t| !t.is_empty());
        Ok(a)
    }
}

/// The accounts table (regions × revenue/expense) and the two tax code
/// selects. `defaults`: the group's values an empty field takes (`None`
/// on the group screen itself). Inputs are `<prefix>-revenue-domestic`, …,
/// `<prefix>-sales-tax`, `<prefix>-purchase-tax` for tests.
#[component]
pub fn AccountsEditor(
    fields: AccountFields,
    #[prop(into)] defaults: Signal<Option<ItemAccounts>>,
    prefix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint = move |pick: fn(&ItemAccounts) -> Option<String>| {
        move || defaults.with(|d| d.as_ref().and_then(pick).unwrap_or_default())
    };
    view! {
        <table class="rate-editor item-accounts">
            <thead><tr>
                <th>{move || i18n.t(T::Region)}</th>
                <th>{move || i18n.t(T::Revenue)}</th>
                <th>{move || i18n.t(T::Expense)}</th>
            </tr></thead>
            <tbody>
                {REGIONS.iter().enumerate().map(|(i, (label, key))| {
                    let (rev, exp, label) = (fields.revenue[i], fields.expense[i], *label);
                    let rev_hint = move || defaults.with(|d| d.as_ref().and_then(|g| g.revenue[i]).map(|a| a.to_string()).unwrap_or_default());
                    let exp_hint = move || defaults.with(|d| d.as_ref().and_then(|g| g.expense[i]).map(|a| a.to_string()).unwrap_or_default());
                    view! {
                        <tr>
                            <th scope="row">{move || i18n.t(label)}</th>
                            <td><input class="num" data-testid=format!("{prefix}-revenue-{key}") autocomplete="off"
                                prop:placeholder=rev_hint prop:value=rev on:input=move |ev| rev.set(event_target_value(&ev)) /></td>
                            <td><input class="num" data-testid=format!("{prefix}-expense-{key}") autocomplete="off"
                                prop:placeholder=exp_hint prop:value=exp on:input=move |ev| exp.set(event_target_value(&ev)) /></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <div class="field-row">
            <TaxSelect label=T::SalesTax value=fields.sales_tax direction=TaxDirection::Output
                inherited=defaults.with_untracked(Option::is_some) default=Signal::derive(hint(|g| g.sales_tax.clone()))
                testid=format!("{prefix}-sales-tax") />
            <TaxSelect label=T::PurchaseTax value=fields.purchase_tax direction=TaxDirection::Input
                inherited=defaults.with_untracked(Option::is_some) default=Signal::derive(hint(|g| g.purchase_tax.clone()))
                testid=format!("{prefix}-purchase-tax") />
        </div>
    }
}

/// A tax code of `direction`, or empty (on an item: the group's, named
/// in the empty option).
#[component]
fn TaxSelect(
    label: T,
    value: RwSignal<String>,
    direction: TaxDirection,
    inherited: bool,
    default: Signal<String>,
    testid: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let codes = Memo::new(move |_| {
        app.with_book(|b| {
            b.tax()
                .codes()
                .filter(|c| c.direction == direction)
                .map(|c| (c.code.clone(), c.name_de.clone(), c.name_en.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let empty = move || {
        let d = default.get();
        match (inherited, d.is_empty()) {
            (false, _) => i18n.t(T::NoCode).to_string(),
            (true, true) => i18n.t(T::FromGroup).to_string(),
            (true, false) => format!("{} ({d})", i18n.t(T::FromGroup)),
        }
    };
    view! {
        <label class="field">
            <span>{move || i18n.t(label)}</span>
            <select data-testid=testid on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" selected=move || value.get().is_empty()>{empty}</option>
                {move || codes.get().into_iter().map(|(code, de, en)| {
                    let label = format!("{code} – {}", if i18n.is_de() { de } else { en });
                    let selected = value.get_untracked() == code;
                    view! { <option value=code selected=selected>{label}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}
