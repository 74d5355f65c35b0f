//! Drafts (Erfassung): an entry as the user typed it, before the engine
//! derives its amounts. A journal voucher is a list of them.

use crate::ledger::types::limits::DIMENSIONS;
use crate::ledger::types::{AccountNo, Currency, PostingKey};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The foreign-currency part of a draft line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FcDraft {
    pub currency: Currency,
    /// Units of FC per LC; `None` takes the rate table's rate of the posting date.
    pub rate_fc_per_lc: Option<Decimal>,
}

/// A line as typed. `debit`/`credit` are in the line's currency: FC when
/// `fc` is set, else LC. Exactly one of them must be non-zero.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineDraft {
    pub account: Option<AccountNo>,
    pub debit: Decimal,
    pub credit: Decimal,
    pub fc: Option<FcDraft>,
    pub memo: String,
    pub tax_code: Option<String>,
    pub dims: [Option<String>; DIMENSIONS],
    /// Bruttoerfassung: the amount includes the tax of `tax_code` and is
    /// split into net and tax (local-currency lines only).
    pub gross: bool,
}

impl LineDraft {
    pub fn debit_lc(account: AccountNo, amount_lc: Decimal) -> LineDraft {
        LineDraft {
            account: Some(account),
            debit: amount_lc,
            ..LineDraft::default()
        }
    }

    pub fn credit_lc(account: AccountNo, amount_lc: Decimal) -> LineDraft {
        LineDraft {
            account: Some(account),
            credit: amount_lc,
            ..LineDraft::default()
        }
    }

    /// Puts the line in `currency` (its amounts are then FC amounts).
    pub fn in_fc(mut self, currency: Currency, rate_fc_per_lc: Option<Decimal>) -> LineDraft {
        self.fc = Some(FcDraft {
            currency,
            rate_fc_per_lc,
        });
        self
    }
}

/// An entry as typed; also the element of a journal voucher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryDraft {
    pub posting_date: NaiveDate,
    /// Belegdatum; defaults to the posting date.
    pub document_date: Option<NaiveDate>,
    /// Fälligkeitsdatum; defaults to the posting date.
    pub due_date: Option<NaiveDate>,
    pub reference: String,
    pub memo: String,
    pub user: String,
    pub lines: Vec<LineDraft>,
    /// The idempotency key of the grid or voucher (None: not remembered).
    pub key: Option<PostingKey>,
}

impl EntryDraft {
    pub fn new(posting_date: NaiveDate, user: &str, lines: Vec<LineDraft>) -> EntryDraft {
        EntryDraft {
            posting_date,
            document_date: None,
            due_date: None,
            reference: String::new(),
            memo: String::new(),
            user: user.to_string(),
            lines,
            key: None,
        }
    }
}
