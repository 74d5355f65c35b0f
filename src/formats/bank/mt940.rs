//! MT940 (SWIFT customer statement; German banks' format until November
//! 2025, so archives still hold it), read with the `mt940` crate: a strict
//! pest grammar whose own test files (with expected results) are our
//! conformance fixtures.
//!
//! The crate accepts only the SWIFT character set. A file that fails that
//! strict parse is read a second time after the crate's `sanitize`, which
//! transliterates other characters (`ü` → `u`), strips text between
//! messages and `:86:` lines beyond the sixth — exactly as the crate's own
//! tests do. So a legacy file with umlauts reads, but its names and
//! purposes lose their umlauts; a line number in an error then refers to
//! the sanitized text. Text is UTF-8 if valid, else Windows-1252 (what
//! German banks wrote).
//!
//! From the German `:86:` structure (`?00` posting text, `?20`–`?29`
//! purpose, `?30` bank code, `?31` account, `?32`/`?33` name) the SEPA
//! keywords in the purpose (`EREF+`, `MREF+`, `CRED+`, `SVWZ+`, …) are
//! split into end-to-end id, mandate, creditor id and remittance text.
//! MT942 uses tags the crate does not know (`:34F:`, `:13D:`, `:90D:`) and
//! is refused with [`BankErrorKind::Mt940UnknownTag`].

use super::codes;
use super::error::{BankError, BankErrorKind, Location, quoted};
use super::model::*;
use ::mt940::{InformationToAccountOwner, ParseError};

/// Largest MT940 file read.
pub const MAX_MT940_BYTES: usize = 32 << 20;

/// Whether `bytes` look like MT940: a `:20:` tag near the start.
pub fn looks_like_mt940(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    head.windows(4).any(|w| w == b":20:")
}

/// Every statement (message) of an MT940 file.
pub fn read_mt940(file: &str, bytes: &[u8]) -> Result<Vec<BankStatement>, BankError> {
    let whole = |kind| BankError::new(file, Location::File, kind);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(whole(BankErrorKind::Empty));
    }
    if bytes.len() > MAX_MT940_BYTES {
        return Err(whole(BankErrorKind::TooLarge {
            limit: MAX_MT940_BYTES as u64,
        }));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    };
    refuse_impossible_entry_date(file, &text)?;
    let messages = match mt940::parse_mt940(&text) {
        Ok(messages) => messages,
        Err(_) => {
            let sanitized = mt940::sanitizers::sanitize(&text);
            refuse_impossible_entry_date(file, &sanitized)?;
            mt940::parse_mt940(&sanitized).map_err(|e| parse_error(file, e))?
        }
    };
    if messages.is_empty() {
        return Err(whole(BankErrorKind::NotAStatement {
            detail: "no MT940 message".into(),
        }));
    }
    messages
        .iter()
        .enumerate()
        .map(|(i, m)| statement(file, i, m))
        .collect()
}

/// Refuses a `:61:` line whose entry date (`MMDD` after the value date
/// `YYMMDD`) does not exist in the value date's year: the crate unwraps
/// that date and would panic (`1.1.1`, `tag_parsers.rs`). Every `:61:` in
/// the text is checked, as the crate's grammar lets a field start mid-line.
fn refuse_impossible_entry_date(file: &str, text: &str) -> Result<(), BankError> {
    let digits = |s: &str| s.parse::<u32>().ok();
    for (at, _) in text.match_indices(":61:") {
        let value = text[at + 4..].trim_start();
        let Some(dates) = value
            .get(..10)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let [yy, mm, dd, entry_mm, entry_dd] =
            [0, 2, 4, 6, 8].map(|i| digits(&dates[i..i + 2]).unwrap_or(0));
        let year = 2000 + yy as i32;
        let value_date = chrono::NaiveDate::from_ymd_opt(year, mm, dd);
        if value_date.is_some()
            && chrono::NaiveDate::from_ymd_opt(year, entry_mm, entry_dd).is_none()
        {
            let line = text[..at].matches('\n').count() + 1;
            let at = Location::Line {
                line,
                field: Some(":61:".into()),
            };
            let value = format!("{year}-{entry_mm:02}-{entry_dd:02}");
            return Err(BankError::new(
                file,
                at,
                BankErrorKind::ImpossibleDate { value },
            ));
        }
    }
    Ok(())
}

fn parse_error(file: &str, error: ParseError) -> BankError {
    let (at, kind) = match error {
        ParseError::PestParseError(e) => {
            let line = match e.line_col {
                pest::error::LineColLocation::Pos((line, _)) => line,
                pest::error::LineColLocation::Span((line, _), _) => line,
            };
            let message = quoted(e.variant.message().as_ref());
            let at = Location::Line { line, field: None };
            (at, BankErrorKind::Mt940Syntax { message })
        }
        ParseError::RequiredTagNotFoundError(e) => {
            let tag = e.to_string();
            let tag = tag
                .split('\'')
                .nth(1)
                .map_or_else(|| quoted(&tag), str::to_string);
            (Location::File, BankErrorKind::Mt940MissingTag { tag })
        }
        ParseError::UnexpectedTagError(e) => {
            // The crate keeps the tags private; its message quotes them:
            // "Unexpected tag '28C' found. Expected one of '["21", "25"]'."
            let message = e.to_string();
            let quoted_parts: Vec<&str> = message.split('\'').collect();
            let found = quoted_parts
                .get(1)
                .map_or_else(|| quoted(&message), |s| s.to_string());
            let expected = quoted_parts
                .get(3)
                .map_or_else(String::new, |s| s.replace(['[', ']', '"'], ""));
            (
                Location::File,
                BankErrorKind::Mt940UnexpectedTag { found, expected },
            )
        }
        ParseError::UnknownTagError(tag) => (
            Location::File,
            BankErrorKind::Mt940UnknownTag { tag: quoted(&tag) },
        ),
        ParseError::DateParseError(e) => match *e {
            mt940::DateParseError::OutOfRange { year, month, day } => (
                Location::File,
                BankErrorKind::ImpossibleDate {
                    value: format!("{year}-{month}-{day}"),
                },
            ),
            other => (
                Location::File,
                BankErrorKind::Mt940Syntax {
                    message: quoted(&other.to_string()),
                },
            ),
        },
        ParseError::AmountParseError(e) => (
            Location::File,
            BankErrorKind::BadAmount {
                value: quoted(&e.to_string()),
            },
        ),
        other => (
            Location::File,
            BankErrorKind::Mt940Syntax {
                message: quoted(&other.to_string()),
            },
        ),
    };
    BankError::new(file, at, kind)
}

/// Where a fault in message `index` is: the tag, as the line is unknown
/// after the crate's parse.
fn at_tag(index: usize, tag: &str) -> Location {
    Location::Line {
        line: 0,
        field: Some(format!("message {}, :{tag}:", index + 1)),
    }
}

fn statement(file: &str, index: usize, m: &mt940::Message) -> Result<BankStatement, BankError> {
    let fail = |tag: &str, kind| BankError::new(file, at_tag(index, tag), kind);
    let opening = balance_of(&m.opening_balance, false).map_err(|k| fail("60", k))?;
    let closing = balance_of(&m.closing_balance, true).map_err(|k| fail("62", k))?;
    let mut others = Vec::new();
    for (tag, b, kind) in [
        (
            "64",
            &m.closing_available_balance,
            BalanceKind::ClosingAvailable,
        ),
        (
            "65",
            &m.forward_available_balance,
            BalanceKind::ForwardAvailable,
        ),
    ] {
        if let Some(b) = b {
            others.push(available_of(b, kind).map_err(|k| fail(tag, k))?);
        }
    }
    let currency = opening.currency.clone();
    let mut lines = Vec::with_capacity(m.statement_lines.len());
    for line in &m.statement_lines {
        lines.push(line_of(line, &currency));
    }
    let compact = m.account_id.replace(' ', "").to_ascii_uppercase();
    Ok(BankStatement {
        format: StatementFormat::Mt940,
        format_version: None,
        source: file.to_string(),
        intraday: false,
        message_id: Some(m.transaction_ref_no.clone()),
        statement_id: m.transaction_ref_no.clone(),
        sequence_no: Some(m.statement_no.clone()),
        legal_sequence_no: None,
        page: m.sequence_no.clone().filter(|s| !s.is_empty()),
        created_at: None,
        from: None,
        to: None,
        account: StatementAccount {
            identification: m.account_id.clone(),
            iban: codes::is_iban(&compact).then_some(compact),
            currency: Some(currency),
            owner_name: None,
            servicer_bic: None,
        },
        opening_balance: Some(opening),
        closing_balance: Some(closing),
        other_balances: others,
        additional_info: m.information_to_account_owner.as_ref().map(info_text),
        lines,
    })
}

fn direction(dc: &mt940::DebitOrCredit) -> CreditDebit {
    match dc {
        mt940::DebitOrCredit::Credit => CreditDebit::Credit,
        mt940::DebitOrCredit::Debit => CreditDebit::Debit,
    }
}

fn balance_of(b: &mt940::Balance, closing: bool) -> Result<Balance, BankErrorKind> {
    let kind = match (closing, b.is_intermediate) {
        (false, false) => BalanceKind::Opening,
        (false, true) => BalanceKind::IntermediateOpening,
        (true, false) => BalanceKind::Closing,
        (true, true) => BalanceKind::IntermediateClosing,
    };
    Ok(Balance {
        kind,
        amount: b.amount,
        direction: direction(&b.debit_credit_indicator),
        currency: codes::currency(&b.iso_currency_code)?,
        date: b.date,
        time: None,
    })
}

fn available_of(b: &mt940::AvailableBalance, kind: BalanceKind) -> Result<Balance, BankErrorKind> {
    Ok(Balance {
        kind,
        amount: b.amount,
        direction: direction(&b.debit_credit_indicator),
        currency: codes::currency(&b.iso_currency_code)?,
        date: b.date,
        time: None,
    })
}

/// The :61: transaction type without its `N`/`F` (`DDT`, or a bank's own
/// such as `033`).
fn type_code(code: &mt940::TransactionTypeIdentificationCode) -> String {
    match code {
        mt940::TransactionTypeIdentificationCode::NonStandard(s) => s.clone(),
        standard => format!("{standard:?}"),
    }
}

fn line_of(line: &mt940::StatementLine, currency: &str) -> StatementLine {
    use mt940::ExtDebitOrCredit as E;
    let (direction, reversal) = match line.ext_debit_credit_indicator {
        E::Credit => (CreditDebit::Credit, false),
        E::Debit => (CreditDebit::Debit, false),
        // The crate names a reversal by the direction it books: `RD`
        // (reversal of a debit) is `ReverseCredit`.
        E::ReverseCredit => (CreditDebit::Credit, true),
        E::ReverseDebit => (CreditDebit::Debit, true),
    };
    let kind = type_code(&line.transaction_type_ident_code);
    let (details, posting_text, gvc) = match &line.information_to_account_owner {
        Some(info) => details_of(info),
        None => (PaymentDetails::default(), None, None),
    };
    let proprietary = match gvc {
        Some(gvc) => format!("{kind}+{gvc}"),
        None => kind,
    };
    StatementLine {
        booking_date: line.entry_date.or(Some(line.value_date)),
        booking_time: None,
        value_date: Some(line.value_date),
        amount: line.amount,
        direction,
        currency: currency.to_string(),
        reversal,
        status: Some(EntryStatus::Booked),
        bank_reference: line.bank_ref.clone(),
        entry_reference: Some(line.customer_ref.clone()),
        bank_transaction_code: Some(BankTransactionCode {
            proprietary: Some(proprietary),
            ..BankTransactionCode::default()
        }),
        additional_info: posting_text.or_else(|| line.supplementary_details.clone()),
        details,
        batch: None,
    }
}

/// The :86: text of a message, as one string.
fn info_text(info: &InformationToAccountOwner) -> String {
    match info {
        InformationToAccountOwner::Plain(text) => text.clone(),
        InformationToAccountOwner::Structured { purpose, .. } => {
            purpose.clone().unwrap_or_default()
        }
    }
}

/// Payment details, posting text (?00) and business transaction code
/// (GVC) of a line's :86:.
fn details_of(
    info: &InformationToAccountOwner,
) -> (PaymentDetails, Option<String>, Option<String>) {
    let InformationToAccountOwner::Structured {
        transaction_code,
        posting_text,
        purpose,
        applicant_bin,
        applicant_iban,
        applicant_name,
        ..
    } = info
    else {
        let details = PaymentDetails {
            remittance: non_empty(&info_text(info).replace('\n', " ")),
            ..PaymentDetails::default()
        };
        return (details, None, None);
    };
    let mut details = sepa_purpose(purpose.as_deref().unwrap_or(""));
    details.counterparty_name = applicant_name.as_deref().and_then(non_empty);
    if let Some(account) = applicant_iban.as_deref().and_then(non_empty) {
        match codes::iban(&account) {
            Ok(iban) => details.counterparty_iban = Some(iban),
            Err(_) => details.counterparty_account = Some(account),
        }
    }
    if let Some(bank) = applicant_bin.as_deref().and_then(non_empty) {
        match codes::bic(&bank) {
            Ok(bic) => details.counterparty_bic = Some(bic),
            Err(_) => details.counterparty_bank_code = Some(bank),
        }
    }
    let posting = posting_text.as_deref().and_then(non_empty);
    (details, posting, Some(transaction_code.clone()))
}

fn non_empty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The SEPA keywords German banks put into the :86: purpose.
const SEPA_KEYWORDS: [&str; 12] = [
    "EREF+", "KREF+", "MREF+", "CRED+", "DEBT+", "SVWZ+", "ABWA+", "ABWE+", "COAM+", "OAMT+",
    "IBAN+", "BIC+",
];

/// Splits a purpose that starts with a SEPA keyword into its parts; any
/// other purpose is remittance text as a whole.
fn sepa_purpose(purpose: &str) -> PaymentDetails {
    let mut details = PaymentDetails::default();
    let starts = |at: usize| SEPA_KEYWORDS.iter().find(|k| purpose[at..].starts_with(*k));
    if starts(0).is_none() {
        details.remittance = non_empty(purpose);
        return details;
    }
    // Keyword positions, in order.
    let mut marks: Vec<(usize, &str)> = Vec::new();
    for (at, _) in purpose.char_indices() {
        if let Some(k) = starts(at) {
            marks.push((at, k));
        }
    }
    for (i, (at, keyword)) in marks.iter().enumerate() {
        let end = marks.get(i + 1).map_or(purpose.len(), |m| m.0);
        let value = non_empty(&purpose[at + keyword.len()..end]);
        match *keyword {
            "EREF+" => details.end_to_end_id = value,
            "MREF+" => details.mandate_id = value,
            "CRED+" => details.creditor_id = value,
            "SVWZ+" => details.remittance = value,
            "ABWA+" | "ABWE+" => details.ultimate_party_name = value,
            "KREF+" => details.instruction_id = value,
            _ => {}
        }
    }
    details
}
