//! hledger journal writer (Klartext-Journal): the Book as a journal that
//! hledger (and ledger) can read, so our balances can be checked by a tool
//! nobody here wrote. One transaction per posted entry, LC amounts only,
//! commodity = the LC's ISO code. Account names are `number name` with the
//! characters hledger treats specially (`:` hierarchy, `;` comment,
//! brackets for virtual postings, runs of spaces ending the name) replaced,
//! so each account is one top-level hledger account.

use crate::ledger::Book;
use crate::ledger::gl::Account;
use chrono::NaiveDate;
use std::fmt::Write;

/// hledger account name of `account`: number, space, German name (English
/// when there is no German one), cleaned as described above.
pub fn account_name(account: &Account) -> String {
    let name = clean(account.name(true));
    if name.is_empty() {
        account.number.to_string()
    } else {
        format!("{} {}", account.number, name)
    }
}

/// Replaces what hledger would read as structure and collapses whitespace.
fn clean(text: &str) -> String {
    let replaced: String = text
        .chars()
        .map(|c| match c {
            ':' | ';' | '#' | '|' => '-',
            '(' | '[' | '{' => '<',
            ')' | ']' | '}' => '>',
            c if c.is_whitespace() || c.is_control() => ' ',
            c => c,
        })
        .collect();
    replaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The whole Book as an hledger journal.
pub fn write_journal(book: &Book) -> String {
    write_journal_between(book, None)
}

/// The Book's entries posted in `from..=to` (all when `None`) as an
/// hledger journal; the header says which range it holds, so
/// `hledger balance` shows that range's movements.
pub fn write_journal_between(book: &Book, range: Option<(NaiveDate, NaiveDate)>) -> String {
    let mut out = String::new();
    let settings = book.settings();
    let lc = settings.lc.as_str();
    let decimals = settings.lc_decimals() as usize;
    // `write!` into a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(out, "; Kontor export: {}", clean(&settings.name));
    let _ = writeln!(
        out,
        "; amounts in local currency {lc}, one transaction per posted entry"
    );
    if let Some((from, to)) = range {
        let _ = writeln!(
            out,
            "; entries posted from {} to {} only: balances are that range's movements",
            from.format("%Y-%m-%d"),
            to.format("%Y-%m-%d")
        );
    }
    out.push('\n');
    let _ = writeln!(out, "decimal-mark .\n");
    for account in book.accounts().filter(|a| a.postable) {
        let _ = writeln!(out, "account {}", account_name(account));
    }
    let entries = book
        .entries()
        .iter()
        .filter(|e| range.is_none_or(|(from, to)| e.posting_date >= from && e.posting_date <= to));
    for entry in entries {
        let description = match (entry.reference.is_empty(), entry.memo.is_empty()) {
            (false, false) => format!("{} | {}", clean(&entry.reference), clean(&entry.memo)),
            (false, true) => clean(&entry.reference),
            (true, _) => clean(&entry.memo),
        };
        let _ = writeln!(
            out,
            "\n{} * ({}/{}) {}",
            entry.posting_date.format("%Y-%m-%d"),
            entry.fiscal_year,
            entry.number,
            description
        );
        let _ = write!(
            out,
            "    ; kontor-id:{}, user:{}",
            entry.id.0,
            clean(&entry.user)
        );
        if let Some(original) = entry.reverses {
            let _ = write!(out, ", reverses:{}", original.0);
        }
        out.push('\n');
        for line in &entry.lines {
            let name = book
                .account(line.account)
                .map(account_name)
                .unwrap_or_else(|| line.account.to_string());
            let _ = writeln!(out, "    {name}  {:.*} {lc}", decimals, line.signed_lc());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_do_not_reach_hledger() {
        assert_eq!(clean("Bank: Giro  (alt);x"), "Bank- Giro <alt>-x");
        assert_eq!(clean("  Erlöse 19 % USt\n"), "Erlöse 19 % USt");
    }
}
