//! The checks of partner and payment-terms master data that commands and
//! events share ("check when built, check when read back").

use crate::ledger::gl::{AccountCurrency, Gl, GlError};
use crate::ledger::partners::bank::{normalise_iban, valid_bic, valid_mandate_id};
use crate::ledger::partners::error::{LimitField, PartnersError, TermsField};
use crate::ledger::partners::master::{Partner, PartnerKind};
use crate::ledger::partners::terms::PaymentTerms;
use crate::ledger::types::limits::{
    MAX_BANK_ACCOUNTS, MAX_CONTACT_LEN, MAX_DISCOUNT_STEPS, MAX_HOUSE_NUMBER_LEN, MAX_INSTALLMENTS,
    MAX_MANDATE_ID_LEN, MAX_PARTNER_GROUP_LEN, MAX_PARTNER_NAME_LEN, MAX_PERCENT_DECIMALS,
    MAX_POSTCODE_LEN, MAX_REMARKS_LEN, MAX_STREET_LEN, MAX_TAX_ID_LEN, MAX_TAX_NAME_LEN,
    MAX_TERMS_CODE_LEN, MAX_TERMS_DAYS, MAX_TERMS_MONTHS, MAX_TEXT_LEN, MAX_TOLERANCE_DAYS,
    MAX_TOWN_LEN,
};
use crate::ledger::types::money::{MAX_ABS_AMOUNT, decimals_used};
use crate::ledger::types::vat_id::check_vat_id;
use crate::ledger::types::{AccountNo, Field, Names, PartnerCode, check_text, valid_code};
use rust_decimal::Decimal;

/// The code is numeric and within the kind's range.
pub fn check_code(code: PartnerCode, kind: PartnerKind) -> Result<(), PartnersError> {
    let value = code
        .number()
        .ok_or(PartnersError::CodeNotNumeric { code })?;
    let (min, max) = kind.code_range();
    if !(min..=max).contains(&value) {
        return Err(PartnersError::CodeOutOfRange {
            code,
            kind,
            min,
            max,
        });
    }
    Ok(())
}

/// Text fields, address, VAT id, contact.
pub fn check_texts(p: &Partner) -> Result<(), PartnersError> {
    check_text(&p.name, Field::PartnerName, MAX_PARTNER_NAME_LEN, true)?;
    check_text(&p.group, Field::PartnerGroup, MAX_PARTNER_GROUP_LEN, false)?;
    let a = &p.address;
    check_text(&a.street, Field::Street, MAX_STREET_LEN, false)?;
    check_text(
        &a.house_number,
        Field::HouseNumber,
        MAX_HOUSE_NUMBER_LEN,
        false,
    )?;
    check_text(&a.postcode, Field::Postcode, MAX_POSTCODE_LEN, false)?;
    check_text(&a.town, Field::Town, MAX_TOWN_LEN, false)?;
    let country = a.country.as_bytes();
    if country.len() != 2 || !country.iter().all(u8::is_ascii_uppercase) {
        return Err(PartnersError::InvalidCountry {
            text: a.country.chars().take(8).collect(),
        });
    }
    check_text(&p.vat_id, Field::VatId, MAX_TAX_ID_LEN, false)?;
    if !p.vat_id.is_empty() {
        check_vat_id(&p.vat_id).map_err(|reason| PartnersError::InvalidVatId { reason })?;
    }
    check_text(&p.tax_number, Field::TaxNumber, MAX_TAX_ID_LEN, false)?;
    let c = &p.contact;
    check_text(&c.person, Field::ContactPerson, MAX_CONTACT_LEN, false)?;
    check_text(&c.phone, Field::Phone, MAX_CONTACT_LEN, false)?;
    check_text(&c.email, Field::Email, MAX_CONTACT_LEN, false)?;
    let email_ok = c.email.is_empty()
        || c.email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.contains('@')
        }) && !c.email.contains(char::is_whitespace);
    if !email_ok {
        return Err(PartnersError::InvalidEmail {
            text: c.email.chars().take(40).collect(),
        });
    }
    check_text(&p.remarks, Field::Remarks, MAX_REMARKS_LEN, false)?;
    if !p.dunning_term.is_empty() && !valid_code(&p.dunning_term, MAX_TERMS_CODE_LEN) {
        return Err(PartnersError::InvalidDunningTerm {
            text: p
                .dunning_term
                .chars()
                .take(MAX_TERMS_CODE_LEN + 5)
                .collect(),
            max: MAX_TERMS_CODE_LEN,
        });
    }
    Ok(())
}

/// Bank accounts: valid IBANs in electronic form, valid BICs, no IBAN
/// twice, exactly one default.
pub fn check_bank_accounts(p: &Partner) -> Result<(), PartnersError> {
    if p.bank_accounts.len() > MAX_BANK_ACCOUNTS {
        return Err(PartnersError::TooManyBankAccounts {
            max: MAX_BANK_ACCOUNTS,
        });
    }
    for (index, b) in p.bank_accounts.iter().enumerate() {
        if normalise_iban(&b.iban).as_deref() != Some(b.iban.as_str()) {
            return Err(PartnersError::InvalidIban { index });
        }
        if !b.bic.is_empty() && !valid_bic(&b.bic) {
            return Err(PartnersError::InvalidBic { index });
        }
        check_text(
            &b.holder,
            Field::AccountHolder { index },
            MAX_PARTNER_NAME_LEN,
            false,
        )?;
        if p.bank_accounts[..index].iter().any(|o| o.iban == b.iban) {
            return Err(PartnersError::DuplicateIban { index });
        }
    }
    let count = p.bank_accounts.iter().filter(|b| b.default).count();
    if !p.bank_accounts.is_empty() && count != 1 {
        return Err(PartnersError::DefaultBankAccount { count });
    }
    Ok(())
}

/// Mandate (customers only) and the two limits.
pub fn check_mandate_and_limits(p: &Partner, lc_decimals: u32) -> Result<(), PartnersError> {
    if let Some(m) = &p.mandate {
        if p.kind != PartnerKind::Customer {
            return Err(PartnersError::MandateForVendor);
        }
        if !valid_mandate_id(&m.id, MAX_MANDATE_ID_LEN) {
            return Err(PartnersError::InvalidMandateId {
                max: MAX_MANDATE_ID_LEN,
            });
        }
    }
    for (field, limit) in [
        (LimitField::Credit, p.credit_limit),
        (LimitField::Commitment, p.commitment_limit),
    ] {
        let bad = limit.is_some_and(|l| {
            l.is_sign_negative() && !l.is_zero()
                || decimals_used(l) > lc_decimals
                || l > MAX_ABS_AMOUNT
        });
        if bad {
            return Err(PartnersError::LimitInvalid {
                field,
                max_decimals: lc_decimals,
                max: MAX_ABS_AMOUNT,
            });
        }
    }
    if let (Some(credit), Some(commitment)) = (p.credit_limit, p.commitment_limit)
        && commitment < credit
    {
        return Err(PartnersError::CommitmentBelowCredit { credit, commitment });
    }
    Ok(())
}

/// The control account a partner posts to: the one named, else the G/L
/// account determination's receivables or payables account.
pub fn resolve_control(gl: &Gl, p: &Partner) -> Result<AccountNo, PartnersError> {
    match p.control_account {
        Some(account) => Ok(account),
        None => {
            let key = p.kind.determination_key();
            Ok(gl
                .determination()
                .get(key)
                .ok_or(GlError::DeterminationMissing { key })?)
        }
    }
}

/// `account` may be the partner's control account: postable, active,
/// flagged control, of the kind's type, accepting the partner's
/// currencies.
pub fn check_control(gl: &Gl, p: &Partner, account: AccountNo) -> Result<(), PartnersError> {
    let found = gl
        .account(account)
        .filter(|a| a.postable && a.active && a.control)
        .ok_or(PartnersError::ControlAccountInvalid { account })?;
    if found.account_type != p.kind.control_type() {
        return Err(PartnersError::ControlAccountType {
            account,
            kind: p.kind,
        });
    }
    if let AccountCurrency::Foreign(c) = p.currency
        && c == gl.settings().lc
    {
        return Err(PartnersError::PartnerCurrencyIsLocal { currency: c });
    }
    let accepts = match p.currency {
        AccountCurrency::Local => found.currency.allows(None),
        AccountCurrency::Foreign(c) => found.currency.allows(Some(c)),
        AccountCurrency::All => found.currency == AccountCurrency::All,
    };
    if !accepts {
        return Err(PartnersError::ControlAccountCurrency { account });
    }
    Ok(())
}

/// The change stamp's user.
pub fn check_by(by: &str) -> Result<(), PartnersError> {
    Ok(check_text(by, Field::User, MAX_TEXT_LEN, true)?)
}

/// The shape of payment terms (existence is the caller's business).
pub fn check_terms(t: &PaymentTerms) -> Result<(), PartnersError> {
    let code = || t.code.clone();
    if !valid_code(&t.code, MAX_TERMS_CODE_LEN) {
        return Err(PartnersError::InvalidTermsCode {
            code: t.code.chars().take(MAX_TERMS_CODE_LEN + 5).collect(),
            max: MAX_TERMS_CODE_LEN,
        });
    }
    let names = Names {
        de: &t.name_de,
        en: &t.name_en,
    };
    if !names.valid(MAX_TAX_NAME_LEN) {
        return Err(PartnersError::TermsName {
            code: code(),
            max: MAX_TAX_NAME_LEN,
        });
    }
    for (field, value, max) in [
        (TermsField::Months, t.months, MAX_TERMS_MONTHS),
        (TermsField::Days, t.days, MAX_TERMS_DAYS),
        (
            TermsField::ToleranceDays,
            t.tolerance_days,
            MAX_TOLERANCE_DAYS,
        ),
    ] {
        if value > max {
            return Err(PartnersError::TermsOutOfRange {
                code: code(),
                field,
                max,
            });
        }
    }
    check_discount_steps(t)?;
    check_installments(t)
}

fn percent_ok(p: Decimal) -> bool {
    p > Decimal::ZERO && decimals_used(p) <= MAX_PERCENT_DECIMALS
}

fn check_discount_steps(t: &PaymentTerms) -> Result<(), PartnersError> {
    if t.discounts.len() > MAX_DISCOUNT_STEPS {
        return Err(PartnersError::TooManyDiscountSteps {
            code: t.code.clone(),
            max: MAX_DISCOUNT_STEPS,
        });
    }
    for (step, s) in t.discounts.iter().enumerate() {
        let after_previous = step == 0 || t.discounts[step - 1].days < s.days;
        let ok = percent_ok(s.percent)
            && s.percent < Decimal::ONE_HUNDRED
            && after_previous
            && s.days <= MAX_TERMS_DAYS;
        if !ok {
            return Err(PartnersError::DiscountStepInvalid {
                code: t.code.clone(),
                step,
                max_decimals: MAX_PERCENT_DECIMALS,
                max_days: MAX_TERMS_DAYS,
            });
        }
    }
    Ok(())
}

fn check_installments(t: &PaymentTerms) -> Result<(), PartnersError> {
    if t.installments.len() > MAX_INSTALLMENTS {
        return Err(PartnersError::TooManyInstallments {
            code: t.code.clone(),
            max: MAX_INSTALLMENTS,
        });
    }
    for (index, inst) in t.installments.iter().enumerate() {
        let in_order = index == 0 || t.installments[index - 1].days <= inst.days;
        if !percent_ok(inst.percent) || !in_order || inst.days > MAX_TERMS_DAYS {
            return Err(PartnersError::InstallmentInvalid {
                code: t.code.clone(),
                index,
                max_decimals: MAX_PERCENT_DECIMALS,
                max_days: MAX_TERMS_DAYS,
            });
        }
    }
    let sum: Decimal = t.installments.iter().map(|i| i.percent).sum();
    if !t.installments.is_empty() && sum != Decimal::ONE_HUNDRED {
        return Err(PartnersError::InstallmentsNotHundred {
            code: t.code.clone(),
            sum,
        });
    }
    Ok(())
}
