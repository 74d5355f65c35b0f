//! Profit and loss account (GuV, § 275 (2) HGB, total-cost format) with
//! comparison column, drill-down, checks, CSV and print:
//! `components::StatementReport` (shared with the balance-sheet page).

use leptos::prelude::*;

use crate::ledger::statements::Statement;
use crate::ui::components::StatementReport;

#[component]
pub fn ProfitLossPage() -> impl IntoView {
    view! { <StatementReport statement=Statement::ProfitAndLoss /> }
}
