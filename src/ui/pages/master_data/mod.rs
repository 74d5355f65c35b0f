//! Stammdaten (master data): business partners (list with CSV import,
//! the partner with its open items and change history), payment terms,
//! items with their groups and CSV import, price lists with their prices,
//! special prices, discount groups and the price check.
//! Each screen is its own module; they share nothing but `ui::components`.

mod discount_groups;
mod item;
mod item_groups;
mod item_import;
mod item_list;
mod partner;
mod partner_list;
mod payment_terms;
mod price_check;
mod price_list;
mod price_lists;
mod special_prices;

pub use discount_groups::DiscountGroupsPage;
pub use item::ItemPage;
pub use item_groups::ItemGroupsPage;
pub use item_import::ItemImportPage;
pub use item_list::ItemListPage;
pub use partner::PartnerPage;
pub use partner_list::PartnerListPage;
pub use payment_terms::PaymentTermsPage;
pub use price_check::PriceCheckPage;
pub use price_list::PriceListPage;
pub use price_lists::PriceListsPage;
pub use special_prices::SpecialPricesPage;
