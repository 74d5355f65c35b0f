//! Debitoren/Kreditoren (category 16): every business partner on its
//! personal account (the rule in the module note of `export`): name,
//! address, VAT id (EU-Land and the rest), phone, e-mail, up to five bank
//! accounts (IBAN, BIC, holder; the default one marked as Haupt-Bankverb.).

use super::buchungsstapel::master_header;
use super::columns::{Layout, Value, write_row};
use super::text::Out;
use super::{ExportRequest, Place, partner_account};
use crate::formats::datev::header::Category;
use crate::ledger::Book;
use crate::ledger::gl::DatevSettings;
use chrono::NaiveDate;

pub(super) fn write(
    book: &Book,
    request: &ExportRequest,
    settings: &DatevSettings,
    year_start: NaiveDate,
) -> Out {
    let mut out = Out::default();
    master_header(
        &mut out,
        book,
        request,
        settings,
        year_start,
        Category::Partners,
    );
    let layout = Layout::partners();
    layout.write_titles(&mut out);
    let c = |t: &str| layout.col(t);
    let (konto, name, kind, short, eu_land, eu_id) = (
        c("Konto"),
        c("Name (Adressatentyp Unternehmen)"),
        c("Adressatentyp"),
        c("Kurzbezeichnung"),
        c("EU-Land"),
        c("EU-USt-IdNr."),
    );
    let (address_kind, street, postcode, town, country) = (
        c("Adressart"),
        c("Straße"),
        c("Postleitzahl"),
        c("Ort"),
        c("Land"),
    );
    let (phone, email) = (c("Telefon"), c("E-Mail"));
    let bank_cols: Vec<(usize, usize, usize, usize)> = (1..=5)
        .map(|n| {
            (
                c(&format!("IBAN {n}")),
                c(&format!("SWIFT-Code {n}")),
                c(&format!("Abw. Kontoinhaber {n}")),
                c(&format!("Kennz. Haupt-Bankverb. {n}")),
            )
        })
        .collect();
    let tax_number = c("Steuernummer");
    let tail_from = tax_number + 1;
    let tail = layout.empty_tail(tail_from);
    let mut partners: Vec<_> = book.partners().partners().collect();
    partners.sort_by_key(|p| partner_account(p.code, settings.account_length));
    for p in partners {
        // Codes outside the ranges are refused by the partners sub-ledger;
        // one that still has no number is left out rather than mis-numbered.
        let Some(number) = partner_account(p.code, settings.account_length) else {
            continue;
        };
        let place = Place::Partner(p.code);
        let street_text = format!("{} {}", p.address.street, p.address.house_number)
            .trim()
            .to_string();
        let vat = p.vat_id.replace(' ', "");
        let (vat_country, vat_rest) = if vat.len() > 2 && vat.is_char_boundary(2) {
            vat.split_at(2)
        } else {
            ("", "")
        };
        let mut fields: Vec<(usize, Value<'_>)> = vec![
            (konto, Value::Num(number.to_string())),
            (name, Value::Text(&p.name, 50)),
            // 2 = Unternehmen.
            (kind, Value::Text("2", 1)),
            (short, Value::Text(&p.name, 15)),
            (eu_land, Value::Text(vat_country, 2)),
            (eu_id, Value::Text(vat_rest, 13)),
            (address_kind, Value::Text("STR", 3)),
            (street, Value::Text(&street_text, 36)),
            (postcode, Value::Text(&p.address.postcode, 10)),
            (town, Value::Text(&p.address.town, 30)),
            (country, Value::Text(&p.address.country, 2)),
            (phone, Value::Text(&p.contact.phone, 60)),
            (email, Value::Text(&p.contact.email, 60)),
            (tax_number, Value::Text(&p.tax_number, 20)),
        ];
        for (bank, cols) in p.bank_accounts.iter().zip(&bank_cols) {
            fields.push((cols.0, Value::Text(&bank.iban, 34)));
            fields.push((cols.1, Value::Text(&bank.bic, 11)));
            fields.push((cols.2, Value::Text(&bank.holder, 70)));
            fields.push((cols.3, Value::Text(if bank.default { "1" } else { "0" }, 1)));
        }
        fields.sort_by_key(|(col, _)| *col);
        write_row(&mut out, &layout, &fields, tail_from, &tail, &place);
    }
    out
}
