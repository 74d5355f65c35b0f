//! The item list's rows and their search keys, built once per Book
//! change, and the filter a keystroke runs over the keys.

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::ledger::Book;
use crate::ui::state::AppState;

/// Rows per page.
pub const PAGE: usize = 100;

/// One item as the list shows it (owned: the view does not borrow the Book).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub code: String,
    pub description_de: String,
    pub description_en: String,
    pub group: String,
    pub unit: &'static str,
    pub price: Decimal,
    pub active: bool,
}

/// Every item in code order with its lowercase search key.
#[derive(Clone, Debug, Default)]
pub struct Index {
    rows: Arc<Vec<Row>>,
    keys: Arc<Vec<String>>,
    pub decimals: u32,
}

/// A rebuilt index is a new one: comparing 50,000 rows to find out would
/// cost what building them did.
impl PartialEq for Index {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.rows, &other.rows)
    }
}

impl Index {
    /// The open Book's items (an empty index without a company).
    pub fn build(app: AppState) -> Index {
        app.with_book(Index::of).unwrap_or_default()
    }

    pub fn of(book: &Book) -> Index {
        let mut rows = Vec::new();
        let mut keys = Vec::new();
        for r in book.items().items() {
            let i = &r.item;
            let group = book.items().group(&i.group);
            keys.push(search_key(&[
                &i.code,
                &i.description_de,
                &i.description_en,
                &i.group,
                group.map_or("", |g| g.name_de.as_str()),
                group.map_or("", |g| g.name_en.as_str()),
            ]));
            rows.push(Row {
                code: i.code.clone(),
                description_de: i.description_de.clone(),
                description_en: i.description_en.clone(),
                group: i.group.clone(),
                unit: i.unit.as_str(),
                price: i.default_price,
                active: i.active,
            });
        }
        Index {
            rows: Arc::new(rows),
            keys: Arc::new(keys),
            decimals: book.settings().lc_decimals(),
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn row(&self, i: usize) -> Option<&Row> {
        self.rows.get(i)
    }

    pub fn code(&self, i: usize) -> Option<String> {
        self.rows.get(i).map(|r| r.code.clone())
    }

    /// The rows whose key contains every word of `text` (any case),
    /// active ones only unless `inactive`.
    pub fn filter(&self, text: &str, inactive: bool) -> Vec<usize> {
        let needle = text.trim().to_lowercase();
        let words: Vec<&str> = needle.split_whitespace().collect();
        self.keys
            .iter()
            .zip(self.rows.iter())
            .enumerate()
            .filter(|(_, (key, row))| {
                (inactive || row.active) && words.iter().all(|w| key.contains(w))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// The fields joined by a separator no one types, lowercased once.
fn search_key(fields: &[&str]) -> String {
    fields.join("\u{1f}").to_lowercase()
}
