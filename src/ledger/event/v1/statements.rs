//! The statements sub-ledger's events as stored (issue 17: new variants).
//! A position set back to the chart's mapping omits its line; a budget
//! row without a centre omits it. A row's fiscal year is the event's.

use super::{AccountNoV1, EventRefV1, EventV1, TimestampV1};
use crate::ledger::event::Event;
use crate::ledger::statements::{BudgetKey, BudgetRow, StatementsEvent};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct BudgetRowV1 {
    account: AccountNoV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    centre: Option<String>,
    amounts: Vec<Decimal>,
}

pub(super) fn statements_to_wire(event: &StatementsEvent) -> EventRefV1<'static> {
    match event {
        StatementsEvent::PositionSet {
            account,
            line,
            by,
            at,
        } => EventRefV1::StatementPositionSet {
            account: AccountNoV1(*account),
            line: line.clone(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        StatementsEvent::BudgetsSet { year, rows, by, at } => EventRefV1::BudgetsSet {
            year: *year,
            rows: rows
                .iter()
                .map(|r| BudgetRowV1 {
                    account: AccountNoV1(r.key.account),
                    centre: r.key.centre.clone(),
                    amounts: r.amounts.clone(),
                })
                .collect(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
    }
}

pub(super) fn statements_from_wire(event: EventV1) -> Event {
    use EventV1 as W;
    Event::Statements(match event {
        W::StatementPositionSet {
            account,
            line,
            by,
            at,
        } => StatementsEvent::PositionSet {
            account: account.0,
            line,
            by,
            at: at.0,
        },
        W::BudgetsSet { year, rows, by, at } => StatementsEvent::BudgetsSet {
            year,
            rows: rows
                .into_iter()
                .map(|r| BudgetRow {
                    key: BudgetKey {
                        year,
                        account: r.account.0,
                        centre: r.centre,
                    },
                    amounts: r.amounts,
                })
                .collect(),
            by,
            at: at.0,
        },
        // `from_wire` hands over only the variants above.
        _ => unreachable!("from_wire reads the other events itself"),
    })
}
