//! Parsed bank statements (`formats::bank`) → the engine's
//! `StatementDraft`s: one place that maps a file's values to what the bank
//! sub-ledger keeps (signed amounts, IBANs in electronic form, the
//! duplicate key as text, a collective booking split into its payments
//! when the file lists them with amounts). Refuses what the engine cannot
//! keep (a line without a date, an unknown currency) naming the statement
//! and line.

use crate::formats::bank::{
    Balance, BankStatement, BankTransactionCode, BatchPayment, StatementFormat, StatementLine,
};
use crate::ledger::bank::{BalanceAt, BankLine, StatementDraft};
use crate::ledger::partners::bank::normalise_iban;
use crate::ledger::types::Currency;
use rust_decimal::Decimal;

/// Why a parsed statement cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StatementFormError {
    /// Line `line` (0-based) of statement `statement_id` has no booking
    /// and no value date.
    #[error("statement {statement_id}, line {}: no date", line + 1)]
    NoDate { statement_id: String, line: usize },
    #[error("statement {statement_id}: currency {currency} unknown")]
    Currency {
        statement_id: String,
        currency: String,
    },
}

/// Every statement of a file as the engine imports it.
pub fn statement_drafts(
    statements: &[BankStatement],
) -> Result<Vec<StatementDraft>, StatementFormError> {
    statements.iter().map(statement_draft).collect()
}

fn statement_draft(s: &BankStatement) -> Result<StatementDraft, StatementFormError> {
    let currency = statement_currency(s)?;
    let mut lines = Vec::with_capacity(s.lines.len());
    for (index, line) in s.lines.iter().enumerate() {
        lines.extend(bank_lines(s, currency, index, line)?);
    }
    let iban = s
        .account
        .iban
        .as_deref()
        .and_then(normalise_iban)
        .or_else(|| normalise_iban(&s.account.identification))
        .unwrap_or_default();
    Ok(StatementDraft {
        iban,
        statement_id: s.statement_id.clone(),
        sequence_no: s.sequence_no.clone().unwrap_or_default(),
        format: format_name(s),
        intraday: s.intraday,
        currency,
        opening: s.opening_balance.as_ref().map(balance),
        closing: s.closing_balance.as_ref().map(balance),
        lines,
    })
}

/// The account's currency, else the opening balance's, else the first
/// line's.
fn statement_currency(s: &BankStatement) -> Result<Currency, StatementFormError> {
    let code = s
        .account
        .currency
        .clone()
        .or_else(|| s.opening_balance.as_ref().map(|b| b.currency.clone()))
        .or_else(|| s.lines.first().map(|l| l.currency.clone()))
        .unwrap_or_default();
    Currency::parse(code.trim()).map_err(|_| StatementFormError::Currency {
        statement_id: s.statement_id.clone(),
        currency: code,
    })
}

fn format_name(s: &BankStatement) -> String {
    if let Some(version) = &s.format_version {
        return version.clone();
    }
    match s.format {
        StatementFormat::Camt052 => "camt.052",
        StatementFormat::Camt053 => "camt.053",
        StatementFormat::Camt054 => "camt.054",
        StatementFormat::Mt940 => "MT940",
        StatementFormat::Mt942 => "MT942",
        StatementFormat::Csv => "CSV",
    }
    .to_string()
}

fn balance(b: &Balance) -> BalanceAt {
    BalanceAt {
        date: b.date,
        amount: b.signed(),
    }
}

/// The engine's line(s) of file line `index`: one, or one per payment of
/// a collective booking whose batch lists every payment with an amount
/// and the amounts add up to the line's.
fn bank_lines(
    s: &BankStatement,
    currency: Currency,
    index: usize,
    line: &StatementLine,
) -> Result<Vec<BankLine>, StatementFormError> {
    let no_date = || StatementFormError::NoDate {
        statement_id: s.statement_id.clone(),
        line: index,
    };
    let booking_date = line.booking_date.or(line.value_date).ok_or_else(no_date)?;
    let line_currency = if line.currency.trim().is_empty() {
        currency
    } else {
        Currency::parse(line.currency.trim()).map_err(|_| StatementFormError::Currency {
            statement_id: s.statement_id.clone(),
            currency: line.currency.clone(),
        })?
    };
    let key = serde_json::to_string(&line.duplicate_key())
        .unwrap_or_else(|_| format!("{:?}", line.duplicate_key()));
    let d = &line.details;
    let whole = BankLine {
        booking_date,
        value_date: line.value_date.unwrap_or(booking_date),
        amount: line.signed_amount(),
        currency: line_currency,
        counterparty: text(&d.counterparty_name),
        iban: d
            .counterparty_iban
            .as_deref()
            .and_then(normalise_iban)
            .unwrap_or_default(),
        bic: text(&d.counterparty_bic),
        purpose: line.purpose().unwrap_or_default().trim().to_string(),
        creditor_reference: text(&d.creditor_reference),
        end_to_end_id: text(&d.end_to_end_id),
        mandate_id: text(&d.mandate_id),
        bank_reference: text(&line.bank_reference),
        transaction_code: code_text(line.bank_transaction_code.as_ref()),
        key,
    };
    Ok(match split_batch(line) {
        Some(payments) => payments
            .iter()
            .enumerate()
            .map(|(i, p)| batch_line(&whole, i, p))
            .collect(),
        None => vec![whole],
    })
}

/// The batch's payments when each has an amount and together they make
/// the line's signed amount (more than one payment).
fn split_batch(line: &StatementLine) -> Option<&[BatchPayment]> {
    let batch = line.batch.as_ref()?;
    if batch.payments.len() < 2 {
        return None;
    }
    let mut sum = Decimal::ZERO;
    for p in &batch.payments {
        sum += p.direction.signed(p.amount?);
    }
    (sum == line.signed_amount()).then_some(batch.payments.as_slice())
}

/// Payment `index` of a collective booking as a line of its own: the
/// booking's dates and currency, the payment's amount and details, the
/// booking's key with the index.
fn batch_line(whole: &BankLine, index: usize, p: &BatchPayment) -> BankLine {
    let d = &p.details;
    let or = |own: &Option<String>, booking: &str| {
        own.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map_or_else(|| booking.to_string(), str::to_string)
    };
    BankLine {
        amount: p.direction.signed(p.amount.unwrap_or_default()),
        counterparty: text(&d.counterparty_name),
        iban: d
            .counterparty_iban
            .as_deref()
            .and_then(normalise_iban)
            .unwrap_or_default(),
        bic: text(&d.counterparty_bic),
        purpose: or(&d.remittance, &whole.purpose),
        creditor_reference: text(&d.creditor_reference),
        end_to_end_id: text(&d.end_to_end_id),
        mandate_id: text(&d.mandate_id),
        bank_reference: or(&d.bank_reference, &whole.bank_reference),
        transaction_code: match p.bank_transaction_code.as_ref() {
            Some(code) => code_text(Some(code)),
            None => whole.transaction_code.clone(),
        },
        key: format!("{}#{}", whole.key, index + 1),
        ..whole.clone()
    }
}

fn text(value: &Option<String>) -> String {
    value.as_deref().unwrap_or_default().trim().to_string()
}

/// `PMNT/RCDT/ESCT`, else the bank's proprietary code (the GVC).
fn code_text(code: Option<&BankTransactionCode>) -> String {
    let Some(code) = code else {
        return String::new();
    };
    let parts: Vec<&str> = [&code.domain, &code.family, &code.subfamily]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .collect();
    if parts.is_empty() {
        text(&code.proprietary)
    } else {
        parts.join("/")
    }
}
