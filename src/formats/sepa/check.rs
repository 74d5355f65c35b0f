//! The German banks' rules that the ISO XSDs do not enforce, as one pure
//! step before writing: SEPA character set (with transliteration), lengths,
//! IBAN/BIC/creditor id, amounts, dates, unique end-to-end ids. Every
//! problem of the order is collected (not only the first), each naming
//! its transaction and field. What passes is a checked order, the only
//! thing the writers accept.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use super::charset::{self, IdentifierFault};
use super::error::{Field, Place, Problem, SepaError};
use super::order::{
    Address, CreditTransferOrder, DirectDebit, DirectDebitOrder, DirectDebitScheme, Party,
    SequenceType,
};
use crate::formats::iban::{self, Bic, CreditorId, Iban};

/// A payment-information block's key: requested date and, for debits,
/// sequence type.
type GroupKey = (NaiveDate, Option<SequenceType>);
/// Mandate id and date of signature.
type Mandate = (String, NaiveDate);

/// `Max70Text` names (EPC: 70 characters).
pub const MAX_NAME: usize = 70;
/// Unstructured remittance information (EPC: 140 characters).
pub const MAX_REMITTANCE: usize = 140;
/// `Max35Text` identifiers.
pub const MAX_ID: usize = 35;
/// Message ids leave room for `-<n>` in the payment-information ids.
pub const MAX_MESSAGE_ID: usize = 30;
/// Payment-information blocks per file (`-1` … `-9999`).
pub const MAX_GROUPS: usize = 9999;
const MAX_STREET: usize = 70;
const MAX_BUILDING_NUMBER: usize = 16;
const MAX_POST_CODE: usize = 16;
const MAX_TOWN: usize = 35;

/// Largest single amount the EPC rulebooks allow.
fn max_amount() -> Decimal {
    Decimal::new(99_999_999_999, 2)
}

/// Largest control sum: `CtrlSum` has at most 18 digits, 2 of them decimals.
fn max_control_sum() -> Decimal {
    Decimal::new(999_999_999_999_999_999, 2)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedAddress {
    pub street: Option<String>,
    pub building_number: Option<String>,
    pub post_code: Option<String>,
    pub town: String,
    pub country: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedParty {
    pub name: String,
    pub address: Option<CheckedAddress>,
    pub iban: Iban,
    pub bic: Option<Bic>,
}

/// One transaction as it will be written (both kinds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedTransaction {
    pub end_to_end_id: String,
    /// Exactly two decimals.
    pub amount: Decimal,
    /// The counterparty: creditor of a transfer, debtor of a debit.
    pub party: CheckedParty,
    pub remittance: Option<String>,
    /// Direct debits only: mandate id and date of signature.
    pub mandate: Option<Mandate>,
}

/// A payment-information block: one requested date (and, for debits, one
/// sequence type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub date: NaiveDate,
    pub sequence: Option<SequenceType>,
    pub control_sum: Decimal,
    pub transactions: Vec<CheckedTransaction>,
}

/// An order that passed every check; fields as they will be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub message_id: String,
    pub created_at: NaiveDateTime,
    pub initiating_party: String,
    /// Our own party: debtor of a transfer, creditor of a debit.
    pub own: CheckedParty,
    pub batch_booking: bool,
    pub groups: Vec<Group>,
    pub transaction_count: usize,
    pub control_sum: Decimal,
}

/// A checked pain.001 order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedCreditTransfer(pub(super) Checked);
/// A checked pain.008 order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedDirectDebit {
    pub(super) checked: Checked,
    pub(super) creditor_id: CreditorId,
    pub(super) scheme: DirectDebitScheme,
}

impl CheckedCreditTransfer {
    pub fn content(&self) -> &Checked {
        &self.0
    }
}
impl CheckedDirectDebit {
    pub fn content(&self) -> &Checked {
        &self.checked
    }
    pub fn creditor_id(&self) -> &CreditorId {
        &self.creditor_id
    }
    pub fn scheme(&self) -> DirectDebitScheme {
        self.scheme
    }
}

/// Collects problems for one place at a time.
struct Checker {
    errors: Vec<SepaError>,
    place: Place,
}

impl Checker {
    fn push(&mut self, field: Field, problem: Problem) {
        self.errors.push(SepaError {
            place: self.place.clone(),
            field,
            problem,
        });
    }

    /// Trimmed, transliterated free text within `max` characters; `None`
    /// when empty (an error if `required`) or refused.
    fn text(&mut self, field: Field, raw: &str, max: usize, required: bool) -> Option<String> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            if required {
                self.push(field, Problem::Empty);
            }
            return None;
        }
        match charset::transliterate(trimmed) {
            Err(charset::Unmappable(ch)) => {
                self.push(field, Problem::NotInCharset { ch });
                None
            }
            Ok(text) => {
                let found = text.chars().count();
                if found > max {
                    self.push(field, Problem::TooLong { max, found });
                    return None;
                }
                Some(text)
            }
        }
    }

    /// An identifier exactly as given (never rewritten).
    fn identifier(&mut self, field: Field, raw: &str, max: usize) -> Option<String> {
        if raw.is_empty() {
            self.push(field, Problem::Empty);
            return None;
        }
        let problem = match charset::check_identifier(raw) {
            Err(IdentifierFault::Character(ch)) => Problem::IdentifierCharacter { ch },
            Err(IdentifierFault::Slashes) => Problem::IdentifierSlashes,
            Ok(()) => {
                let found = raw.chars().count();
                if found <= max {
                    return Some(raw.to_string());
                }
                Problem::TooLong { max, found }
            }
        };
        self.push(field, problem);
        None
    }

    fn amount(&mut self, amount: Decimal) -> Option<Decimal> {
        let problem = if amount <= Decimal::ZERO {
            Problem::AmountNotPositive
        } else if amount > max_amount() {
            Problem::AmountTooLarge
        } else if amount.normalize().scale() > 2 {
            Problem::AmountFraction
        } else {
            let mut cents = amount.normalize();
            cents.rescale(2);
            return Some(cents);
        };
        self.push(Field::Amount, problem);
        None
    }

    fn date(&mut self, field: Field, date: NaiveDate) -> Option<NaiveDate> {
        if (1000..=9999).contains(&date.year()) {
            return Some(date);
        }
        self.push(field, Problem::YearOutOfRange { date });
        None
    }

    fn address(&mut self, a: &Address) -> Option<CheckedAddress> {
        let street = self.text(
            Field::Street,
            a.street.as_deref().unwrap_or(""),
            MAX_STREET,
            false,
        );
        let building_number = self.text(
            Field::BuildingNumber,
            a.building_number.as_deref().unwrap_or(""),
            MAX_BUILDING_NUMBER,
            false,
        );
        let post_code = self.text(
            Field::PostCode,
            a.post_code.as_deref().unwrap_or(""),
            MAX_POST_CODE,
            false,
        );
        let town = self.text(Field::Town, &a.town, MAX_TOWN, true);
        let country = a.country.trim().to_ascii_uppercase();
        let country_ok = country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase());
        if !country_ok {
            self.push(Field::Country, Problem::CountryCode);
        }
        // Optional parts that were refused were reported; none is dropped.
        let refused = |raw: &Option<String>, checked: &Option<String>| {
            raw.as_deref().is_some_and(|r| !r.trim().is_empty()) && checked.is_none()
        };
        if refused(&a.street, &street)
            || refused(&a.building_number, &building_number)
            || refused(&a.post_code, &post_code)
            || !country_ok
        {
            return None;
        }
        Some(CheckedAddress {
            street,
            building_number,
            post_code,
            town: town?,
            country,
        })
    }

    fn party(&mut self, p: &Party) -> Option<CheckedParty> {
        let name = self.text(Field::Name, &p.name, MAX_NAME, true);
        let address = p.address.as_ref().map(|a| self.address(a));
        let iban = iban::parse_iban(&p.iban)
            .map_err(|e| self.push(Field::Iban, Problem::Iban(e)))
            .ok();
        let bic = match p.bic.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            None => Some(None),
            Some(text) => iban::parse_bic(text)
                .map(Some)
                .map_err(|e| self.push(Field::Bic, Problem::Bic(e)))
                .ok(),
        };
        Some(CheckedParty {
            name: name?,
            address: match address {
                None => None,
                Some(checked) => Some(checked?),
            },
            iban: iban?,
            bic: bic?,
        })
    }
}

/// The order-level part shared by both kinds.
struct Header {
    message_id: String,
    created_at: NaiveDateTime,
    initiating_party: String,
    own: CheckedParty,
}

fn check_header(
    c: &mut Checker,
    message_id: &str,
    created_at: NaiveDateTime,
    initiating_party: &str,
    own: &Party,
    count: usize,
) -> Option<Header> {
    let id = c.identifier(Field::MessageId, message_id, MAX_MESSAGE_ID);
    let created = c.date(Field::CreatedAt, created_at.date());
    let initiating = c.text(Field::InitiatingParty, initiating_party, MAX_NAME, true);
    let own = c.party(own);
    if count == 0 {
        c.push(Field::Transactions, Problem::NoTransactions);
    }
    created?;
    Some(Header {
        message_id: id?,
        created_at,
        initiating_party: initiating?,
        own: own?,
    })
}

/// Groups transactions by (date, sequence type), numbering the blocks in
/// date order; checks the block count and the control sums.
fn group(
    c: &mut Checker,
    message_id: &str,
    keyed: Vec<(GroupKey, CheckedTransaction)>,
) -> Option<(Vec<Group>, Decimal)> {
    let mut by_key: BTreeMap<GroupKey, Vec<CheckedTransaction>> = BTreeMap::new();
    for (key, tx) in keyed {
        by_key.entry(key).or_default().push(tx);
    }
    if by_key.len() > MAX_GROUPS {
        c.push(
            Field::Transactions,
            Problem::TooManyGroups { max: MAX_GROUPS },
        );
        return None;
    }
    let mut total = Some(Decimal::ZERO);
    let mut groups = Vec::with_capacity(by_key.len());
    for (n, ((date, sequence), transactions)) in by_key.into_iter().enumerate() {
        let sum = transactions
            .iter()
            .try_fold(Decimal::ZERO, |sum, tx| sum.checked_add(tx.amount));
        total = total.zip(sum).and_then(|(t, s)| t.checked_add(s));
        groups.push(Group {
            id: format!("{message_id}-{}", n + 1),
            date,
            sequence,
            control_sum: sum.unwrap_or_default(),
            transactions,
        });
    }
    match total {
        Some(total) if total <= max_control_sum() => Some((groups, total)),
        _ => {
            c.push(Field::Transactions, Problem::ControlSumTooLarge);
            None
        }
    }
}

/// Checks the place-independent part of a transaction and the uniqueness
/// of its end-to-end id.
fn check_transaction(
    c: &mut Checker,
    seen: &mut HashSet<String>,
    end_to_end_id: &str,
    amount: Decimal,
    party: &Party,
    remittance: &str,
) -> Option<CheckedTransaction> {
    let e2e = c.identifier(Field::EndToEndId, end_to_end_id, MAX_ID);
    if let Some(id) = &e2e
        && !seen.insert(id.clone())
    {
        c.push(Field::EndToEndId, Problem::DuplicateEndToEndId);
        return None;
    }
    let amount = c.amount(amount);
    let party = c.party(party);
    let remittance_given = !remittance.trim().is_empty();
    let remittance = c.text(Field::Remittance, remittance, MAX_REMITTANCE, false);
    if remittance_given && remittance.is_none() {
        return None;
    }
    Some(CheckedTransaction {
        end_to_end_id: e2e?,
        amount: amount?,
        party: party?,
        remittance,
        mandate: None,
    })
}

fn transaction_place(index: usize, end_to_end_id: &str) -> Place {
    Place::Transaction {
        index,
        end_to_end_id: end_to_end_id.to_string(),
    }
}

/// Checks a credit-transfer order against the German banks' rules.
pub fn check_credit_transfer(
    order: &CreditTransferOrder,
) -> Result<CheckedCreditTransfer, Vec<SepaError>> {
    let mut c = Checker {
        errors: Vec::new(),
        place: Place::Order,
    };
    let header = check_header(
        &mut c,
        &order.message_id,
        order.created_at,
        &order.initiating_party,
        &order.debtor,
        order.transfers.len(),
    );
    let created = order.created_at.date();
    let mut seen = HashSet::new();
    let mut keyed = Vec::with_capacity(order.transfers.len());
    for (index, t) in order.transfers.iter().enumerate() {
        c.place = transaction_place(index, &t.end_to_end_id);
        let tx = check_transaction(
            &mut c,
            &mut seen,
            &t.end_to_end_id,
            t.amount,
            &t.creditor,
            &t.remittance,
        );
        let date = c.date(Field::ExecutionDate, t.execution_date);
        if let Some(date) = date
            && date < created
        {
            c.push(
                Field::ExecutionDate,
                Problem::BeforeCreation { date, created },
            );
            continue;
        }
        if let (Some(tx), Some(date)) = (tx, date) {
            keyed.push(((date, None), tx));
        }
    }
    c.place = Place::Order;
    finish(c, header, keyed, order.batch_booking).map(CheckedCreditTransfer)
}

/// Checks a direct debit's own fields: mandate, collection date.
fn check_debit(
    c: &mut Checker,
    d: &DirectDebit,
    created: NaiveDate,
) -> Option<(GroupKey, Mandate)> {
    let mandate_id = c.identifier(Field::MandateId, &d.mandate_id, MAX_ID);
    let signed = c.date(Field::MandateSignedOn, d.mandate_signed_on);
    let collection = c.date(Field::CollectionDate, d.collection_date);
    let signed_ok = match signed {
        Some(signed) if signed > created => {
            let problem = Problem::SignedAfterCreation { signed, created };
            c.push(Field::MandateSignedOn, problem);
            false
        }
        _ => true,
    };
    // A collection is due at the debtor's bank at least one business day
    // after submission; the same day is always too late.
    let collection_ok = match collection {
        Some(date) if date <= created => {
            c.push(
                Field::CollectionDate,
                Problem::NotAfterCreation { date, created },
            );
            false
        }
        _ => true,
    };
    if !(signed_ok && collection_ok) {
        return None;
    }
    Some(((collection?, Some(d.sequence)), (mandate_id?, signed?)))
}

/// Checks a direct-debit order against the German banks' rules.
pub fn check_direct_debit(order: &DirectDebitOrder) -> Result<CheckedDirectDebit, Vec<SepaError>> {
    let mut c = Checker {
        errors: Vec::new(),
        place: Place::Order,
    };
    let header = check_header(
        &mut c,
        &order.message_id,
        order.created_at,
        &order.initiating_party,
        &order.creditor,
        order.debits.len(),
    );
    let creditor_id = iban::parse_creditor_id(&order.creditor_id)
        .map_err(|e| c.push(Field::CreditorId, Problem::CreditorId(e)))
        .ok();
    let created = order.created_at.date();
    let mut seen = HashSet::new();
    let mut keyed = Vec::with_capacity(order.debits.len());
    for (index, d) in order.debits.iter().enumerate() {
        c.place = transaction_place(index, &d.end_to_end_id);
        let tx = check_transaction(
            &mut c,
            &mut seen,
            &d.end_to_end_id,
            d.amount,
            &d.debtor,
            &d.remittance,
        );
        let debit = check_debit(&mut c, d, created);
        if let (Some(mut tx), Some((key, mandate))) = (tx, debit) {
            tx.mandate = Some(mandate);
            keyed.push((key, tx));
        }
    }
    c.place = Place::Order;
    let Some(creditor_id) = creditor_id else {
        return Err(c.errors);
    };
    let checked = finish(c, header, keyed, order.batch_booking)?;
    Ok(CheckedDirectDebit {
        checked,
        creditor_id,
        scheme: order.scheme,
    })
}

/// Groups the checked transactions and returns the checked order, or
/// every problem found.
fn finish(
    mut c: Checker,
    header: Option<Header>,
    keyed: Vec<(GroupKey, CheckedTransaction)>,
    batch_booking: bool,
) -> Result<Checked, Vec<SepaError>> {
    let count = keyed.len();
    let grouped = match &header {
        Some(h) if c.errors.is_empty() => group(&mut c, &h.message_id, keyed),
        _ => None,
    };
    match (header, grouped) {
        (Some(h), Some((groups, control_sum))) if c.errors.is_empty() => Ok(Checked {
            message_id: h.message_id,
            created_at: h.created_at,
            initiating_party: h.initiating_party,
            own: h.own,
            batch_booking,
            groups,
            transaction_count: count,
            control_sum,
        }),
        // Every path that yields no header or groups has reported why.
        _ => Err(c.errors),
    }
}
