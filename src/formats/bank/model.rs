//! One statement model for every bank format (Kontoauszug): what a matcher
//! needs from each line, whatever file it came from. Amounts are exact
//! `Decimal`s, always non-negative, with the direction beside them, as the
//! banks write them; [`StatementLine::signed_amount`] gives the account's
//! view (credit positive). Nothing here knows the books: the engine's bank
//! sub-ledger maps these values to its own types.

use super::codes::Stamp;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// Which file format a statement came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementFormat {
    /// camt.052: intraday account report (Umsatzinformation, vorgemerkt).
    Camt052,
    /// camt.053: end-of-day statement (Kontoauszug).
    Camt053,
    /// camt.054: debit/credit notification, e.g. the single payments of a
    /// collective booking (Sammlerauflösung).
    Camt054,
    Mt940,
    /// MT942: interim transaction report (intraday, like camt.052).
    Mt942,
    Csv,
}

impl StatementFormat {
    /// Whether lines of this format are intraday information that need
    /// not be final (camt.052, MT942): shown, not posted by default.
    pub fn is_intraday(self) -> bool {
        matches!(self, StatementFormat::Camt052 | StatementFormat::Mt942)
    }
}

/// Credit (money in, Haben des Bankkontos beim Kunden) or debit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditDebit {
    Credit,
    Debit,
}

impl CreditDebit {
    /// `amount` with the sign of the account holder's view: credit +.
    pub fn signed(self, amount: Decimal) -> Decimal {
        match self {
            CreditDebit::Credit => amount,
            CreditDebit::Debit => -amount,
        }
    }
}

/// The account a statement is about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StatementAccount {
    /// The identification as the bank wrote it (an IBAN, or for MT940
    /// often `BLZ/Kontonummer`).
    pub identification: String,
    /// The checked IBAN, when the identification is one.
    pub iban: Option<String>,
    /// ISO 4217, when the file says.
    pub currency: Option<String>,
    pub owner_name: Option<String>,
    /// The BIC of the account's bank, when the file says.
    pub servicer_bic: Option<String>,
}

/// What a balance is (ISO 20022 balance type codes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BalanceKind {
    /// OPBD, PRCD (previously closed booked, German banks' opening
    /// balance), MT940 :60F:.
    Opening,
    /// CLBD, MT940 :62F:.
    Closing,
    /// MT940 :60M: (opening of a continuation page).
    IntermediateOpening,
    /// MT940 :62M:.
    IntermediateClosing,
    OpeningAvailable,
    ClosingAvailable,
    ForwardAvailable,
    /// ITBD: interim booked (intraday).
    Interim,
    InterimAvailable,
    Information,
    ExpectedCredit,
    /// Any other code, as written.
    Other(String),
}

/// A balance on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Balance {
    pub kind: BalanceKind,
    /// Non-negative; the direction says on which side.
    pub amount: Decimal,
    pub direction: CreditDebit,
    pub currency: String,
    pub date: NaiveDate,
    /// The moment, when the bank gave a date-time instead of a date.
    pub time: Option<Stamp>,
}

impl Balance {
    /// The balance with sign: credit balance (money on the account) +.
    pub fn signed(&self) -> Decimal {
        self.direction.signed(self.amount)
    }
}

/// ISO 20022 bank transaction code, and/or the bank's own (in Germany the
/// DK "GVC" with text key, e.g. `NTRF+166+...`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BankTransactionCode {
    /// `PMNT`
    pub domain: Option<String>,
    /// `RCDT`
    pub family: Option<String>,
    /// `ESCT`
    pub subfamily: Option<String>,
    pub proprietary: Option<String>,
    pub proprietary_issuer: Option<String>,
}

/// Entry status: booked lines are final, pending ones may still change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    Booked,
    Pending,
    Information,
    /// Any other code, as written.
    Other(String),
}

/// Who paid or was paid, and the references of one payment: what the
/// matcher reads. One per single payment; a collective booking has one per
/// payment in its [`Batch`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PaymentDetails {
    /// The other side: the debtor of a credit, the creditor of a debit.
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    /// A non-IBAN account of the other side, as written.
    pub counterparty_account: Option<String>,
    /// BIC of the other side's bank.
    pub counterparty_bic: Option<String>,
    /// The other side's bank code as written when it is not a BIC (MT940
    /// `?30`, a German Bankleitzahl).
    pub counterparty_bank_code: Option<String>,
    /// The ultimate debtor/creditor, when the payer paid for someone else.
    pub ultimate_party_name: Option<String>,
    /// Unstructured remittance information (Verwendungszweck), all blocks
    /// joined by a space.
    pub remittance: Option<String>,
    /// Structured creditor reference (ISO 11649 `RF…` or another scheme).
    pub creditor_reference: Option<String>,
    pub end_to_end_id: Option<String>,
    /// SEPA direct-debit mandate reference.
    pub mandate_id: Option<String>,
    /// SEPA creditor identifier (Gläubiger-ID).
    pub creditor_id: Option<String>,
    /// The bank's reference for this payment inside a batch.
    pub bank_reference: Option<String>,
    pub instruction_id: Option<String>,
    pub payment_information_id: Option<String>,
    /// Additional transaction information (AddtlTxInf).
    pub additional_info: Option<String>,
}

/// One payment of a collective booking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BatchPayment {
    /// The payment's own amount; `None` when the file gives none.
    pub amount: Option<Decimal>,
    pub direction: CreditDebit,
    pub currency: Option<String>,
    #[serde(flatten)]
    pub details: PaymentDetails,
    pub bank_transaction_code: Option<BankTransactionCode>,
}

/// A collective booking (Sammelbuchung) and, where the file lists them
/// (camt.054, or camt.053 with details), its single payments.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Batch {
    pub message_id: Option<String>,
    pub payment_information_id: Option<String>,
    pub number_of_transactions: Option<String>,
    pub total: Option<Decimal>,
    pub total_direction: Option<CreditDebit>,
    pub payments: Vec<BatchPayment>,
}

/// One line of a statement (Umsatz).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatementLine {
    /// Booking date (Buchungstag); pending intraday lines may have none.
    pub booking_date: Option<NaiveDate>,
    /// The booking moment, when the bank gave a date-time.
    pub booking_time: Option<Stamp>,
    /// Value date (Wertstellung).
    pub value_date: Option<NaiveDate>,
    /// Non-negative; see `direction`.
    pub amount: Decimal,
    pub direction: CreditDebit,
    pub currency: String,
    /// A reversal (Storno) of an earlier line.
    pub reversal: bool,
    pub status: Option<EntryStatus>,
    /// The bank's reference of the line (camt AcctSvcrRef, MT940 bank
    /// reference).
    pub bank_reference: Option<String>,
    /// The entry reference (camt NtryRef, MT940 customer reference).
    pub entry_reference: Option<String>,
    pub bank_transaction_code: Option<BankTransactionCode>,
    /// Additional entry information (camt AddtlNtryInf, MT940 posting
    /// text such as `SEPA-GUTSCHRIFT`).
    pub additional_info: Option<String>,
    /// The payment's details when the line is one payment.
    #[serde(flatten)]
    pub details: PaymentDetails,
    /// The single payments when the line is a collective booking.
    pub batch: Option<Batch>,
}

impl StatementLine {
    /// The amount with sign: credit (money in) +, debit −.
    pub fn signed_amount(&self) -> Decimal {
        self.direction.signed(self.amount)
    }

    /// The text a person reads as the purpose: remittance information,
    /// else the additional entry information.
    pub fn purpose(&self) -> Option<&str> {
        self.details
            .remittance
            .as_deref()
            .or(self.additional_info.as_deref())
    }

    /// The key that finds this line again when the same or an overlapping
    /// file is imported twice (within one bank account): the bank's
    /// reference, else the end-to-end id, else date, amount, counterparty
    /// and purpose together. The signed amount is part of every key, so two different
    /// lines that happen to share a reference are never taken for one.
    /// Placeholders banks write for "none" (`NONREF`, `NOTPROVIDED`) do not
    /// count as references.
    pub fn duplicate_key(&self) -> DuplicateKey {
        let amount = self.signed_amount().normalize();
        if let Some(reference) = real_reference(self.bank_reference.as_deref()) {
            return DuplicateKey::BankReference { reference, amount };
        }
        if let Some(id) = real_reference(self.details.end_to_end_id.as_deref()) {
            return DuplicateKey::EndToEndId { id, amount };
        }
        DuplicateKey::Content {
            date: self.booking_date.or(self.value_date),
            amount,
            counterparty: squeeze(self.details.counterparty_name.as_deref().unwrap_or("")),
            purpose: squeeze(self.purpose().unwrap_or("")),
        }
    }
}

/// `text` unless it is empty or a placeholder for "no reference".
fn real_reference(text: Option<&str>) -> Option<String> {
    let text = text?.trim();
    let placeholder = ["", "NONREF", "NOTPROVIDED", "NOT PROVIDED"]
        .iter()
        .any(|p| text.eq_ignore_ascii_case(p));
    (!placeholder).then(|| text.to_string())
}

/// Whitespace runs as one space, trimmed: line breaks in a purpose differ
/// between exports of the same line.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// See [`StatementLine::duplicate_key`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum DuplicateKey {
    BankReference {
        reference: String,
        amount: Decimal,
    },
    EndToEndId {
        id: String,
        amount: Decimal,
    },
    Content {
        date: Option<NaiveDate>,
        amount: Decimal,
        counterparty: String,
        purpose: String,
    },
}

/// One statement (or report, or notification) of one account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BankStatement {
    pub format: StatementFormat,
    /// The camt message and version, `camt.053.001.08`; `None` for others.
    pub format_version: Option<String>,
    /// The file and, for a ZIP, the entry the statement was read from.
    pub source: String,
    /// camt.052 and MT942: intraday, not final.
    pub intraday: bool,
    /// The message id (camt GrpHdr/MsgId, MT940 :20:).
    pub message_id: Option<String>,
    /// The statement's id (camt Stmt/Id, MT940 :20:).
    pub statement_id: String,
    /// The statement number (camt ElctrncSeqNb, MT940 :28C: statement
    /// number).
    pub sequence_no: Option<String>,
    /// camt LglSeqNb (the legal statement's number).
    pub legal_sequence_no: Option<String>,
    /// The page (camt StmtPgntn/PgNb, MT940 :28C: sequence number).
    pub page: Option<String>,
    pub created_at: Option<Stamp>,
    pub from: Option<Stamp>,
    pub to: Option<Stamp>,
    pub account: StatementAccount,
    pub opening_balance: Option<Balance>,
    pub closing_balance: Option<Balance>,
    /// Every other balance the file gives (available, interim, forward).
    pub other_balances: Vec<Balance>,
    /// The statement's additional information (AddtlStmtInf, MT940 :86:
    /// after the last line).
    pub additional_info: Option<String>,
    pub lines: Vec<StatementLine>,
}
