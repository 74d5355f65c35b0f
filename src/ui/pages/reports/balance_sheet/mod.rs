//! Balance sheet (Bilanz, § 266 HGB for small companies) with comparison
//! column, drill-down, checks, CSV and print: `components::StatementReport`
//! (shared with the P&L page).

use leptos::prelude::*;

use crate::ledger::statements::Statement;
use crate::ui::components::StatementReport;

#[component]
pub fn BalanceSheetPage() -> impl IntoView {
    view! { <StatementReport statement=Statement::BalanceSheet /> }
}
