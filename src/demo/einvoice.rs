//! The demo company's received e-invoices (issue 19, part F): two
//! XRechnungen of one seminar provider, taken from the KoSIT XRechnung
//! test suite (Apache-2.0; `tests/fixtures/xrechnung/`, its README and
//! LICENSE) and changed here in two ways only: the placeholder seller
//! name becomes "Seminarhaus Lindenhof GmbH" and the dates move into the
//! demo's last December. The first (01.05a, CII, no due date) comes from a
//! vendor the books do not know yet: the vendor is created from the
//! invoice, as the screen offers; the second (01.07a, UBL, with a due
//! date) is then matched and posted with the account remembered. Both
//! are posted through the inbox, so each entry keeps its original.
//! Deterministic: the bytes depend only on the demo's years.

use super::{DemoError, DemoSpec, VatPosting};
use crate::formats::einvoice;
use crate::forms::einvoice::propose;
use crate::ledger::inbox::{Document, InboxCommand};
use crate::ledger::partners::PartnersCommand;
use crate::ledger::types::{PostingKey, Timestamp};
use crate::ledger::{Book, Command, Event};
use chrono::{Days, NaiveDate};

const CII: &[u8] = include_bytes!("../../tests/fixtures/xrechnung/01.05a-INVOICE_uncefact.xml");
const UBL: &[u8] = include_bytes!("../../tests/fixtures/xrechnung/01.07a-INVOICE_ubl.xml");
const SELLER: &str = "Seminarhaus Lindenhof GmbH";
const KEY_BASE: u128 = 0xDE19_0000_0000_0000_0000_0000_0000_0000;
/// The smallest demo with e-invoices (like the loan): the two entries
/// come off the generator's.
pub(crate) const MIN_ENTRIES: usize = 2_000;

/// Two entries from `MIN_ENTRIES` up, in the tax-code shape only (the
/// benchmark shape writes no tax codes, and the proposal posts with them).
pub(crate) fn entries(spec: &DemoSpec) -> usize {
    if spec.entries < MIN_ENTRIES || spec.vat != VatPosting::TaxCodes {
        0
    } else {
        2
    }
}

fn replaced(bytes: &[u8], pairs: &[(String, String)]) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    for (from, to) in pairs {
        text = text.replace(from.as_str(), to);
    }
    text.into_bytes()
}

/// The two files as the demo received them, with their names.
pub fn files(spec: &DemoSpec) -> Option<[(String, Vec<u8>, NaiveDate); 2]> {
    let year = spec.first_year + i32::try_from(spec.years()).ok()? - 1;
    let first = NaiveDate::from_ymd_opt(year, 12, 4)?;
    let second = NaiveDate::from_ymd_opt(year, 12, 11)?;
    let ymd = |d: NaiveDate| d.format("%Y%m%d").to_string();
    let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let seller = |s: &str| (s.to_string(), SELLER.to_string());
    let cii = replaced(
        CII,
        &[
            ("20150424".into(), ymd(first)),
            (
                "20150420".into(),
                ymd(first.checked_sub_days(Days::new(4))?),
            ),
            seller("[Seller name]"),
        ],
    );
    let ubl = replaced(
        UBL,
        &[
            ("2016-06-30".into(), iso(second)),
            (
                "2016-08-14".into(),
                iso(second.checked_add_days(Days::new(30))?),
            ),
            (
                "2016-06-01".into(),
                iso(second.checked_sub_days(Days::new(10))?),
            ),
            seller("[Seller name]"),
            seller("[Seller trading name]"),
        ],
    );
    Some([
        ("RE-Seminar-01.05a.xml".into(), cii, first),
        ("RE-Seminar-01.07a.xml".into(), ubl, second),
    ])
}

/// Posts the two invoices on `book` (commands numbered from `index` in
/// refusals), creating their vendor from the first.
pub(crate) fn add(
    spec: &DemoSpec,
    book: &mut Book,
    events: &mut Vec<Event>,
    index: usize,
) -> Result<(), DemoError> {
    if entries(spec) == 0 {
        return Ok(());
    }
    let Some(files) = files(spec) else {
        return Ok(());
    };
    let mut run = |book: &mut Book, n: usize, cmd: Command| -> Result<(), DemoError> {
        let new = book.execute(&cmd).map_err(|error| DemoError::Refused {
            index: index + n,
            error,
        })?;
        events.extend(new);
        Ok(())
    };
    for (n, (name, bytes, date)) in files.into_iter().enumerate() {
        let invoice = einvoice::read(&bytes).map_err(|e| DemoError::Statement {
            reason: format!("{name}: {e}"),
        })?;
        let at = Timestamp::at_midnight(date);
        let no_proposal = || DemoError::Statement {
            reason: format!("{name}: no proposal"),
        };
        let mut proposal = propose(book, &invoice).map_err(|_| no_proposal())?;
        if proposal.vendor.is_none() {
            let mut vendor = proposal.new_vendor.clone();
            vendor.payment_terms = None;
            run(
                book,
                2 * n,
                Command::Partners(PartnersCommand::CreatePartner {
                    partner: Box::new(vendor),
                    by: "demo".into(),
                    at,
                }),
            )?;
            proposal = propose(book, &invoice).map_err(|_| no_proposal())?;
        }
        let (vendor, _) = proposal.vendor.ok_or_else(no_proposal)?;
        let draft = proposal.draft(vendor, date, "demo");
        run(
            book,
            2 * n + 1,
            Command::Inbox(InboxCommand::PostIncomingInvoice {
                draft: Box::new(draft),
                document: Document {
                    name,
                    media_type: "application/xml".into(),
                    bytes: bytes.into(),
                },
                invoice_number: invoice.number.clone(),
                key: PostingKey(KEY_BASE | (n as u128 + 1)),
                by: "demo".into(),
                at,
            }),
        )?;
    }
    Ok(())
}
