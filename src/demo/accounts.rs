//! The accounts the demo company posts to (Kontenzuordnung der
//! Beispielfirma), for SKR03 and SKR04. Everything except the two
//! foreign-currency bank accounts and the export revenue account comes from
//! the chart template; those three are created by the generator right
//! after the company setup.

use crate::demo::DemoError;
use crate::ledger::DomainError;
use crate::ledger::gl::ChartTemplate;
use crate::ledger::gl::{Account, AccountCurrency, AccountType};
use crate::ledger::setup::chart::Chart;
use crate::ledger::tax::{TaxCode, TaxError};
use crate::ledger::types::AccountNo;
use crate::ledger::types::Currency;
use crate::ledger::types::TaxPart;

/// Account numbers the generator uses, resolved for one chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoAccounts {
    pub bank: AccountNo,
    /// Created by the generator: bank account in USD only.
    pub bank_usd: AccountNo,
    /// Created by the generator: bank account in CHF only.
    pub bank_chf: AccountNo,
    /// Forderungen aus Lieferungen und Leistungen (Sammelkonto).
    pub receivables: AccountNo,
    /// Verbindlichkeiten aus Lieferungen und Leistungen (Sammelkonto).
    pub payables: AccountNo,
    pub revenue_19: AccountNo,
    pub revenue_7: AccountNo,
    /// Created by the generator: steuerfreie Ausfuhr (§ 4 Nr. 1a UStG).
    pub revenue_export: AccountNo,
    pub purchases_19: AccountNo,
    pub purchases_7: AccountNo,
    /// Wareneingang without VAT (imports from Switzerland).
    pub purchases_import: AccountNo,
    pub rent: AccountNo,
    pub salaries: AccountNo,
    pub social_security: AccountNo,
    pub salaries_payable: AccountNo,
    pub payroll_tax_payable: AccountNo,
    pub social_security_payable: AccountNo,
    /// Umsatzsteuer-Vorauszahlungen.
    pub vat_prepayment: AccountNo,
    pub bank_fees: AccountNo,
    pub office_supplies: AccountNo,
    pub telephone: AccountNo,
    pub postage: AccountNo,
    pub travel: AccountNo,
    pub fx_gain: AccountNo,
    pub fx_loss: AccountNo,
    pub subscribed_capital: AccountNo,
    /// Saldenvorträge Sachkonten (opening balances).
    pub opening_balance: AccountNo,
    /// Swiss franc (`Currency` has constants for EUR, USD and JPY only).
    pub chf: Currency,
    /// Title accounts the created accounts are grouped under.
    bank_parent: AccountNo,
    revenue_parent: AccountNo,
}

fn no(text: &str) -> Result<AccountNo, DemoError> {
    Ok(AccountNo::parse(text).map_err(DomainError::from)?)
}

impl DemoAccounts {
    /// The demo's accounts in `chart`; only SKR03 and SKR04 are supported.
    pub fn for_chart(chart: ChartTemplate) -> Result<DemoAccounts, DemoError> {
        // Numbers: bank, bank USD, bank CHF, receivables, payables, revenue
        // 19 %, 7 %, export (VAT accounts come with the tax codes),
        // purchases 19 %, 7 %, import, rent, salaries, social security,
        // salaries payable, payroll tax payable, social security payable,
        // VAT prepayment, bank fees, office supplies, telephone, postage,
        // travel, FX gain, FX loss, subscribed capital, opening balance,
        // bank title, revenue title.
        let n: [&str; 29] = match chart {
            ChartTemplate::Skr03 => [
                "1200", "1260", "1270", "1400", "1600", "8400", "8300", "8120", "3400", "3300",
                "3200", "4210", "4120", "4130", "1740", "1741", "1742", "1780", "4970", "4930",
                "4920", "4910", "4660", "2660", "2150", "0800", "9000", "1", "8",
            ],
            ChartTemplate::Skr04 => [
                "1800", "1860", "1870", "1200", "3300", "4400", "4300", "4120", "5400", "5300",
                "5200", "6310", "6020", "6110", "3720", "3730", "3740", "3820", "6855", "6815",
                "6805", "6800", "6650", "4840", "6880", "2900", "9000", "1", "4",
            ],
            ChartTemplate::Generic => return Err(DemoError::UnsupportedChart { chart }),
        };
        Ok(DemoAccounts {
            bank: no(n[0])?,
            bank_usd: no(n[1])?,
            bank_chf: no(n[2])?,
            receivables: no(n[3])?,
            payables: no(n[4])?,
            revenue_19: no(n[5])?,
            revenue_7: no(n[6])?,
            revenue_export: no(n[7])?,
            purchases_19: no(n[8])?,
            purchases_7: no(n[9])?,
            purchases_import: no(n[10])?,
            rent: no(n[11])?,
            salaries: no(n[12])?,
            social_security: no(n[13])?,
            salaries_payable: no(n[14])?,
            payroll_tax_payable: no(n[15])?,
            social_security_payable: no(n[16])?,
            vat_prepayment: no(n[17])?,
            bank_fees: no(n[18])?,
            office_supplies: no(n[19])?,
            telephone: no(n[20])?,
            postage: no(n[21])?,
            travel: no(n[22])?,
            fx_gain: no(n[23])?,
            fx_loss: no(n[24])?,
            subscribed_capital: no(n[25])?,
            opening_balance: no(n[26])?,
            bank_parent: no(n[27])?,
            revenue_parent: no(n[28])?,
            chf: Currency::parse("CHF").map_err(DomainError::from)?,
        })
    }

    /// The accounts the template lacks: two foreign-currency bank accounts
    /// and export revenue.
    pub fn created_accounts(&self) -> Vec<Account> {
        let account =
            |number, name_de: &str, name_en: &str, account_type, parent, currency| Account {
                number,
                name_de: name_de.into(),
                name_en: name_en.into(),
                account_type,
                postable: true,
                parent: Some(parent),
                control: false,
                currency,
                active: true,
            };
        vec![
            account(
                self.bank_usd,
                "Bank USD",
                "Bank USD",
                AccountType::Asset,
                self.bank_parent,
                AccountCurrency::Foreign(Currency::USD),
            ),
            account(
                self.bank_chf,
                "Bank CHF",
                "Bank CHF",
                AccountType::Asset,
                self.bank_parent,
                AccountCurrency::Foreign(self.chf),
            ),
            account(
                self.revenue_export,
                "Steuerfreie Umsätze § 4 Nr. 1a UStG (Ausfuhr)",
                "Tax-exempt export revenue",
                AccountType::Revenue,
                self.revenue_parent,
                AccountCurrency::Local,
            ),
        ]
    }
}

/// The template's tax codes (Steuerkennzeichen) the demo posts with, so
/// that the engine generates the VAT lines and the VAT return has figures.
#[derive(Clone, Debug)]
pub struct DemoTaxCodes {
    /// U19: sales at 19 % (UStVA Kz 81).
    pub output_19: TaxCode,
    /// U7: sales at 7 % (Kz 86).
    pub output_7: TaxCode,
    /// U0: tax-free export with input-tax deduction (Kz 43).
    pub export: TaxCode,
    /// V19 and V7: input VAT (Kz 66).
    pub input_19: TaxCode,
    pub input_7: TaxCode,
}

impl DemoTaxCodes {
    /// The codes from the loaded chart template (SKR03 and SKR04 both
    /// define them under these names).
    pub fn from_chart(chart: &Chart) -> Result<DemoTaxCodes, DemoError> {
        let code = |name: &str| {
            chart
                .tax_codes
                .iter()
                .find(|c| c.code == name)
                .cloned()
                .ok_or_else(|| {
                    DomainError::Tax(TaxError::TaxCodeUnknown {
                        line: None,
                        code: name.into(),
                    })
                })
        };
        let codes = DemoTaxCodes {
            output_19: code("U19")?,
            output_7: code("U7")?,
            export: code("U0")?,
            input_19: code("V19")?,
            input_7: code("V7")?,
        };
        for taxed in [
            &codes.output_19,
            &codes.output_7,
            &codes.input_19,
            &codes.input_7,
        ] {
            tax_account(taxed)?;
        }
        Ok(codes)
    }
}

/// The account a standard output or input tax code posts its tax to
/// (`VatPosting::ExplicitLines` writes that line itself).
pub fn tax_account(code: &TaxCode) -> Result<AccountNo, DomainError> {
    code.output_account.or(code.input_account).ok_or_else(|| {
        DomainError::Tax(TaxError::TaxAccountMissing {
            code: code.code.clone(),
            part: code.postings().first().map_or(TaxPart::Output, |p| p.0),
        })
    })
}
