//! Matching statement lines (Abgleich): for each line, ranked proposals
//! with their reasons in words, from an index built once per statement
//! over the open items, partners, payments and rules, so ten thousand
//! lines against a hundred thousand items stay well under a second.

use crate::ledger::bank::rules::RuleSplit;
use crate::ledger::open_items::ItemId;
use crate::ledger::types::PartnerCode;
use rust_decimal::Decimal;

/// Why a proposal was made; the UI says each in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The counterparty IBAN is a bank account of the partner.
    Iban,
    /// The counterparty name is (close to) the partner's name.
    Name,
    /// The purpose names the item's document (invoice number).
    DocumentNumber {
        number: String,
    },
    CreditorReference,
    /// The end-to-end id of one of our own payment runs.
    EndToEndId,
    ExactAmount,
    /// The amount is the open amount less the cash discount still open.
    NetOfDiscount {
        discount: Decimal,
    },
    /// Within the payment settings' tolerance.
    WithinTolerance {
        difference: Decimal,
    },
    /// Less than the open amount: a partial payment.
    Partial,
    /// Several items together make the amount.
    SeveralItems {
        count: usize,
    },
    /// Due within the date window of the line.
    DateWindow,
    /// A rule matched.
    Rule {
        id: u32,
        name: String,
    },
}

/// An item the proposal pays: `amount` leaves the item, `discount` of it
/// is cash discount (as in `payments::ItemDraft`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposedItem {
    pub item: ItemId,
    pub amount: Decimal,
    pub discount: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProposalAction {
    /// A partner's payment against items; what is left stays on account.
    Partner {
        partner: PartnerCode,
        items: Vec<ProposedItem>,
        on_account: Decimal,
    },
    /// G/L lines (a rule's split), amounts gross, signs as the line's.
    Gl { splits: Vec<RuleSplit> },
}

/// What an end-to-end id of one of our payment runs stands for (built by
/// the payment runs above the bank, handed to [`Matcher::with_end_to_end`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EndToEndTarget {
    /// An executed run posted the payment through the house bank's transit
    /// account: the line clears the transit account by `amount` (signed
    /// as the line's).
    Transit {
        account: crate::ledger::types::AccountNo,
        amount: Decimal,
        partner: PartnerCode,
    },
    /// An order run wrote the file only: the line pays these items.
    Items {
        partner: PartnerCode,
        items: Vec<ProposedItem>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// 0 to 100: how sure.
    pub score: u8,
    pub reasons: Vec<Reason>,
    pub action: ProposalAction,
}

mod draft;
mod index;
mod items;

pub use draft::{payment_draft, split_amounts, suspense_draft};

use crate::ledger::bank::Bank;
use crate::ledger::bank::house_bank::HouseBank;
use crate::ledger::bank::rules::{Rule, RuleAction, TextMatch, compile_regex};
use crate::ledger::bank::statement::BankLine;
use crate::ledger::open_items::OpenItem;
use crate::ledger::partners::PartnerKind;
use crate::ledger::payments::Payments;
use crate::ledger::posting::Context;
use crate::ledger::types::Side;
use index::{Index, name_tokens, purpose_keys};
use items::{Fit, Want};

/// At most this many proposals per line.
pub const MAX_PROPOSALS: usize = 5;
/// A name proposal needs at least this Dice similarity (in percent) of
/// the name tokens.
const NAME_THRESHOLD: usize = 60;

/// Points (of 100) for how the partner was found.
const BY_RULE: u8 = 45;
const BY_IBAN: u8 = 40;
const BY_NAME: u8 = 25;
const BY_DOCUMENT: u8 = 40;
/// A G/L rule is the user's own instruction.
const GL_RULE: u8 = 95;

/// The matching index of a Book's state: built once, asked per line.
pub struct Matcher<'a> {
    cx: Context<'a>,
    payments: &'a Payments,
    index: Index<'a>,
    end_to_end: Option<&'a std::collections::HashMap<String, EndToEndTarget>>,
}

/// How the partner of a line was found.
struct Found {
    partner: crate::ledger::types::PartnerCode,
    reasons: Vec<Reason>,
    points: u8,
}

impl<'a> Matcher<'a> {
    /// Builds the index (partners by IBAN and name, open items by partner
    /// and document number, compiled rules) once.
    pub fn new(cx: Context<'a>, payments: &'a Payments, bank: &'a Bank) -> Matcher<'a> {
        Matcher {
            cx,
            payments,
            index: Index::new(cx, bank.rules()),
            end_to_end: None,
        }
    }

    /// Recognises the end-to-end ids of our payment runs.
    pub fn with_end_to_end(
        mut self,
        index: &'a std::collections::HashMap<String, EndToEndTarget>,
    ) -> Matcher<'a> {
        self.end_to_end = Some(index);
        self
    }

    /// Ranked proposals for `line` of `house_bank`, best first (at most
    /// `MAX_PROPOSALS`); empty when nothing fits.
    pub fn propose(&self, house_bank: &HouseBank, line: &BankLine) -> Vec<Proposal> {
        if line.amount.is_zero() {
            return Vec::new();
        }
        let mut out: Vec<Proposal> = self.by_end_to_end(line).into_iter().collect();
        if let Some(rule) = self.first_rule(house_bank, line) {
            let reason = Reason::Rule {
                id: rule.id,
                name: rule.name.clone(),
            };
            match &rule.action {
                RuleAction::Gl(splits) => {
                    if split_amounts(line.amount.abs(), splits, self.decimals(house_bank)).is_some()
                    {
                        out.push(Proposal {
                            score: GL_RULE,
                            reasons: vec![reason],
                            action: ProposalAction::Gl {
                                splits: splits.clone(),
                            },
                        });
                    }
                }
                RuleAction::Partner(code) => {
                    let found = Found {
                        partner: *code,
                        reasons: vec![reason],
                        points: BY_RULE,
                    };
                    out.extend(self.for_partner(house_bank, line, found));
                }
            }
        }
        match self.find_partner(line) {
            Some(found) => out.extend(self.for_partner(house_bank, line, found)),
            None => out.extend(self.by_documents(house_bank, line)),
        }
        rank(out)
    }

    /// The proposal for a line carrying the end-to-end id of one of our
    /// payment runs: an executed run's payment went through the transit
    /// account, so the line clears it (one G/L split, the whole line); an
    /// order run's line pays the run's items of the partner that are
    /// still open. Full score when the amount is the run's, else below
    /// every partner proposal that fits exactly.
    fn by_end_to_end(&self, line: &BankLine) -> Option<Proposal> {
        let id = line.end_to_end_id.trim();
        let target = self.end_to_end?.get(id).filter(|_| !id.is_empty())?;
        let (expected, action) = match target {
            EndToEndTarget::Transit {
                account, amount, ..
            } => (
                *amount,
                ProposalAction::Gl {
                    splits: vec![RuleSplit {
                        account: *account,
                        tax_code: None,
                        centre: None,
                        share: crate::ledger::bank::rules::Share::Rest,
                    }],
                },
            ),
            EndToEndTarget::Items { partner, items } => {
                let open: Vec<ProposedItem> = items
                    .iter()
                    .filter(|p| {
                        self.cx
                            .open_items
                            .item(p.item)
                            .is_some_and(|i| i.is_open() && i.open_lc >= p.amount)
                    })
                    .cloned()
                    .collect();
                if open.is_empty() {
                    return None;
                }
                let net: Decimal = open
                    .iter()
                    .map(|p| {
                        let invoice =
                            self.cx.open_items.item(p.item).map(|i| i.side) == Some(side_for(line));
                        if invoice {
                            p.amount - p.discount
                        } else {
                            -p.amount
                        }
                    })
                    .sum();
                let action = ProposalAction::Partner {
                    partner: *partner,
                    items: open,
                    on_account: Decimal::ZERO,
                };
                (
                    if line.amount.is_sign_negative() {
                        -net
                    } else {
                        net
                    },
                    action,
                )
            }
        };
        let exact = expected == line.amount;
        Some(Proposal {
            score: if exact { 100 } else { 50 },
            reasons: if exact {
                vec![Reason::EndToEndId, Reason::ExactAmount]
            } else {
                vec![Reason::EndToEndId]
            },
            action,
        })
    }

    /// The first rule, in order, whose conditions `line` meets.
    pub fn first_rule(&self, house_bank: &HouseBank, line: &BankLine) -> Option<&'a Rule> {
        self.index
            .rules
            .iter()
            .find(|(rule, re, ok)| *ok && rule.matches_with(re.as_ref(), house_bank, line))
            .map(|(rule, _, _)| *rule)
    }

    fn decimals(&self, house_bank: &HouseBank) -> u32 {
        if house_bank.currency == self.cx.gl.settings().lc {
            self.cx.gl.settings().lc_decimals()
        } else {
            house_bank.currency.decimals()
        }
    }

    /// The partner by the counterparty IBAN (one partner, or the one of
    /// the kind the direction suggests), else by name.
    fn find_partner(&self, line: &BankLine) -> Option<Found> {
        let kind = kind_for(line);
        let codes = (!line.iban.is_empty())
            .then(|| self.index.by_iban.get(&line.iban))
            .flatten();
        if let Some(codes) = codes {
            let fitting: Vec<_> = codes
                .iter()
                .filter(|c| self.index.names.get(c).is_some_and(|(_, k)| *k == kind))
                .copied()
                .collect();
            let pick = match (codes.as_slice(), fitting.as_slice()) {
                ([one], _) | (_, [one]) => Some(*one),
                _ => None,
            };
            if let Some(partner) = pick {
                return Some(Found {
                    partner,
                    reasons: vec![Reason::Iban],
                    points: BY_IBAN,
                });
            }
        }
        self.by_name(&line.counterparty, kind).map(|partner| Found {
            partner,
            reasons: vec![Reason::Name],
            points: BY_NAME,
        })
    }

    /// The partner of `kind` whose name tokens are most like the
    /// counterparty's (Dice ≥ `NAME_THRESHOLD` %); `None` when two tie.
    fn by_name(&self, name: &str, kind: PartnerKind) -> Option<crate::ledger::types::PartnerCode> {
        let tokens = name_tokens(name);
        if tokens.is_empty() {
            return None;
        }
        // Candidates share a telling (indexed) token; the likeness counts
        // every token.
        let mut candidates: Vec<crate::ledger::types::PartnerCode> = tokens
            .iter()
            .flat_map(|t| self.index.by_token.get(t).into_iter().flatten())
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Vec<(usize, crate::ledger::types::PartnerCode)> = candidates
            .into_iter()
            .filter_map(|code| {
                let (theirs, k) = self.index.names.get(&code)?;
                let common = tokens.iter().filter(|t| theirs.contains(t)).count();
                let dice = 200 * common / (tokens.len() + theirs.len());
                (*k == kind && dice >= NAME_THRESHOLD).then_some((dice, code))
            })
            .collect();
        best.sort_by_key(|b| std::cmp::Reverse(b.0));
        match best.as_slice() {
            [(first, code), (second, _), ..] if first > second => Some(*code),
            [(_, code)] => Some(*code),
            _ => None,
        }
    }

    /// The line seen from the items of `partner`.
    fn want(
        &self,
        house_bank: &HouseBank,
        line: &BankLine,
        partner: crate::ledger::types::PartnerCode,
    ) -> Want<'a> {
        let lc = self.cx.gl.settings().lc;
        let settings = self.payments.settings();
        let tolerance = if house_bank.currency == lc && settings.write_off_account.is_some() {
            settings.tolerance_lc
        } else {
            Decimal::ZERO
        };
        let items = self
            .index
            .by_partner
            .get(&partner)
            .into_iter()
            .flatten()
            .copied()
            .filter(|i| self.usable(house_bank, line, i))
            .collect();
        Want {
            partner,
            amount: line.amount.abs(),
            side: side_for(line),
            date: line.booking_date,
            decimals: self.decimals(house_bank),
            tolerance,
            items,
        }
    }

    /// Open, in the house bank's currency, posted on or before the line.
    fn usable(&self, house_bank: &HouseBank, line: &BankLine, item: &OpenItem) -> bool {
        let currency = item
            .fc
            .as_ref()
            .map_or(self.cx.gl.settings().lc, |f| f.currency);
        item.is_open() && currency == house_bank.currency && item.posting_date <= line.booking_date
    }

    /// The items the purpose or creditor reference names, with the reason.
    fn documents(
        &self,
        house_bank: &HouseBank,
        line: &BankLine,
    ) -> (Vec<&'a OpenItem>, Vec<Reason>) {
        let mut found: Vec<&'a OpenItem> = Vec::new();
        let mut reasons = Vec::new();
        for (keys, creditor) in [
            (purpose_keys(&line.purpose, ""), false),
            (purpose_keys("", &line.creditor_reference), true),
        ] {
            for key in keys {
                for item in self.index.by_document.get(&key).into_iter().flatten() {
                    if self.usable(house_bank, line, item) && !found.iter().any(|f| f.id == item.id)
                    {
                        found.push(item);
                        let reason = if creditor {
                            Reason::CreditorReference
                        } else {
                            Reason::DocumentNumber {
                                number: self.reference(item),
                            }
                        };
                        if !reasons.contains(&reason) {
                            reasons.push(reason);
                        }
                    }
                }
            }
        }
        found.sort_by_key(|i| (i.due_date, i.id));
        (found, reasons)
    }

    fn reference(&self, item: &OpenItem) -> String {
        self.cx
            .journal
            .entry(item.id.entry)
            .map(|e| e.reference.clone())
            .unwrap_or_default()
    }

    /// Proposals for a known partner: the items the purpose names, then
    /// by amount, then oldest first (partial), else on account.
    fn for_partner(&self, house_bank: &HouseBank, line: &BankLine, found: Found) -> Vec<Proposal> {
        let want = self.want(house_bank, line, found.partner);
        let (docs, doc_reasons) = self.documents(house_bank, line);
        let docs: Vec<&OpenItem> = docs
            .into_iter()
            .filter(|i| i.partner == found.partner)
            .collect();
        let mut fits: Vec<(u8, Fit)> = Vec::new();
        if !docs.is_empty() {
            let fit = want
                .full_fit(&docs)
                .unwrap_or_else(|| want.oldest_first(&docs, Vec::new()));
            fits.push((BY_DOCUMENT, with_first(doc_reasons, fit)));
        }
        fits.extend(want.by_amount().into_iter().map(|f| (0, f)));
        if fits.is_empty() {
            fits.push((0, want.oldest_first(&want.items, Vec::new())));
        }
        self.finish(&want, found, fits)
    }

    /// Proposals without a known partner: by the documents the purpose
    /// names, when all are one partner's.
    fn by_documents(&self, house_bank: &HouseBank, line: &BankLine) -> Vec<Proposal> {
        let (docs, doc_reasons) = self.documents(house_bank, line);
        let Some(first) = docs.first() else {
            return Vec::new();
        };
        if docs.iter().any(|i| i.partner != first.partner) {
            return Vec::new();
        }
        let found = Found {
            partner: first.partner,
            reasons: Vec::new(),
            points: 0,
        };
        let want = self.want(house_bank, line, first.partner);
        let fit = want
            .full_fit(&docs)
            .unwrap_or_else(|| want.oldest_first(&docs, Vec::new()));
        self.finish(
            &want,
            found,
            vec![(BY_DOCUMENT, with_first(doc_reasons, fit))],
        )
    }

    /// Scores, reasons and the partner's payment block applied.
    fn finish(&self, want: &Want<'_>, found: Found, fits: Vec<(u8, Fit)>) -> Vec<Proposal> {
        let blocked = self
            .cx
            .partners
            .partner(found.partner)
            .is_some_and(|p| p.payment_block);
        fits.into_iter()
            .filter(|(_, f)| !(blocked && is_partial(want, &f.action)))
            .map(|(points, fit)| {
                let mut reasons = found.reasons.clone();
                reasons.extend(fit.reasons);
                let score = u16::from(found.points) + u16::from(points) + u16::from(fit.points);
                Proposal {
                    score: u8::try_from(score.min(100)).unwrap_or(100),
                    reasons,
                    action: fit.action,
                }
            })
            .collect()
    }
}

/// The fit with `first` before its own reasons.
fn with_first(mut first: Vec<Reason>, mut fit: Fit) -> Fit {
    first.append(&mut fit.reasons);
    fit.reasons = first;
    fit
}

/// Whether the action pays an item only in part or leaves money on
/// account (refused for a blocked partner).
fn is_partial(want: &Want<'_>, action: &ProposalAction) -> bool {
    match action {
        ProposalAction::Partner {
            items, on_account, ..
        } => {
            !on_account.is_zero()
                || items.iter().any(|p| {
                    want.items
                        .iter()
                        .any(|i| i.id == p.item && want.value(i).abs() != p.amount)
                })
        }
        ProposalAction::Gl { .. } => false,
    }
}

/// Best first, each action once (its best score), at most
/// `MAX_PROPOSALS`.
fn rank(mut proposals: Vec<Proposal>) -> Vec<Proposal> {
    proposals.sort_by_key(|p| std::cmp::Reverse(p.score));
    let mut out: Vec<Proposal> = Vec::with_capacity(MAX_PROPOSALS);
    for p in proposals {
        if out.len() == MAX_PROPOSALS {
            break;
        }
        if !out.iter().any(|o| o.action == p.action) {
            out.push(p);
        }
    }
    out
}

/// Money in pays a customer's (debit) items; money out a vendor's.
fn side_for(line: &BankLine) -> Side {
    if line.amount.is_sign_negative() {
        Side::Credit
    } else {
        Side::Debit
    }
}

fn kind_for(line: &BankLine) -> PartnerKind {
    if line.amount.is_sign_negative() {
        PartnerKind::Vendor
    } else {
        PartnerKind::Customer
    }
}

/// How many imported lines `rule` would have matched ("this rule would
/// have matched 14 lines"): every line of every statement of a house
/// bank that still exists.
pub fn rule_hits(bank: &Bank, rule: &Rule) -> usize {
    let regex = match &rule.conditions.purpose {
        Some(TextMatch::Regex(r)) => match compile_regex(r) {
            Some(re) => Some(re),
            None => return 0,
        },
        _ => None,
    };
    bank.statements()
        .iter()
        .filter_map(|s| bank.house_bank(&s.house_bank).map(|h| (s, h)))
        .map(|(s, h)| {
            s.lines
                .iter()
                .filter(|l| rule.matches_with(regex.as_ref(), h, l))
                .count()
        })
        .sum()
}
