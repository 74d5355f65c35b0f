//! Drafts (Erfassung): an entry as the user typed it, before the engine
//! derives its amounts. A journal voucher is a list of them.

use crate::ledger::types::limits::DIMENSIONS;
use crate::ledger::types::{AccountNo, Currency, PartnerCode, PostingKey};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The foreign-currency part of a draft line.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FcDraft {
    pub currency: Currency,
    /// Units of FC per LC; `None` takes the rate table's rate of the posting date.
    pub rate_fc_per_lc: Option<Decimal>,
}

/// A line as typed. `debit`/`credit` are in the line's currency: FC when
/// `fc` is set, else LC. Exactly one of them must be non-zero. A line for
/// a business partner names the partner; its account is then the
/// partner's control account (named or left empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// The business partner (customer or vendor) the line is posted for.
    pub partner: Option<PartnerCode>,
    /// Due date of a partner line: replaces the net due date of the
    /// partner's payment terms (one open item).
    pub due_date: Option<NaiveDate>,
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

    /// A line for business partner `partner` on its control account:
    /// debit when `side` is debit. `amount` is in LC.
    pub fn partner(
        partner: PartnerCode,
        side: crate::ledger::types::Side,
        amount: Decimal,
    ) -> LineDraft {
        let (debit, credit) = match side {
            crate::ledger::types::Side::Debit => (amount, Decimal::ZERO),
            crate::ledger::types::Side::Credit => (Decimal::ZERO, amount),
        };
        LineDraft {
            debit,
            credit,
            partner: Some(partner),
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
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// The day a user entered the draft (the screens set it from the
    /// clock): the date window's "today". `None` for entries the engine
    /// derives, which the rules on typed entries do not hold.
    pub entered_on: Option<NaiveDate>,
    /// The numbering series that gives the reference when the entry is
    /// posted (issue 18; the reference is then left empty).
    pub series: Option<String>,
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
            entered_on: None,
            series: None,
        }
    }
}
