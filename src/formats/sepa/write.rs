//! The two documents, written with quick-xml's writer (escaping and
//! nesting by the library, never by string concatenation). Element order
//! follows the XSD sequences of pain.001.001.09 and pain.008.001.08; only
//! checked orders can be written, so every text here is already in the
//! SEPA character set and within its length. UTF-8, no byte-order mark,
//! indented by two spaces, one final newline.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::check::{
    CheckedAddress, CheckedCreditTransfer, CheckedDirectDebit, CheckedParty, CheckedTransaction,
    Group,
};

pub const PAIN_001_NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
pub const PAIN_008_NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08";

type Xml = Writer<Vec<u8>>;

fn open(w: &mut Xml, name: &str) -> io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))
}

fn close(w: &mut Xml, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// `<name>text</name>`, text escaped by quick-xml.
fn leaf(w: &mut Xml, name: &str, text: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(text))?;
    Ok(())
}

/// Opens each of `path` in turn, writes `text` into the last, closes all.
fn nested(w: &mut Xml, path: &[&str], text: &str) -> io::Result<()> {
    let Some((last, outer)) = path.split_last() else {
        return Ok(());
    };
    for name in outer {
        open(w, name)?;
    }
    leaf(w, last, text)?;
    for name in outer.iter().rev() {
        close(w, name)?;
    }
    Ok(())
}

fn start_document(namespace: &str, root: &str) -> io::Result<Xml> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let document = BytesStart::new("Document").with_attributes([("xmlns", namespace)]);
    w.write_event(Event::Start(document))?;
    open(&mut w, root)?;
    Ok(w)
}

fn end_document(mut w: Xml, root: &str) -> io::Result<Vec<u8>> {
    close(&mut w, root)?;
    close(&mut w, "Document")?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

fn group_header(w: &mut Xml, c: &super::check::Checked) -> io::Result<()> {
    open(w, "GrpHdr")?;
    leaf(w, "MsgId", &c.message_id)?;
    let created = c.created_at.format("%Y-%m-%dT%H:%M:%S").to_string();
    leaf(w, "CreDtTm", &created)?;
    leaf(w, "NbOfTxs", &c.transaction_count.to_string())?;
    leaf(w, "CtrlSum", &c.control_sum.to_string())?;
    nested(w, &["InitgPty", "Nm"], &c.initiating_party)?;
    close(w, "GrpHdr")
}

/// `PmtInfId` … `CtrlSum`: the block's head, the same in both documents.
fn group_head(w: &mut Xml, g: &Group, method: &str, batch_booking: bool) -> io::Result<()> {
    leaf(w, "PmtInfId", &g.id)?;
    leaf(w, "PmtMtd", method)?;
    leaf(w, "BtchBookg", if batch_booking { "true" } else { "false" })?;
    leaf(w, "NbOfTxs", &g.transactions.len().to_string())?;
    leaf(w, "CtrlSum", &g.control_sum.to_string())
}

fn address(w: &mut Xml, a: &CheckedAddress) -> io::Result<()> {
    open(w, "PstlAdr")?;
    if let Some(street) = &a.street {
        leaf(w, "StrtNm", street)?;
    }
    if let Some(number) = &a.building_number {
        leaf(w, "BldgNb", number)?;
    }
    if let Some(code) = &a.post_code {
        leaf(w, "PstCd", code)?;
    }
    leaf(w, "TwnNm", &a.town)?;
    leaf(w, "Ctry", &a.country)?;
    close(w, "PstlAdr")
}

/// `<Dbtr>`/`<Cdtr>`: name and address.
fn party(w: &mut Xml, element: &str, p: &CheckedParty) -> io::Result<()> {
    open(w, element)?;
    leaf(w, "Nm", &p.name)?;
    if let Some(a) = &p.address {
        address(w, a)?;
    }
    close(w, element)
}

fn account(w: &mut Xml, element: &str, p: &CheckedParty) -> io::Result<()> {
    nested(w, &[element, "Id", "IBAN"], p.iban.as_str())
}

/// The party's bank; without a BIC the EPC's "IBAN only" form
/// (`Othr/Id NOTPROVIDED`), which both schemas take.
fn agent(w: &mut Xml, element: &str, p: &CheckedParty) -> io::Result<()> {
    match &p.bic {
        Some(bic) => nested(w, &[element, "FinInstnId", "BICFI"], bic.as_str()),
        None => nested(w, &[element, "FinInstnId", "Othr", "Id"], "NOTPROVIDED"),
    }
}

fn amount(w: &mut Xml, t: &CheckedTransaction) -> io::Result<()> {
    w.create_element("InstdAmt")
        .with_attribute(("Ccy", "EUR"))
        .write_text_content(BytesText::new(&t.amount.to_string()))?;
    Ok(())
}

fn remittance(w: &mut Xml, t: &CheckedTransaction) -> io::Result<()> {
    match &t.remittance {
        Some(text) => nested(w, &["RmtInf", "Ustrd"], text),
        None => Ok(()),
    }
}

/// pain.001.001.09: one `PmtInf` per execution date.
pub fn pain001(order: &CheckedCreditTransfer) -> io::Result<Vec<u8>> {
    let c = order.content();
    let mut w = start_document(PAIN_001_NAMESPACE, "CstmrCdtTrfInitn")?;
    group_header(&mut w, c)?;
    for g in &c.groups {
        open(&mut w, "PmtInf")?;
        group_head(&mut w, g, "TRF", c.batch_booking)?;
        nested(&mut w, &["PmtTpInf", "SvcLvl", "Cd"], "SEPA")?;
        nested(&mut w, &["ReqdExctnDt", "Dt"], &g.date.to_string())?;
        party(&mut w, "Dbtr", &c.own)?;
        account(&mut w, "DbtrAcct", &c.own)?;
        agent(&mut w, "DbtrAgt", &c.own)?;
        leaf(&mut w, "ChrgBr", "SLEV")?;
        for t in &g.transactions {
            transfer(&mut w, t)?;
        }
        close(&mut w, "PmtInf")?;
    }
    end_document(w, "CstmrCdtTrfInitn")
}

fn transfer(w: &mut Xml, t: &CheckedTransaction) -> io::Result<()> {
    open(w, "CdtTrfTxInf")?;
    nested(w, &["PmtId", "EndToEndId"], &t.end_to_end_id)?;
    open(w, "Amt")?;
    amount(w, t)?;
    close(w, "Amt")?;
    // The creditor's bank is optional in SCT: omitted without a BIC.
    if let Some(bic) = &t.party.bic {
        nested(w, &["CdtrAgt", "FinInstnId", "BICFI"], bic.as_str())?;
    }
    party(w, "Cdtr", &t.party)?;
    account(w, "CdtrAcct", &t.party)?;
    remittance(w, t)?;
    close(w, "CdtTrfTxInf")
}

/// pain.008.001.08: one `PmtInf` per collection date and sequence type.
pub fn pain008(order: &CheckedDirectDebit) -> io::Result<Vec<u8>> {
    let c = order.content();
    let creditor_id = order.creditor_id().as_str();
    let scheme = order.scheme().code();
    let mut w = start_document(PAIN_008_NAMESPACE, "CstmrDrctDbtInitn")?;
    group_header(&mut w, c)?;
    for g in &c.groups {
        open(&mut w, "PmtInf")?;
        group_head(&mut w, g, "DD", c.batch_booking)?;
        open(&mut w, "PmtTpInf")?;
        nested(&mut w, &["SvcLvl", "Cd"], "SEPA")?;
        nested(&mut w, &["LclInstrm", "Cd"], scheme)?;
        if let Some(sequence) = g.sequence {
            leaf(&mut w, "SeqTp", sequence.code())?;
        }
        close(&mut w, "PmtTpInf")?;
        leaf(&mut w, "ReqdColltnDt", &g.date.to_string())?;
        party(&mut w, "Cdtr", &c.own)?;
        account(&mut w, "CdtrAcct", &c.own)?;
        agent(&mut w, "CdtrAgt", &c.own)?;
        leaf(&mut w, "ChrgBr", "SLEV")?;
        scheme_id(&mut w, creditor_id)?;
        for t in &g.transactions {
            debit(&mut w, t)?;
        }
        close(&mut w, "PmtInf")?;
    }
    end_document(w, "CstmrDrctDbtInitn")
}

/// `CdtrSchmeId`: the creditor identifier as a private id of scheme "SEPA".
fn scheme_id(w: &mut Xml, creditor_id: &str) -> io::Result<()> {
    open(w, "CdtrSchmeId")?;
    open(w, "Id")?;
    open(w, "PrvtId")?;
    open(w, "Othr")?;
    leaf(w, "Id", creditor_id)?;
    nested(w, &["SchmeNm", "Prtry"], "SEPA")?;
    close(w, "Othr")?;
    close(w, "PrvtId")?;
    close(w, "Id")?;
    close(w, "CdtrSchmeId")
}

fn debit(w: &mut Xml, t: &CheckedTransaction) -> io::Result<()> {
    open(w, "DrctDbtTxInf")?;
    nested(w, &["PmtId", "EndToEndId"], &t.end_to_end_id)?;
    amount(w, t)?;
    if let Some((mandate_id, signed)) = &t.mandate {
        open(w, "DrctDbtTx")?;
        open(w, "MndtRltdInf")?;
        leaf(w, "MndtId", mandate_id)?;
        leaf(w, "DtOfSgntr", &signed.to_string())?;
        close(w, "MndtRltdInf")?;
        close(w, "DrctDbtTx")?;
    }
    agent(w, "DbtrAgt", &t.party)?;
    party(w, "Dbtr", &t.party)?;
    account(w, "DbtrAcct", &t.party)?;
    remittance(w, t)?;
    close(w, "DrctDbtTxInf")
}
