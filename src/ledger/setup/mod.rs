//! Company setup (Firmengründung): the settings the wizard collects and
//! the first events of every company's log, from the chart template
//! (accounts, G/L account determination, tax codes) and the first fiscal
//! year. `Book::set_up` folds them, so a bad template or setting is
//! refused before anything is stored.

pub mod chart;

use crate::ledger::event::Event;
use crate::ledger::gl::{GlError, GlEvent, Settings};
use crate::ledger::payments::{PaymentSettings, PaymentsEvent};
use crate::ledger::tax::TaxEvent;
use crate::ledger::types::Timestamp;
use chrono::NaiveDate;

/// What the setup wizard decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setup {
    pub settings: Settings,
    pub first_fiscal_year: i32,
}

/// The events that set up a company: the company, the template's accounts,
/// the first fiscal year, the determination, the template's tax codes and,
/// where the template has them, its payment settings (stamped "setup" at
/// the start of the first fiscal year: setup has no clock).
pub fn events(setup: &Setup) -> Result<Vec<Event>, GlError> {
    setup.settings.check()?;
    let chart = chart::load(setup.settings.chart)?;
    let mut events = vec![Event::CompanyCreated {
        settings: setup.settings.clone(),
    }];
    events.extend(
        chart
            .accounts
            .into_iter()
            .map(|account| Event::Gl(GlEvent::AccountCreated { account })),
    );
    events.push(Event::Gl(GlEvent::FiscalYearOpened {
        year: setup.first_fiscal_year,
    }));
    events.push(Event::Gl(GlEvent::GlDeterminationSet {
        determination: chart.determination,
    }));
    events.extend(
        chart
            .tax_codes
            .into_iter()
            .map(|tax_code| Event::Tax(TaxEvent::TaxCodeCreated { tax_code })),
    );
    if chart.payments != PaymentSettings::default() {
        let start = NaiveDate::from_ymd_opt(
            setup.first_fiscal_year,
            setup.settings.fiscal_year_start_month,
            1,
        )
        .unwrap_or(NaiveDate::MIN);
        events.push(Event::Payments(PaymentsEvent::SettingsChanged {
            settings: Box::new(chart.payments),
            by: "setup".to_string(),
            at: Timestamp::at_midnight(start),
        }));
    }
    Ok(events)
}
