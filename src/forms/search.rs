//! Account search as typed (Kontensuche): which account a search text
//! means. The chart-of-accounts screen filters by substring as you type,
//! but Enter opens one account, and that must be the one a bookkeeper
//! means: "1200" the account 1200, "12" the first account numbered 12…,
//! "bank" the account called "Bank" — not "Liabilities to banks", which
//! merely contains the letters. Pure, so it is tested natively.

use crate::ledger::gl::Account;

/// How well an account matches, best first (the derived order ranks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    /// The number is the search text.
    Number,
    /// The number starts with it.
    NumberPrefix,
    /// A name (German or English) is the search text.
    WholeName,
    /// A whole word of a name is the search text.
    Word,
    /// A word of a name starts with it.
    WordPrefix,
    /// A name contains it somewhere.
    Substring,
}

/// How `account` matches `needle` (compared without case), or `None`.
pub fn match_account(account: &Account, needle: &str) -> Option<Match> {
    let needle = needle.trim().to_lowercase();
    if needle.is_empty() {
        return None;
    }
    let number = account.number.as_str().to_lowercase();
    if number == needle {
        return Some(Match::Number);
    }
    if number.starts_with(&needle) {
        return Some(Match::NumberPrefix);
    }
    [&account.name_de, &account.name_en]
        .into_iter()
        .filter_map(|name| match_name(&name.to_lowercase(), &needle))
        .min()
}

fn match_name(name: &str, needle: &str) -> Option<Match> {
    if name.trim() == needle {
        return Some(Match::WholeName);
    }
    let mut words = name.split(|c: char| !c.is_alphanumeric());
    if needle.chars().all(char::is_alphanumeric) {
        let mut best = None;
        for word in words.by_ref() {
            if word == needle {
                return Some(Match::Word);
            }
            if word.starts_with(needle) {
                best = Some(Match::WordPrefix);
            }
        }
        if best.is_some() {
            return best;
        }
    }
    name.contains(needle).then_some(Match::Substring)
}

/// The account Enter should open: the best match, then the lowest number.
pub fn best_match<'a>(
    accounts: impl IntoIterator<Item = &'a Account>,
    needle: &str,
) -> Option<&'a Account> {
    accounts
        .into_iter()
        .filter_map(|a| match_account(a, needle).map(|m| (m, a.number, a)))
        .min_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)))
        .map(|(_, _, a)| a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::gl::ChartTemplate;

    fn postable(template: ChartTemplate) -> Vec<Account> {
        let chart = crate::ledger::setup::chart::load(template).unwrap();
        chart.accounts.into_iter().filter(|a| a.postable).collect()
    }

    fn opens(template: ChartTemplate, needle: &str) -> Option<String> {
        best_match(&postable(template), needle).map(|a| a.number.to_string())
    }

    #[test]
    fn bank_opens_the_bank_account_not_liabilities_to_banks() {
        assert_eq!(opens(ChartTemplate::Skr03, "bank").as_deref(), Some("1200"));
        assert_eq!(
            opens(ChartTemplate::Skr03, "Bank ").as_deref(),
            Some("1200")
        );
        assert_eq!(opens(ChartTemplate::Skr04, "bank").as_deref(), Some("1800"));
    }

    #[test]
    fn numbers_rank_before_names() {
        assert_eq!(opens(ChartTemplate::Skr03, "1200").as_deref(), Some("1200"));
        assert_eq!(opens(ChartTemplate::Skr03, "84").as_deref(), Some("8400"));
        assert_eq!(
            opens(ChartTemplate::Skr03, "kasse").as_deref(),
            Some("1000")
        );
        assert_eq!(
            opens(ChartTemplate::Skr03, "porto").as_deref(),
            Some("4910")
        );
        assert_eq!(opens(ChartTemplate::Skr03, "zzz"), None);
    }

    #[test]
    fn the_ranking_is_exact_then_prefix_then_word_then_substring() {
        let chart = postable(ChartTemplate::Skr03);
        let of = |n: &str| chart.iter().find(|a| a.number.as_str() == n).unwrap();
        assert_eq!(match_account(of("1200"), "1200"), Some(Match::Number));
        assert_eq!(match_account(of("1200"), "12"), Some(Match::NumberPrefix));
        assert_eq!(match_account(of("1200"), "bank"), Some(Match::WholeName));
        assert_eq!(match_account(of("4970"), "bank"), Some(Match::Word));
        assert_eq!(match_account(of("0630"), "bank"), Some(Match::WordPrefix));
        assert_eq!(match_account(of("0630"), "anks"), Some(Match::Substring));
        assert_eq!(match_account(of("0630"), ""), None);
        assert!(Match::Number < Match::NumberPrefix && Match::WordPrefix < Match::Substring);
    }
}
