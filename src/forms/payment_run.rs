//! A payment run's SEPA files: the run's payments (one per partner, with
//! its end-to-end id) turned into a `formats::sepa` order with the
//! company, the house bank and the partners' bank details and mandates,
//! then checked against the German banks' rules and written. Outside the
//! engine, which keeps the bytes with the run but knows no file format.
//!
//! Every problem the SEPA check finds is reported with the partner whose
//! transaction it is about (the check names the transaction by index,
//! which is the payment's place in the order built here).

use crate::formats::sepa::{
    self, Address, CreditTransfer, CreditTransferOrder, DirectDebit, DirectDebitOrder,
    DirectDebitScheme, Party, Place, SepaError, SepaFileError, SequenceType,
};
use crate::ledger::Book;
use crate::ledger::partners::{MandateSequence, Partner};
use crate::ledger::payment_runs::{PaymentRun, RunFile, RunFileKind, RunPayment};
use crate::ledger::types::PartnerCode;
use chrono::NaiveDateTime;

/// Why a run's files could not be written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RunFileError {
    #[error("there is no payment run {number}")]
    UnknownRun { number: u32 },
    /// A rule of the banks broken, by the partner it is about (`None`:
    /// our own party, the house bank or the creditor id).
    #[error("{}: {error}", partner.map(|p| p.to_string()).unwrap_or_default())]
    Sepa {
        partner: Option<PartnerCode>,
        error: SepaError,
    },
    /// The XML writer failed (not expected for a checked order).
    #[error("the XML writer failed: {message}")]
    Write { message: String },
}

/// The name of run `number`'s file of `kind`.
pub fn file_name(number: u32, kind: RunFileKind) -> String {
    match kind {
        RunFileKind::CreditTransfer => format!("KONTOR-R{number}-CT-pain.001.001.09.xml"),
        RunFileKind::DirectDebit => format!("KONTOR-R{number}-DD-pain.008.001.08.xml"),
    }
}

/// The files of run `number` as of `created_at`: a pain.001.001.09 for
/// its outgoing payments and a pain.008.001.08 for its direct debits
/// (each only when the run has some), every problem of every payment.
pub fn run_files(
    book: &Book,
    number: u32,
    created_at: NaiveDateTime,
) -> Result<Vec<RunFile>, Vec<RunFileError>> {
    let runs = book.payment_runs();
    let unknown = || vec![RunFileError::UnknownRun { number }];
    let run = runs.run(number).ok_or_else(unknown)?;
    let payments = runs
        .run_payments(book.context(), number)
        .ok_or_else(unknown)?;
    let (debits, transfers): (Vec<RunPayment>, Vec<RunPayment>) =
        payments.into_iter().partition(|p| p.direct_debit);
    let own = own_party(book, run);
    let mut files = Vec::new();
    let mut errors = Vec::new();
    if !transfers.is_empty() {
        let order = credit_transfers(book, run, own.clone(), &transfers, created_at);
        match sepa::credit_transfer_file(&order) {
            Ok(bytes) => files.push(file(number, RunFileKind::CreditTransfer, bytes)),
            Err(e) => errors.extend(by_partner(e, &transfers)),
        }
    }
    if !debits.is_empty() {
        let order = direct_debits(book, run, own, &debits, created_at);
        match sepa::direct_debit_file(&order) {
            Ok(bytes) => files.push(file(number, RunFileKind::DirectDebit, bytes)),
            Err(e) => errors.extend(by_partner(e, &debits)),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

fn file(number: u32, kind: RunFileKind, bytes: Vec<u8>) -> RunFile {
    RunFile {
        name: file_name(number, kind),
        kind,
        bytes,
    }
}

/// Each problem of the order, named by the partner of its transaction.
fn by_partner(error: SepaFileError, payments: &[RunPayment]) -> Vec<RunFileError> {
    match error {
        SepaFileError::Invalid(list) => list
            .into_iter()
            .map(|error| RunFileError::Sepa {
                partner: match &error.place {
                    Place::Order => None,
                    Place::Transaction { index, .. } => payments.get(*index).map(|p| p.partner),
                },
                error,
            })
            .collect(),
        SepaFileError::Write(message) => vec![RunFileError::Write { message }],
    }
}

/// The company as debtor (transfers) or creditor (debits): its name and
/// the house bank's IBAN and BIC.
fn own_party(book: &Book, run: &PaymentRun) -> Party {
    let house = book.bank().house_bank(&run.params.house_bank);
    Party {
        name: book.context().gl.settings().name.clone(),
        address: None,
        iban: house.map(|h| h.iban.clone()).unwrap_or_default(),
        bic: house.map(|h| h.bic.clone()).filter(|b| !b.is_empty()),
    }
}

/// The partner as creditor or debtor: the account holder (else its
/// name), its default account and its structured address.
fn partner_party(partner: Option<&Partner>) -> Party {
    let Some(p) = partner else {
        return Party::default();
    };
    let account = p.default_bank_account();
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let holder = account.map(|a| a.holder.trim()).filter(|h| !h.is_empty());
    Party {
        name: holder.unwrap_or(p.name.trim()).to_string(),
        address: Some(Address {
            street: some(&p.address.street),
            building_number: some(&p.address.house_number),
            post_code: some(&p.address.postcode),
            town: p.address.town.trim().to_string(),
            country: p.address.country.trim().to_string(),
        }),
        iban: account.map(|a| a.iban.clone()).unwrap_or_default(),
        bic: account.and_then(|a| some(&a.bic)),
    }
}

/// The purpose: the run's name and the items' references (invoice
/// numbers), transliterated and cut to the 140 characters the banks
/// take; left as it is when it holds a character the SEPA set cannot
/// represent (the check then names it).
fn remittance(book: &Book, run: &PaymentRun, payment: &RunPayment) -> String {
    let refs: Vec<String> = payment
        .items
        .iter()
        .filter_map(|i| book.context().journal.entry(i.item.entry))
        .map(|e| e.reference.trim().to_string())
        .filter(|r| !r.is_empty())
        .collect();
    let text = if refs.is_empty() {
        run.params.name.trim().to_string()
    } else {
        format!("{} {}", run.params.name.trim(), refs.join(", "))
    };
    match sepa::transliterate(text.trim()) {
        Ok(t) => t.chars().take(sepa::MAX_REMITTANCE).collect(),
        Err(_) => text.trim().to_string(),
    }
}

/// The date the bank is asked to execute on: the run date, or the day the
/// file is written when the run is dated earlier (banks refuse a requested
/// date in the past; the payments keep the run date).
fn requested_date(run: &PaymentRun, created_at: NaiveDateTime) -> chrono::NaiveDate {
    run.params.run_date.max(created_at.date())
}

/// The collection date of direct debits: as [`requested_date`], but at
/// least the day after the file is written (a collection is announced).
fn collection_date(run: &PaymentRun, created_at: NaiveDateTime) -> chrono::NaiveDate {
    let next_day = created_at.date().succ_opt().unwrap_or(created_at.date());
    run.params.run_date.max(next_day)
}

fn credit_transfers(
    book: &Book,
    run: &PaymentRun,
    debtor: Party,
    payments: &[RunPayment],
    created_at: NaiveDateTime,
) -> CreditTransferOrder {
    let partners = book.context().partners;
    CreditTransferOrder {
        message_id: format!("KONTOR-R{}-CT", run.number),
        created_at,
        initiating_party: debtor.name.clone(),
        debtor,
        batch_booking: true,
        transfers: payments
            .iter()
            .map(|p| CreditTransfer {
                end_to_end_id: p.end_to_end_id.clone(),
                amount: p.amount,
                creditor: partner_party(partners.partner(p.partner)),
                remittance: remittance(book, run, p),
                execution_date: requested_date(run, created_at),
            })
            .collect(),
    }
}

fn direct_debits(
    book: &Book,
    run: &PaymentRun,
    creditor: Party,
    payments: &[RunPayment],
    created_at: NaiveDateTime,
) -> DirectDebitOrder {
    let partners = book.context().partners;
    DirectDebitOrder {
        message_id: format!("KONTOR-R{}-DD", run.number),
        created_at,
        initiating_party: creditor.name.clone(),
        creditor,
        creditor_id: book.payment_runs().creditor_id().to_string(),
        scheme: DirectDebitScheme::Core,
        batch_booking: true,
        debits: payments
            .iter()
            .map(|p| {
                let partner = partners.partner(p.partner);
                let mandate = partner.and_then(|x| x.mandate.as_ref());
                DirectDebit {
                    end_to_end_id: p.end_to_end_id.clone(),
                    amount: p.amount,
                    debtor: partner_party(partner),
                    mandate_id: mandate.map(|m| m.id.clone()).unwrap_or_default(),
                    mandate_signed_on: mandate.map_or(run.params.run_date, |m| m.signed),
                    sequence: match mandate.map(|m| m.sequence) {
                        Some(MandateSequence::Recurring) => SequenceType::Recurring,
                        _ => SequenceType::First,
                    },
                    collection_date: collection_date(run, created_at),
                    remittance: remittance(book, run, p),
                }
            })
            .collect(),
    }
}
