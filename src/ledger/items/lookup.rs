//! The one price lookup (Preisfindung): price(item, partner, date,
//! quantity, currency) → unit price, discount and the rule that decided
//! it, in the order SAP Business One uses:
//! 1. the partner's special price valid on the date (its quantity break);
//! 2. a period or volume discount of the partner's price list;
//! 3. the partner's discount group (discount per item group);
//! 4. the list price (own, hand-set on a derived list, derived, or the
//!    item's default price on a base list without one).
//!
//! Pure: every document that needs a price asks this function.
//!
//! The first rule that applies decides; rules are not combined (SAP
//! Business One's "discount group relations" are not modelled). Ties:
//! - a partner's special beats its list's period or volume discount,
//!   even when the list's would be cheaper (the order above);
//! - within one special, the highest quantity break whose `from` ≤ the
//!   quantity wins over its own value (a break applies from exactly its
//!   quantity on); below its first break a special with a 0 % discount
//!   (a pure volume scale) does not decide and the next rule is asked;
//! - validity is inclusive on both days; specials of one scope and item
//!   never overlap, so at most one is valid on a day;
//! - the partner's list is the one in its pricing, else the
//!   lowest-numbered list (also without a partner); list-scope specials
//!   of that list apply without a partner too;
//! - on a list, a hand-set price (latest `from` on or before the date)
//!   beats a derived one; a `None` price removes it from its date.
//!
//! Currency: a list's own price in the asked currency if it has one, else
//! its price in its own currency converted at the day's rate (through the
//! company currency when neither is it); a derived list takes its base's
//! price in the derived list's currency, then × factor, then its
//! rounding. The item's default price is in the company currency.
//!
//! Decimals: a derived price is rounded by its list's rule; a converted
//! or discounted unit price commercially to the currency's decimals, or
//! to the list price's own finer precision (at most 4: a screw at 0.0125
//! EUR keeps its four decimals). A special's discount against the list
//! price is stated to 4 decimals (negative when the special is above it).

use crate::ledger::items::master::Item;
use crate::ledger::items::prices::ListBasis;
use crate::ledger::items::special::{PriceScope, PriceValue, SpecialPrice};
use crate::ledger::items::{Items, Refs};
use crate::ledger::types::limits::{MAX_PERCENT_DECIMALS, MAX_PRICE_DECIMALS};
use crate::ledger::types::money::{decimals_used, round};
use crate::ledger::types::{Currency, PartnerCode};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceQuery {
    pub item: String,
    /// `None`: no partner (the base list, no special price).
    pub partner: Option<PartnerCode>,
    pub date: NaiveDate,
    pub quantity: Decimal,
    pub currency: Currency,
}

/// How the list price was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListSource {
    /// Entered on the list.
    Own,
    /// Set by hand on a derived list.
    HandSet,
    /// Derived: base list × factor, rounded.
    Derived { base: u32, factor: Decimal },
    /// The item's default price (no price on the base list).
    ItemDefault,
}

/// The rule that decided the price, for the user to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PriceRule {
    PartnerSpecial {
        partner: PartnerCode,
        valid_to: Option<NaiveDate>,
    },
    PartnerVolume {
        partner: PartnerCode,
        from: Decimal,
    },
    ListPeriod {
        list: u32,
        valid_to: Option<NaiveDate>,
    },
    ListVolume {
        list: u32,
        from: Decimal,
    },
    DiscountGroup {
        group: String,
        item_group: String,
    },
    ListPrice {
        list: u32,
        source: ListSource,
    },
}

/// The answer. `price` = `list_price` × (1 − `discount` / 100), rounded
/// to the price decimals; a special with a price sets `price` and states
/// its discount against the list price.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub list: u32,
    pub list_price: Decimal,
    pub discount: Decimal,
    pub price: Decimal,
    pub currency: Currency,
    /// The day's rate used (foreign units per company-currency unit),
    /// when the price was converted.
    pub rate: Option<Decimal>,
    pub rule: PriceRule,
}

/// Why no price can be given.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PriceError {
    #[error("there is no item {item:?}")]
    UnknownItem { item: String },
    #[error("item {item:?} is inactive")]
    InactiveItem { item: String },
    #[error("there is no partner {partner}")]
    UnknownPartner { partner: PartnerCode },
    #[error("there is no price list")]
    NoPriceList,
    #[error("no rate for {currency} on {date}")]
    NoRate { currency: Currency, date: NaiveDate },
    #[error("the quantity must be greater than zero")]
    Quantity,
}

/// A list price as found, before any discount: what a price list screen
/// shows per item (and marks when `source` is `HandSet`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub price: Decimal,
    pub source: ListSource,
    /// The day's rate, when the price was converted.
    pub rate: Option<Decimal>,
}

/// What a special says for a quantity: its value and the break it came
/// from (`None`: its own value).
struct Decided<'a> {
    value: &'a PriceValue,
    from: Option<Decimal>,
}

impl Items {
    /// The price of `q`, or why there is none.
    pub fn price(&self, refs: Refs, q: &PriceQuery) -> Result<Quote, PriceError> {
        if q.quantity <= Decimal::ZERO {
            return Err(PriceError::Quantity);
        }
        let item = self.quoted_item(&q.item)?;
        let pricing = match q.partner {
            Some(partner) if refs.partners.partner(partner).is_none() => {
                return Err(PriceError::UnknownPartner { partner });
            }
            Some(partner) => self.partner_pricing(partner),
            None => Default::default(),
        };
        let list = pricing
            .list
            .or_else(|| self.lists.keys().next().copied())
            .ok_or(PriceError::NoPriceList)?;
        let listed = self.list_price(refs, list, item, q.currency, q.date)?;
        let base = Quote {
            list,
            list_price: listed.price,
            discount: Decimal::ZERO,
            price: listed.price,
            currency: q.currency,
            rate: listed.rate,
            rule: PriceRule::ListPrice {
                list,
                source: listed.source,
            },
        };
        if let Some(partner) = q.partner {
            let scope = PriceScope::Partner(partner);
            if let Some(quote) = self.by_special(refs, &scope, q, &base)? {
                return Ok(quote);
            }
        }
        if let Some(quote) = self.by_special(refs, &PriceScope::List(list), q, &base)? {
            return Ok(quote);
        }
        if let Some(code) = &pricing.discount_group
            && let Some(group) = self.discount_groups.get(code)
            && let Some((_, percent)) = group.discounts.iter().find(|(g, _)| *g == item.group)
        {
            let rule = PriceRule::DiscountGroup {
                group: code.clone(),
                item_group: item.group.clone(),
            };
            return Ok(discounted(base, *percent, rule));
        }
        Ok(base)
    }

    /// The price of item `code` on list `number` in `currency` on `date`,
    /// before any special or discount (rule 4 alone).
    pub fn list_price_of(
        &self,
        refs: Refs,
        number: u32,
        code: &str,
        currency: Currency,
        date: NaiveDate,
    ) -> Result<Listed, PriceError> {
        let item = self.quoted_item(code)?;
        self.list_price(refs, number, item, currency, date)
    }

    fn quoted_item(&self, code: &str) -> Result<&Item, PriceError> {
        let record = self
            .items
            .get(code)
            .ok_or_else(|| PriceError::UnknownItem {
                item: code.to_string(),
            })?;
        if !record.item.active {
            return Err(PriceError::InactiveItem {
                item: code.to_string(),
            });
        }
        Ok(&record.item)
    }

    /// The quote by the special of `scope` valid on the date, if it decides.
    fn by_special(
        &self,
        refs: Refs,
        scope: &PriceScope,
        q: &PriceQuery,
        base: &Quote,
    ) -> Result<Option<Quote>, PriceError> {
        let Some(special) = self.special_on(scope, &q.item, q.date) else {
            return Ok(None);
        };
        let Some(decided) = decide(special, q.quantity) else {
            return Ok(None);
        };
        let rule = special_rule(special, decided.from);
        Ok(Some(match decided.value {
            PriceValue::Discount { percent } => discounted(base.clone(), *percent, rule),
            PriceValue::Price { amount, currency } => {
                let (price, rate) = convert(refs, *amount, *currency, q.currency, q.date)?;
                let discount = if base.list_price > Decimal::ZERO {
                    let off = (Decimal::ONE - price / base.list_price) * Decimal::ONE_HUNDRED;
                    round(off, MAX_PERCENT_DECIMALS).normalize()
                } else {
                    Decimal::ZERO
                };
                Quote {
                    discount,
                    price,
                    rate: rate.or(base.rate),
                    rule,
                    ..base.clone()
                }
            }
        }))
    }

    /// The price of `item` on list `number` in `currency` on `date`.
    pub(super) fn list_price(
        &self,
        refs: Refs,
        number: u32,
        item: &Item,
        currency: Currency,
        date: NaiveDate,
    ) -> Result<Listed, PriceError> {
        self.list_price_at(refs, number, item, currency, date, 0)
    }

    fn list_price_at(
        &self,
        refs: Refs,
        number: u32,
        item: &Item,
        currency: Currency,
        date: NaiveDate,
        depth: usize,
    ) -> Result<Listed, PriceError> {
        // Checked lists never form a cycle; the depth guards a bad fold.
        let list = self
            .lists
            .get(&number)
            .filter(|_| depth <= self.lists.len())
            .ok_or(PriceError::NoPriceList)?;
        if let Some(price) = self.hand_set(number, &item.code, currency, date) {
            let source = match list.basis {
                ListBasis::Own => ListSource::Own,
                ListBasis::Derived { .. } => ListSource::HandSet,
            };
            let rate = None;
            return Ok(Listed {
                price,
                source,
                rate,
            });
        }
        if currency != list.currency {
            let own = self.list_price_at(refs, number, item, list.currency, date, depth + 1)?;
            let (price, rate) = convert(refs, own.price, list.currency, currency, date)?;
            return Ok(Listed {
                price,
                source: own.source,
                rate: rate.or(own.rate),
            });
        }
        match &list.basis {
            ListBasis::Derived {
                base,
                factor,
                rounding,
            } => {
                let from = self.list_price_at(refs, *base, item, currency, date, depth + 1)?;
                Ok(Listed {
                    price: rounding.apply(from.price * factor, currency.decimals()),
                    source: ListSource::Derived {
                        base: *base,
                        factor: *factor,
                    },
                    rate: from.rate,
                })
            }
            ListBasis::Own => {
                let lc = refs.gl.settings().lc;
                let (price, rate) = convert(refs, item.default_price, lc, currency, date)?;
                Ok(Listed {
                    price,
                    source: ListSource::ItemDefault,
                    rate,
                })
            }
        }
    }
}

/// What `special` says for `quantity` (see the module doc).
fn decide(special: &SpecialPrice, quantity: Decimal) -> Option<Decided<'_>> {
    if let Some(b) = special.breaks.iter().rev().find(|b| b.from <= quantity) {
        return Some(Decided {
            value: &b.value,
            from: Some(b.from),
        });
    }
    let scale_only = !special.breaks.is_empty()
        && matches!(special.value, PriceValue::Discount { percent } if percent.is_zero());
    (!scale_only).then_some(Decided {
        value: &special.value,
        from: None,
    })
}

fn special_rule(special: &SpecialPrice, from: Option<Decimal>) -> PriceRule {
    match (&special.scope, from) {
        (PriceScope::Partner(partner), Some(from)) => PriceRule::PartnerVolume {
            partner: *partner,
            from,
        },
        (PriceScope::Partner(partner), None) => PriceRule::PartnerSpecial {
            partner: *partner,
            valid_to: special.valid_to,
        },
        (PriceScope::List(list), Some(from)) => PriceRule::ListVolume { list: *list, from },
        (PriceScope::List(list), None) => PriceRule::ListPeriod {
            list: *list,
            valid_to: special.valid_to,
        },
    }
}

/// `base` with `percent` off its list price.
fn discounted(base: Quote, percent: Decimal, rule: PriceRule) -> Quote {
    let raw = base.list_price * (Decimal::ONE - percent / Decimal::ONE_HUNDRED);
    Quote {
        discount: percent,
        price: round_price(raw, base.currency, base.list_price),
        rule,
        ..base
    }
}

/// To the currency's decimals, or `like`'s finer ones (at most 4).
pub(super) fn round_price(value: Decimal, currency: Currency, like: Decimal) -> Decimal {
    let decimals = currency
        .decimals()
        .max(decimals_used(like))
        .min(MAX_PRICE_DECIMALS);
    round(value, decimals)
}

/// `amount` in `from` as `to` on `date`, and the rate used (`None`: the
/// same currency). The rate reported is the asked currency's, unless it
/// is the company currency.
fn convert(
    refs: Refs,
    amount: Decimal,
    from: Currency,
    to: Currency,
    date: NaiveDate,
) -> Result<(Decimal, Option<Decimal>), PriceError> {
    if from == to {
        return Ok((amount, None));
    }
    let lc = refs.gl.settings().lc;
    let rate = |currency: Currency| {
        refs.gl
            .rates()
            .rate_on(currency, date)
            .map_err(|_| PriceError::NoRate { currency, date })
    };
    // As gl::fx (foreign units per company-currency unit), rounded once
    // at the end, so a conversion through the company currency does not
    // round twice.
    let (in_lc, from_rate) = if from == lc {
        (amount, None)
    } else {
        let r = rate(from)?;
        (amount / r, Some(r))
    };
    let (in_to, to_rate) = if to == lc {
        (in_lc, None)
    } else {
        let r = rate(to)?;
        (in_lc * r, Some(r))
    };
    Ok((round_price(in_to, to, amount), to_rate.or(from_rate)))
}
