//! Which accounts a company uses (issue 19): the full SKR03/SKR04 charts
//! hold over a thousand accounts, most of which a small company never
//! touches; the chart-of-accounts screen can hide the rest.

use crate::ledger::book::Book;
use crate::ledger::setup::chart::in_template;
use crate::ledger::types::AccountNo;
use std::collections::BTreeSet;

impl Book {
    /// The accounts in use: those with a posted line, those the company
    /// created itself (not in its chart template), and those named in
    /// the G/L account determination, a tax code, the payment settings, a
    /// partner (control account), an item group or item (revenue and
    /// expense accounts per region), or a house bank (its account and
    /// suspense account). Title accounts are in it only if named so.
    pub fn used_accounts(&self) -> BTreeSet<AccountNo> {
        let template = self.settings().chart;
        let mut used: BTreeSet<AccountNo> = self
            .accounts()
            .filter(|a| {
                self.account_line_refs(a.number)
                    .is_some_and(|lines| !lines.is_empty())
                    || !in_template(template, a.number)
            })
            .map(|a| a.number)
            .collect();
        let d = self.determination();
        used.extend(
            [
                d.rounding,
                d.opening_balance,
                d.retained_earnings,
                d.fx_gain,
                d.fx_loss,
                d.vat_input,
                d.vat_output,
                d.receivables,
                d.payables,
                d.bank_fees,
                d.cash_discount,
            ]
            .into_iter()
            .flatten(),
        );
        for code in self.tax_codes() {
            used.extend(code.output_account.into_iter().chain(code.input_account));
        }
        let p = self.payments().settings();
        used.extend(
            [
                p.write_off_account,
                p.discount_granted,
                p.discount_received,
                p.checks_account,
                p.card_account,
                p.fx_unrealised_gain,
                p.fx_unrealised_loss,
                p.fx_adjustment_account,
            ]
            .into_iter()
            .flatten(),
        );
        used.extend(p.discount_accounts.values().copied());
        used.extend(
            self.partners()
                .partners()
                .filter_map(|partner| partner.control_account),
        );
        let items = self.items();
        let item_accounts = items
            .groups()
            .map(|g| &g.accounts)
            .chain(items.items().map(|r| &r.item.accounts));
        for accounts in item_accounts {
            used.extend(
                accounts
                    .revenue
                    .iter()
                    .chain(accounts.expense.iter())
                    .flatten()
                    .copied(),
            );
        }
        for bank in self.bank().house_banks() {
            used.insert(bank.account);
            used.extend(bank.suspense_account);
        }
        used
    }
}
