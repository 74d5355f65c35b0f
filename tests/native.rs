//! Every native integration test, as modules of one test binary: one link
//! of the library instead of sixty (the clean CI build spent most of its
//! native layer linking and re-monomorphising per test file). Each module
//! is the file of the same name beside this one; run one with
//! `cargo test --test native <module>::`.

mod backup_cli;
mod backup_native;
mod bank_formats;
mod bank_matching;
mod charts_full;
mod datev_export;
mod datev_import;
mod datev_read;
mod demo_bank;
mod demo_einvoice;
mod demo_generator;
mod demo_items;
mod demo_loans;
mod demo_payment_runs;
mod demo_tools;
mod einvoice_read;
mod finance_interest;
mod finance_loan;
mod forms_company;
mod forms_einvoice;
mod forms_entry;
mod gobd_export;
mod items_csv;
mod ledger_access;
mod ledger_bank;
mod ledger_change_log;
mod ledger_closing;
mod ledger_costing;
mod ledger_dunning;
mod ledger_engine;
mod ledger_entry_rules;
mod ledger_events;
mod ledger_hledger;
mod ledger_idempotency;
mod ledger_inbox;
mod ledger_items;
mod ledger_layers;
mod ledger_number_series;
mod ledger_partners;
mod ledger_payment_runs;
mod ledger_payments;
mod ledger_prices;
mod ledger_props;
mod ledger_reconcile;
mod ledger_recurring;
mod ledger_recurring_loans;
mod ledger_reports;
mod ledger_revaluation;
mod ledger_statements;
mod ledger_tax;
mod ledger_time_travel;
mod ledger_warnings;
mod ledger_wire;
mod letters_dunning;
mod letters_pdf;
mod log_format;
mod partners_csv;
mod sepa_files;
mod sepa_runs;
mod session;
mod store_native;
mod ui_layers;
