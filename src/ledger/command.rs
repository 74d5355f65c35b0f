//! Commands (Befehle): what a user or another module asks the Book to do.
//! `Book::check` turns a command into events or refuses it with a
//! `DomainError`; a refused command changes nothing. One command may yield
//! several events (company setup: company, accounts, fiscal year,
//! determination; a voucher: one event per entry), which the store appends
//! in one transaction.

use crate::ledger::account::{Account, AccountNo};
use crate::ledger::company::{CompanyDetails, Settings};
use crate::ledger::costing::{CentreRequirement, CostCentre, Dimension, DistributionRule};
use crate::ledger::currency::Currency;
use crate::ledger::determination::GlDetermination;
use crate::ledger::entry::{EntryDraft, EntryId};
use crate::ledger::period::{PeriodRef, PeriodStatus};
use crate::ledger::tax::TaxCode;
use crate::ledger::voucher::Voucher;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Command {
    /// Company setup wizard: settings, the chart template's accounts and
    /// determination, and the first fiscal year.
    SetUpCompany {
        settings: Settings,
        first_fiscal_year: i32,
    },
    CreateAccount {
        account: Account,
    },
    /// Replaces the account's master data. Type, kind and currency cannot
    /// change once the account has postings.
    UpdateAccount {
        account: Account,
    },
    SetAccountActive {
        account: AccountNo,
        active: bool,
    },
    /// Opens the fiscal year after the last open one.
    OpenFiscalYear {
        year: i32,
    },
    SetPeriodStatus {
        period: PeriodRef,
        status: PeriodStatus,
    },
    SetExchangeRate {
        currency: Currency,
        date: NaiveDate,
        rate_fc_per_lc: Decimal,
    },
    SetGlDetermination {
        determination: GlDetermination,
    },
    PostEntry {
        draft: EntryDraft,
        /// The user's right to post into a closing period.
        allow_closing_period: bool,
    },
    /// Storno: posts the mirror image of `entry` on `date` (default: the
    /// original's posting date).
    ReverseEntry {
        entry: EntryId,
        date: Option<NaiveDate>,
        user: String,
        allow_closing_period: bool,
    },
    /// Posts every entry of the voucher, or none.
    PostVoucher {
        voucher: Voucher,
        allow_closing_period: bool,
    },
    /// Defines a new tax code (Steuerkennzeichen).
    CreateTaxCode {
        tax_code: TaxCode,
    },
    /// Replaces a tax code's definition (names, rates, accounts,
    /// Kennzahlen, active). Posted lines keep their amounts; the VAT
    /// return reads the current Kennzahlen.
    UpdateTaxCode {
        tax_code: TaxCode,
    },
    /// Defines or renames a cost-accounting dimension (1..=5).
    DefineDimension {
        dimension: Dimension,
    },
    CreateCostCentre {
        centre: CostCentre,
    },
    UpdateCostCentre {
        centre: CostCentre,
    },
    CreateDistributionRule {
        rule: DistributionRule,
    },
    /// Replaces a rule; lines posted before keep their recorded split.
    UpdateDistributionRule {
        rule: DistributionRule,
    },
    /// Which accounts need a centre in dimension 1.
    SetCentreRequirement {
        requirement: CentreRequirement,
    },
    /// Firmendaten: name, address, country, tax ids.
    UpdateCompanyDetails {
        details: CompanyDetails,
    },
}
