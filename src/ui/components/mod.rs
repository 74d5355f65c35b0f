//! The shared parts every page builds on: pages import these, never each
//! other (`tests/ui_layers.rs` checks). Each module is one small part: the
//! page frames with the no-company guard and the administration
//! sub-navigation, notices, the period and country pickers, the date
//! field, formatting of amounts and dates, report helpers and the pager,
//! the one download helper, the drafts two screens share, what the
//! partner reports share, the account editor of item groups and items,
//! prices in words (`prices`), and messages that follow a language
//! switch (`said`), the lock screen with its login (`lock_screen`), the rights gate every screen passes (`rights`), the as-of bar of time travel (`as_of`) and SVG
//! charts (`chart`).

mod as_of;
mod chart;
mod country_picker;
mod date_field;
mod download;
mod drafts;
mod due_notice;
mod focus;
mod format;
mod frame;
mod item_accounts;
pub mod lock_screen;
mod notice;
mod original_document;
mod partner_report;
mod period_picker;
mod prices;
mod report;
mod rights;
mod said;
mod statement_table;
mod template_picker;
mod update_notice;

pub use crate::ui::actor::{now, user};
pub use as_of::{AsOfBar, fmt_stamp};
pub use chart::{BarChart, HBarChart, LineChart, Series};
pub use country_picker::CountryPicker;
pub use date_field::DateField;
pub use download::{download, download_csv, offer_csv};
pub use drafts::{
    OPEN_VOUCHER_KEY, VOUCHER_PREFIX, VoucherDraft, add_to_open_voucher, current_voucher_key,
    fresh_posting_key, load_voucher, save_voucher,
};
pub use due_notice::DueNotice;
pub use focus::{focus, focus_by_id, focus_sibling, row_enter, row_keys, sibling_row};
pub use format::{
    dialect, fmt_amount, fmt_date, fmt_nonzero, fmt_quantity, fmt_rate, number_style, say, today,
};
pub use frame::{AdminFrame, AdminNav, NoCompany, OpenFailureNotice};
pub use item_accounts::{AccountFields, AccountsEditor};
pub use lock_screen::LockScreen;
pub use notice::{ErrorBox, ProgressBar};
pub use original_document::{OriginalDocument, fmt_bytes};
pub use partner_report::{KindPicker, default_as_of, statement_href};
pub use period_picker::{PeriodPicker, default_month};
pub use prices::{
    PriceWords, basis_words, fmt_factor, fmt_price, list_label, mode_words, parse_factor,
    parse_price, rounding_words, rule_words, source_words, step_words,
};
pub use report::{
    Pager, TYPE_ORDER, default_year_dates, default_year_periods, entry_href, entry_label, lc_of,
    print_page, report_shortcuts, sheet_href, type_name,
};
pub use rights::{ChangeRight, RightsGate, SaveButton, area_of_path, use_change_right};
pub use said::{Said, field_error, said_box};
pub use statement_table::StatementReport;
pub use template_picker::TemplatePicker;
pub use update_notice::UpdateNotice;
