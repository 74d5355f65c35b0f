//! Master data edited after it was set up, so the change log
//! (Änderungsprotokoll) has something to show a class: the first
//! customer moved within its town and got a new contact and a higher
//! credit limit, and the first vendor's remarks were filled in, each by
//! the demo user on the morning after New Year. Nothing a posting
//! depends on changes (no IBAN, terms or control account), so the demo's
//! statements and runs propose what they did before.

use super::{DEMO_USER, DemoError};
use crate::ledger::partners::{Partner, PartnerKind, PartnersCommand};
use crate::ledger::types::Timestamp;
use crate::ledger::{Book, Command, Event};
use rust_decimal::Decimal;

pub fn change_events(book: &mut Book, year: i32) -> Result<Vec<Event>, DemoError> {
    let morning = |minute| {
        chrono::NaiveDate::from_ymd_opt(year, 1, 2)
            .and_then(|d| Timestamp::at(d, 8, minute, 0))
            .ok_or(DemoError::YearOutOfRange { year })
    };
    let mut events = Vec::new();
    if let Some(mut customer) = first(book, PartnerKind::Customer) {
        customer.address.street = "Große Bleichen".into();
        customer.address.house_number = "21".into();
        customer.contact.person = "Jana Brandt".into();
        customer.credit_limit =
            Some(customer.credit_limit.unwrap_or_default() + Decimal::from(5_000));
        events.extend(update(book, customer, morning(1)?)?);
    }
    if let Some(mut vendor) = first(book, PartnerKind::Vendor) {
        vendor.remarks = "Lieferungen nur nach Bestellnummer; Rechnungen als XRechnung.".into();
        events.extend(update(book, vendor, morning(2)?)?);
    }
    Ok(events)
}

fn first(book: &Book, kind: PartnerKind) -> Option<Partner> {
    book.partners().partners().find(|p| p.kind == kind).cloned()
}

fn update(book: &mut Book, partner: Partner, at: Timestamp) -> Result<Vec<Event>, DemoError> {
    let cmd = Command::Partners(PartnersCommand::UpdatePartner {
        partner: Box::new(partner),
        by: DEMO_USER.into(),
        at,
    });
    Ok(book.execute(&cmd)?)
}
