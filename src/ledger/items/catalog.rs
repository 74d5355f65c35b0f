//! The checks of item master data: groups, items, a CSV import. Commands
//! and events share them ("check when built, check when read back"), so a
//! replayed log holds only what a command could have saved. Accounts are
//! checked when a group or item is saved: postable, active, of the type
//! the slot needs (revenue slots take revenue accounts, expense slots
//! expense accounts); tax codes must exist.

use crate::ledger::gl::AccountType;
use crate::ledger::items::error::{ItemsError, ItemsField};
use crate::ledger::items::master::{Item, ItemAccounts, ItemGroup};
use crate::ledger::items::{Items, Refs};
use crate::ledger::types::limits::{
    MAX_IMPORT_ITEMS, MAX_ITEM_CODE_LEN, MAX_ITEM_DESCRIPTION_LEN, MAX_ITEM_GROUP_CODE_LEN,
    MAX_ITEM_GROUP_NAME_LEN, MAX_ITEM_GROUPS, MAX_ITEMS, MAX_PRICE_DECIMALS, MAX_REMARKS_LEN,
    MAX_TEXT_LEN,
};
use crate::ledger::types::money::{MAX_ABS_AMOUNT, decimals_used};
use crate::ledger::types::{AccountNo, valid_code};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// 1..=50 ASCII letters, digits, `-`, `_` or `.` (the codes ERP exports
/// and e-invoices carry, e.g. `A-100.20`).
pub fn valid_item_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= MAX_ITEM_CODE_LEN
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// At least one of the two texts, each at most `max` characters.
fn check_names(de: &str, en: &str, field: ItemsField, max: usize) -> Result<(), ItemsError> {
    if de.trim().is_empty() && en.trim().is_empty() {
        return Err(ItemsError::Empty { field });
    }
    if de.chars().count() > max || en.chars().count() > max {
        return Err(ItemsError::TooLong { field, max });
    }
    Ok(())
}

/// Each account postable, active and of the slot's type; each tax code
/// known.
fn check_accounts(refs: Refs, accounts: &ItemAccounts) -> Result<(), ItemsError> {
    let slots = [
        (&accounts.revenue, AccountType::Revenue, "revenue"),
        (&accounts.expense, AccountType::Expense, "expense"),
    ];
    for (numbers, wanted, what) in slots {
        for account in numbers.iter().flatten() {
            check_account(refs, *account, wanted, what)?;
        }
    }
    for code in [&accounts.sales_tax, &accounts.purchase_tax]
        .into_iter()
        .flatten()
    {
        if refs.tax.code(code).is_none() {
            return Err(ItemsError::UnknownTaxCode {
                code: code.chars().take(MAX_TEXT_LEN).collect(),
            });
        }
    }
    Ok(())
}

fn check_account(
    refs: Refs,
    account: AccountNo,
    wanted: AccountType,
    what: &'static str,
) -> Result<(), ItemsError> {
    let found = refs
        .gl
        .account(account)
        .ok_or(crate::ledger::gl::GlError::UnknownAccount { account })?;
    if !(found.postable && found.active && found.account_type == wanted) {
        return Err(ItemsError::BadAccount {
            account,
            revenue_or_expense: what,
        });
    }
    Ok(())
}

/// A default price: not negative, at most 4 decimals, within the amount
/// bound.
fn check_default_price(price: Decimal) -> Result<(), ItemsError> {
    if price.is_sign_negative() && !price.is_zero() {
        return Err(ItemsError::NegativePrice);
    }
    if decimals_used(price) > MAX_PRICE_DECIMALS || price > MAX_ABS_AMOUNT {
        return Err(ItemsError::Invalid {
            field: ItemsField::DefaultPrice,
        });
    }
    Ok(())
}

impl Items {
    /// A group to create or replace.
    pub(super) fn check_group(&self, refs: Refs, group: &ItemGroup) -> Result<(), ItemsError> {
        if !valid_code(&group.code, MAX_ITEM_GROUP_CODE_LEN) {
            return Err(ItemsError::Invalid {
                field: ItemsField::Code,
            });
        }
        let new = !self.groups.contains_key(&group.code);
        if new && self.groups.len() >= MAX_ITEM_GROUPS {
            return Err(ItemsError::TooMany {
                max: MAX_ITEM_GROUPS,
            });
        }
        check_names(
            &group.name_de,
            &group.name_en,
            ItemsField::GroupName,
            MAX_ITEM_GROUP_NAME_LEN,
        )?;
        check_accounts(refs, &group.accounts)
    }

    /// An item to create or replace; `pending` holds codes an import
    /// creates before it (in the book's count, and not to be created
    /// twice).
    pub(super) fn check_item(
        &self,
        refs: Refs,
        item: &Item,
        pending: &BTreeSet<String>,
    ) -> Result<(), ItemsError> {
        if !valid_item_code(&item.code) {
            return Err(ItemsError::Invalid {
                field: ItemsField::Code,
            });
        }
        if pending.contains(&item.code) {
            return Err(ItemsError::ItemExists {
                code: item.code.clone(),
            });
        }
        let new = !self.items.contains_key(&item.code);
        if new && self.items.len() + pending.len() >= MAX_ITEMS {
            return Err(ItemsError::TooMany { max: MAX_ITEMS });
        }
        check_names(
            &item.description_de,
            &item.description_en,
            ItemsField::Description,
            MAX_ITEM_DESCRIPTION_LEN,
        )?;
        if !self.groups.contains_key(&item.group) {
            return Err(ItemsError::UnknownGroup {
                code: item
                    .group
                    .chars()
                    .take(MAX_ITEM_GROUP_CODE_LEN + 5)
                    .collect(),
            });
        }
        if !(item.sales || item.purchase) {
            return Err(ItemsError::NeitherSoldNorBought);
        }
        check_default_price(item.default_price)?;
        if item.remarks.chars().count() > MAX_REMARKS_LEN {
            return Err(ItemsError::TooLong {
                field: ItemsField::Remarks,
                max: MAX_REMARKS_LEN,
            });
        }
        check_accounts(refs, &item.accounts)
    }

    /// Every item of an import, or the first refusal with its 0-based row.
    /// An import creates: a code the book has, or one the file holds
    /// twice, is refused at its row.
    pub(super) fn check_import(&self, refs: Refs, items: &[Item]) -> Result<(), ItemsError> {
        if items.is_empty() {
            return Err(ItemsError::ImportEmpty);
        }
        if items.len() > MAX_IMPORT_ITEMS {
            return Err(ItemsError::TooMany {
                max: MAX_IMPORT_ITEMS,
            });
        }
        let mut pending = BTreeSet::new();
        for (row, item) in items.iter().enumerate() {
            let at_row = |error| ItemsError::ImportRow {
                row,
                error: Box::new(error),
            };
            if self.items.contains_key(&item.code) {
                return Err(at_row(ItemsError::ItemExists {
                    code: item.code.clone(),
                }));
            }
            self.check_item(refs, item, &pending).map_err(at_row)?;
            pending.insert(item.code.clone());
        }
        Ok(())
    }

    /// The accounts and tax codes that apply to an item: its own, else
    /// its group's (documents post with these).
    pub fn accounts_of(&self, code: &str) -> Option<ItemAccounts> {
        let item = &self.items.get(code)?.item;
        let group = self.groups.get(&item.group)?;
        Some(item.accounts.or(&group.accounts))
    }
}
