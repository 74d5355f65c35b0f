//! Prices in words, one copy for the price screens: a derived list's
//! rounding ("kaufmännisch auf 0,05"), a list's basis ("aus Liste 1 Basis
//! × 0,85"), the rule the price lookup names ("Sonderpreis für Partner
//! 10023 gültig bis 31.12.2026"), and a price or factor typed or shown in
//! the UI language. The price lists, the list's prices and the price check
//! all say these things; saying them twice would let them drift.

use rust_decimal::Decimal;

use super::format::{fmt_date, fmt_quantity, number_style};
use crate::formats::amount::{format_amount, format_number, parse_amount};
use crate::ledger::gl::DisplayDecimals;
use crate::ledger::items::{
    Items, ListBasis, ListSource, PriceRule, RoundMode, RoundStep, Rounding, UnitCode,
};
use crate::ledger::types::Currency;
use crate::texts;
use crate::ui::i18n::{Lang, Text};

texts! {
    pub enum PriceWords {
        StepCent => "auf 0,01", "to 0.01";
        StepFive => "auf 0,05", "to 0.05";
        StepTen => "auf 0,10", "to 0.10";
        StepWhole => "auf ganze Beträge", "to whole amounts";
        Step99 => "auf ,99", "to .99";
        Commercial => "kaufmännisch", "commercially";
        Up => "aufrunden", "round up";
        Down => "abrunden", "round down";
        Own => "eigene Preise", "own prices";
        FromList => "aus Liste", "from list";
        Special => "Sonderpreis für Partner", "Special price for partner";
        ValidUntil => "gültig bis", "valid until";
        Open => "ohne Ende", "open-ended";
        Volume => "Mengenrabatt", "Volume discount";
        ForPartner => "für Partner", "for partner";
        OfList => "der Preisliste", "of price list";
        FromQty => "ab", "from";
        Period => "Periodenrabatt", "Period discount";
        DiscountGroup => "Rabattgruppe", "Discount group";
        ItemGroup => "Artikelgruppe", "item group";
        ListPrice => "Preis der Preisliste", "Price of price list";
        HandSet => "von Hand gesetzter Preis der Liste", "price set by hand on list";
        Derived => "abgeleitete Liste", "derived list";
        ItemDefault => "Artikel-Standardpreis", "Item default price";
        Pieces => "Stück", "pcs";
    }
}

/// The step of a rounding as words ("auf 0,05").
pub fn step_words(step: RoundStep, lang: Lang) -> &'static str {
    match step {
        RoundStep::Cent => PriceWords::StepCent,
        RoundStep::FiveCents => PriceWords::StepFive,
        RoundStep::TenCents => PriceWords::StepTen,
        RoundStep::Whole => PriceWords::StepWhole,
        RoundStep::Ending99 => PriceWords::Step99,
    }
    .text(lang)
}

/// The way of a rounding as words ("kaufmännisch").
pub fn mode_words(mode: RoundMode, lang: Lang) -> &'static str {
    match mode {
        RoundMode::Commercial => PriceWords::Commercial,
        RoundMode::Up => PriceWords::Up,
        RoundMode::Down => PriceWords::Down,
    }
    .text(lang)
}

/// "kaufmännisch auf 0,05" / "commercially to 0.05".
pub fn rounding_words(r: Rounding, lang: Lang) -> String {
    format!("{} {}", mode_words(r.mode, lang), step_words(r.step, lang))
}

/// A factor or percentage as the UI language writes it (0,85 / 0.85).
pub fn fmt_factor(value: Decimal, lang: Lang) -> String {
    format_number(value, number_style(lang))
}

/// A factor or percentage typed in the UI language (up to 6 decimals).
pub fn parse_factor(text: &str, lang: Lang) -> Option<Decimal> {
    parse_amount(text, number_style(lang), 6).ok()
}

/// A price with at least its currency's decimals (a price may carry
/// more: 0,0125 per gram).
pub fn fmt_price(price: Decimal, currency: Currency, lang: Lang) -> String {
    let decimals = currency.decimals().max(price.normalize().scale());
    format_amount(price, decimals, number_style(lang))
}

/// A price typed in the UI language (up to 4 decimals).
pub fn parse_price(text: &str, lang: Lang) -> Option<Decimal> {
    parse_amount(text, number_style(lang), 4).ok()
}

/// "Nr. Name" of a list, or the number alone when it is unknown.
pub fn list_label(items: &Items, number: u32) -> String {
    match items.list(number) {
        Some(l) => format!("{number} {}", l.name),
        None => number.to_string(),
    }
}

/// "eigene Preise" / "aus Liste 1 Basis × 0,85, kaufmännisch auf 0,05".
pub fn basis_words(items: &Items, basis: &ListBasis, lang: Lang) -> String {
    match basis {
        ListBasis::Own => PriceWords::Own.text(lang).to_string(),
        ListBasis::Derived {
            base,
            factor,
            rounding,
        } => format!(
            "{} {} × {}, {}",
            PriceWords::FromList.text(lang),
            list_label(items, *base),
            fmt_factor(*factor, lang),
            rounding_words(*rounding, lang)
        ),
    }
}

/// A quantity with its unit, short for pieces ("100 Stück", "2,5 Stunde").
fn quantity_words(
    quantity: Decimal,
    unit: UnitCode,
    display: &DisplayDecimals,
    lang: Lang,
) -> String {
    let unit = match unit.as_str() {
        "C62" | "H87" => PriceWords::Pieces.text(lang),
        _ => {
            let u = unit.unit();
            if lang == Lang::De { u.de } else { u.en }
        }
    };
    format!("{} {unit}", fmt_quantity(quantity, display, lang))
}

fn until(valid_to: Option<chrono::NaiveDate>, lang: Lang) -> String {
    match valid_to {
        Some(d) => format!(
            "{} {}",
            PriceWords::ValidUntil.text(lang),
            fmt_date(d, lang)
        ),
        None => format!("({})", PriceWords::Open.text(lang)),
    }
}

/// The rule the price lookup names, as a sentence part the user reads:
/// "Sonderpreis für Partner 10023 gültig bis 31.12.2026", "Mengenrabatt
/// für Partner 10023 ab 100 Stück", "abgeleitete Liste 2 Wiederverkäufer
/// (1 Basis × 0,85)", "Rabattgruppe GH (Artikelgruppe HW)",
/// "Artikel-Standardpreis". `unit` is the item's unit of measure.
pub fn rule_words(
    items: &Items,
    rule: &PriceRule,
    unit: UnitCode,
    display: &DisplayDecimals,
    lang: Lang,
) -> String {
    let w = |t: PriceWords| t.text(lang);
    match rule {
        PriceRule::PartnerSpecial { partner, valid_to } => {
            format!(
                "{} {partner} {}",
                w(PriceWords::Special),
                until(*valid_to, lang)
            )
        }
        PriceRule::PartnerVolume { partner, from } => format!(
            "{} {} {partner} {} {}",
            w(PriceWords::Volume),
            w(PriceWords::ForPartner),
            w(PriceWords::FromQty),
            quantity_words(*from, unit, display, lang)
        ),
        PriceRule::ListPeriod { list, valid_to } => format!(
            "{} {} {} {}",
            w(PriceWords::Period),
            w(PriceWords::OfList),
            list_label(items, *list),
            until(*valid_to, lang)
        ),
        PriceRule::ListVolume { list, from } => format!(
            "{} {} {} {} {}",
            w(PriceWords::Volume),
            w(PriceWords::OfList),
            list_label(items, *list),
            w(PriceWords::FromQty),
            quantity_words(*from, unit, display, lang)
        ),
        PriceRule::DiscountGroup { group, item_group } => {
            let name = items
                .discount_groups()
                .find(|g| &g.code == group)
                .map(|g| format!(" {}", g.name))
                .unwrap_or_default();
            format!(
                "{} {group}{name} ({} {item_group})",
                w(PriceWords::DiscountGroup),
                w(PriceWords::ItemGroup)
            )
        }
        PriceRule::ListPrice { list, source } => source_words(items, *list, source, lang),
    }
}

/// How a list price was found, in words.
pub fn source_words(items: &Items, list: u32, source: &ListSource, lang: Lang) -> String {
    let w = |t: PriceWords| t.text(lang);
    match source {
        ListSource::Own => format!("{} {}", w(PriceWords::ListPrice), list_label(items, list)),
        ListSource::HandSet => format!("{} {}", w(PriceWords::HandSet), list_label(items, list)),
        ListSource::Derived { base, factor } => format!(
            "{} {} ({} × {})",
            w(PriceWords::Derived),
            list_label(items, list),
            list_label(items, *base),
            fmt_factor(*factor, lang)
        ),
        ListSource::ItemDefault => w(PriceWords::ItemDefault).to_string(),
    }
}
