//! The recommendation (Zahlungsvorschlag, step 4): every open item of the
//! selected partners that the run should pay now, and every one it leaves
//! out with the reason. Pure; computed from the Book's state each time the
//! wizard's steps change.

use crate::ledger::open_items::ItemId;
use crate::ledger::types::PartnerCode;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One proposed item, amounts in LC, never negative (`credit_note`: it
/// reduces the partner's payment).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposedRow {
    pub partner: PartnerCode,
    pub item: ItemId,
    pub due_date: NaiveDate,
    pub open: Decimal,
    /// Cash discount offered on the run date.
    pub discount: Decimal,
    /// `open - discount`: what the run pays for it.
    pub pay: Decimal,
    /// The last day the offered discount holds, if any.
    pub discount_until: Option<NaiveDate>,
    pub credit_note: bool,
}

/// Why a partner or an item is not proposed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exclusion {
    /// Zahlungssperre on the partner.
    PartnerBlocked,
    /// A vendor with no default bank account (IBAN).
    NoIban,
    /// A customer without a SEPA mandate.
    NoMandate,
    /// Reserved by another saved or ordered run.
    Reserved { run: u32 },
    /// Still discountable on the next run date: paid then.
    HeldForDiscount { until: NaiveDate },
    /// The partner's items net to nothing to pay (credit notes exceed).
    NothingToPay,
    /// Not in the house bank's currency.
    OtherCurrency,
    /// Over the run's maximum total.
    OverMaximum,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excluded {
    pub partner: PartnerCode,
    /// `None`: the whole partner.
    pub item: Option<ItemId>,
    pub reason: Exclusion,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Proposal {
    pub rows: Vec<ProposedRow>,
    pub excluded: Vec<Excluded>,
}

impl Proposal {
    /// What the run pays in total (credit notes subtracted).
    pub fn total(&self) -> Decimal {
        self.rows
            .iter()
            .map(|r| if r.credit_note { -r.pay } else { r.pay })
            .sum()
    }
}
