//! The closing family of the random command sequences (issue 17, part
//! C): closing the year the screen proposes (the last one not closed that
//! has a following year; without one, the step a user would do first:
//! open the next year), the first year or a year before it, now and then
//! with the key of an entry already posted; reverting a
//! closed year (or one that is not closed; with none closed, the step
//! first: closing one); opening balances of two to
//! four lines on balance-sheet accounts, now and then with a line for
//! customer 10001 or vendor 70001, now and then a cent off balance or a
//! line without account, dated within the first two years.

use chrono::{Days, NaiveDate};
use kontor::ledger::closing::{ClosingCommand, OpeningLine};
use kontor::ledger::gl::GlCommand;
use kontor::ledger::posting::Rights;
use kontor::ledger::types::{AccountNo, PartnerCode, PostingKey, Timestamp};
use kontor::ledger::{Book, Command};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;

#[derive(Clone, Debug)]
pub enum ClosingOp {
    Close {
        /// 0 and 1: the year the screen proposes (or open the next year
        /// first); 2: the first year; 3: a year before it.
        offset: u8,
        /// Reuse the key of a posted entry (a retry).
        reuse_key: bool,
        key: u64,
    },
    Revert {
        pick: Index,
        /// A year that is not closed.
        unclosed: bool,
    },
    Opening {
        amounts: Vec<(Index, i64)>,
        partner: Option<bool>,
        defect: Option<u8>,
        day: u16,
        key: u64,
    },
}

pub fn closing_op() -> impl Strategy<Value = ClosingOp> {
    prop_oneof![
        4 => (0u8..4, prop::bool::weighted(0.1), any::<u64>())
            .prop_map(|(offset, reuse_key, key)| ClosingOp::Close { offset, reuse_key, key }),
        4 => (any::<Index>(), prop::bool::weighted(0.15))
            .prop_map(|(pick, unclosed)| ClosingOp::Revert { pick, unclosed }),
        2 => (
            prop::collection::vec((any::<Index>(), 1i64..5_000_000), 1..4),
            prop::option::weighted(0.4, any::<bool>()),
            prop::option::weighted(0.2, 0u8..2),
            0u16..730,
            any::<u64>(),
        )
            .prop_map(|(amounts, partner, defect, day, key)| ClosingOp::Opening {
                amounts,
                partner,
                defect,
                day,
                key,
            }),
    ]
}

fn first_year(book: &Book) -> i32 {
    book.calendar()
        .fiscal_years()
        .next()
        .map_or(2024, |f| f.year)
}

/// Postable, active, local balance-sheet accounts that are no control
/// accounts and no VAT accounts (whose movements the invariants hold to
/// the VAT return): what a migration types opening balances on.
fn balance_sheet_accounts(book: &Book) -> Vec<AccountNo> {
    book.accounts()
        .filter(|a| {
            !super::is_vat_account(a.number.as_str())
                && a.postable
                && a.active
                && !a.control
                && !a.account_type.is_profit_and_loss()
                && a.currency.allows(None)
        })
        .map(|a| a.number)
        .collect()
}

fn key_of(key: u64) -> PostingKey {
    PostingKey(0x17c0_0000_0000_0000_0000_0000_0000_0000 | u128::from(key))
}

pub fn command(book: &Book, base: NaiveDate, op: &ClosingOp) -> (Command, Rights) {
    let at = Timestamp::at(base, 18, 0, 0).unwrap_or_else(|| unreachable!());
    let by = "prop".to_string();
    let cmd = match op {
        ClosingOp::Close {
            offset,
            reuse_key,
            key,
        } => {
            let open = |y: i32| book.calendar().fiscal_years().any(|f| f.year == y);
            // As the screen proposes: the last year not closed that has a
            // following year; without one, open the next year first.
            let proposed = book
                .calendar()
                .fiscal_years()
                .map(|f| f.year)
                .filter(|&y| open(y + 1) && book.closing().year(y).is_none())
                .max();
            let year = match (offset, proposed) {
                (0 | 1, Some(y)) => y,
                (0 | 1, None) => match book.calendar().next_year() {
                    Some(next) => {
                        return (
                            Command::Gl(GlCommand::OpenFiscalYear { year: next }),
                            Rights::ALL,
                        );
                    }
                    None => first_year(book),
                },
                (2, _) => first_year(book),
                _ => first_year(book) - 1,
            };
            let used = book.entries().iter().rev().find_map(|e| e.key);
            let key = match used {
                Some(k) if *reuse_key => k,
                _ => key_of(*key),
            };
            Command::Closing(ClosingCommand::CloseYear { year, key, by, at })
        }
        ClosingOp::Revert { pick, unclosed } => {
            let closed: Vec<i32> = book
                .closing()
                .years()
                .filter(|c| c.reverted.is_none())
                .map(|c| c.year)
                .collect();
            if closed.is_empty() && !*unclosed {
                // Nothing to revert: the step a user would do first.
                let close = ClosingOp::Close {
                    offset: 0,
                    reuse_key: false,
                    key: pick.index(usize::MAX) as u64,
                };
                return command(book, base, &close);
            }
            let year = if closed.is_empty() || *unclosed {
                first_year(book) - 1
            } else {
                closed[pick.index(closed.len())]
            };
            Command::Closing(ClosingCommand::RevertClosing { year, by, at })
        }
        ClosingOp::Opening {
            amounts,
            partner,
            defect,
            day,
            key,
        } => {
            let accounts = balance_sheet_accounts(book);
            let mut lines: Vec<OpeningLine> = amounts
                .iter()
                .map(|(pick, cents)| OpeningLine {
                    account: (!accounts.is_empty()).then(|| accounts[pick.index(accounts.len())]),
                    partner: None,
                    debit: Decimal::new(*cents, 2),
                    credit: Decimal::ZERO,
                    reference: String::new(),
                    due_date: None,
                })
                .collect();
            if let Some(customer) = partner {
                let code = if *customer { "10001" } else { "70001" };
                let cents = 11_900 + i64::from(*day);
                let amount = Decimal::new(cents, 2);
                lines.push(OpeningLine {
                    account: None,
                    partner: PartnerCode::parse(code).ok(),
                    debit: if *customer { amount } else { Decimal::ZERO },
                    credit: if *customer { Decimal::ZERO } else { amount },
                    reference: format!("OP-{day}"),
                    due_date: base.checked_add_days(Days::new(u64::from(*day) + 30)),
                });
            }
            let total: Decimal = lines.iter().map(|l| l.debit - l.credit).sum();
            let mut balancing = OpeningLine {
                account: accounts.first().copied(),
                partner: None,
                debit: Decimal::ZERO,
                credit: Decimal::ZERO,
                reference: String::new(),
                due_date: None,
            };
            if total.is_sign_positive() {
                balancing.credit = total;
            } else {
                balancing.debit = -total;
            }
            match defect {
                None => {}
                Some(0) => balancing.credit += Decimal::new(1, 2),
                Some(_) => balancing.account = None,
            }
            lines.push(balancing);
            let date = base
                .checked_add_days(Days::new(u64::from(*day)))
                .unwrap_or(base);
            Command::Closing(ClosingCommand::PostOpeningBalances {
                date,
                lines,
                key: key_of(*key),
                by,
                at,
            })
        }
    };
    (cmd, Rights::ALL)
}
