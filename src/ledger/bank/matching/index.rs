//! The matcher's index, built once per Book state: partners by the IBANs
//! of their bank accounts and by the tokens of their names, open items by
//! partner and by the document numbers in their entry's reference, and
//! every rule's compiled regular expression. A line then looks up only
//! what concerns it, so matching stays linear in the number of lines.

use crate::ledger::bank::rules::{Rule, TextMatch, compile_regex};
use crate::ledger::open_items::OpenItem;
use crate::ledger::partners::PartnerKind;
use crate::ledger::posting::Context;
use crate::ledger::types::PartnerCode;
use std::collections::HashMap;

/// Name tokens shared by more partners than this say nothing (and would
/// make a lookup slow): they are not indexed.
const MAX_PARTNERS_PER_TOKEN: usize = 64;

/// Words of company names that do not tell partners apart.
const STOP_WORDS: [&str; 22] = [
    "gmbh",
    "mbh",
    "kg",
    "ag",
    "ug",
    "ohg",
    "gbr",
    "co",
    "ek",
    "ev",
    "se",
    "und",
    "the",
    "ltd",
    "inc",
    "llc",
    "haftungsbeschraenkt",
    "kgaa",
    "partg",
    "herr",
    "frau",
    "firma",
];

pub(crate) struct Index<'a> {
    pub by_iban: HashMap<String, Vec<PartnerCode>>,
    pub by_token: HashMap<String, Vec<PartnerCode>>,
    /// A partner's name tokens and kind.
    pub names: HashMap<PartnerCode, (Vec<String>, PartnerKind)>,
    /// Open items per partner, oldest due first.
    pub by_partner: HashMap<PartnerCode, Vec<&'a OpenItem>>,
    /// Open items per document key (see `document_keys`).
    pub by_document: HashMap<String, Vec<&'a OpenItem>>,
    /// The rules in their order, each with its compiled regex (`None`
    /// also for a regex that does not compile: such a rule never matches).
    pub rules: Vec<(&'a Rule, Option<regex_lite::Regex>, bool)>,
}

impl<'a> Index<'a> {
    pub fn new(cx: Context<'a>, rules: &'a [Rule]) -> Index<'a> {
        let mut index = Index {
            by_iban: HashMap::new(),
            by_token: HashMap::new(),
            names: HashMap::new(),
            by_partner: HashMap::new(),
            by_document: HashMap::new(),
            rules: rules.iter().map(compiled).collect(),
        };
        for p in cx.partners.partners() {
            for b in &p.bank_accounts {
                index
                    .by_iban
                    .entry(b.iban.clone())
                    .or_default()
                    .push(p.code);
            }
            let tokens = name_tokens(&p.name);
            for t in &tokens {
                index.by_token.entry(t.clone()).or_default().push(p.code);
            }
            index.names.insert(p.code, (tokens, p.kind));
        }
        index
            .by_token
            .retain(|_, v| v.len() <= MAX_PARTNERS_PER_TOKEN);
        for item in cx.open_items.items().iter().filter(|i| i.is_open()) {
            index.by_partner.entry(item.partner).or_default().push(item);
            let reference = cx
                .journal
                .entry(item.id.entry)
                .map_or("", |e| e.reference.as_str());
            for key in document_keys(reference) {
                index.by_document.entry(key).or_default().push(item);
            }
        }
        for items in index.by_partner.values_mut() {
            items.sort_by_key(|i| (i.due_date, i.id));
        }
        index
    }
}

/// A rule, its compiled regex, and whether the regex (when it has one)
/// compiled.
fn compiled(rule: &Rule) -> (&Rule, Option<regex_lite::Regex>, bool) {
    match &rule.conditions.purpose {
        Some(TextMatch::Regex(r)) => {
            let re = compile_regex(r);
            let ok = re.is_some();
            (rule, re, ok)
        }
        _ => (rule, None, true),
    }
}

/// German letters spelt out, lower case: "Müller" and "Mueller" meet.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'é' | 'è' | 'ê' => out.push('e'),
            'á' | 'à' | 'â' => out.push('a'),
            c => out.push(c),
        }
    }
    out
}

/// The words of a name that tell partners apart: folded, without legal
/// forms and one-letter words, each once.
pub(crate) fn name_tokens(name: &str) -> Vec<String> {
    let mut tokens: Vec<String> = fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| t.chars().count() > 1 && !STOP_WORDS.contains(t))
        .map(str::to_string)
        .collect();
    tokens.sort();
    tokens.dedup();
    tokens
}

/// Upper case letters and digits only.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The keys an entry's reference is found by: the reference squeezed to
/// letters and digits ("RE-2024/0815" → `RE20240815`, at least 3 of
/// them), and its digits alone when there are 4 or more, prefixed `#`
/// (`#20240815`: customers often write the number alone).
pub(crate) fn document_keys(reference: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let full = squeeze(reference);
    if full.len() >= 3 {
        keys.push(full);
    }
    if let Some(key) = digit_key(reference).filter(|k| !keys.contains(k)) {
        keys.push(key);
    }
    keys
}

/// `#` and the digits of `text` without leading zeros, when 4 or more.
fn digit_key(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    (digits.len() >= 4).then(|| format!("#{digits}"))
}

/// The keys a purpose text and a creditor reference may name documents
/// by: each word and each pair of neighbouring words ("RE 4711")
/// squeezed, and their digits alone; a creditor reference (`RFkk…`)
/// without its `RF` and check digits.
pub(crate) fn purpose_keys(purpose: &str, creditor_reference: &str) -> Vec<String> {
    let words: Vec<String> = purpose
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == ':')
        .map(squeeze)
        .filter(|w| !w.is_empty())
        .collect();
    let mut keys = Vec::new();
    let mut push = |k: String| {
        if !keys.contains(&k) {
            keys.push(k);
        }
    };
    for (i, w) in words.iter().enumerate() {
        let mut texts = vec![w.clone()];
        if let Some(next) = words.get(i + 1) {
            texts.push(format!("{w}{next}"));
        }
        texts.extend(strip_rf(w));
        for t in texts {
            if let Some(k) = digit_key(&t) {
                push(k);
            }
            push(t);
        }
    }
    if let Some(payload) = strip_rf(&squeeze(creditor_reference)) {
        if let Some(k) = digit_key(&payload) {
            push(k);
        }
        push(payload);
    }
    keys
}

/// `RF18ABC123` → `ABC123` (an ISO 11649 creditor reference's payload).
fn strip_rf(word: &str) -> Option<String> {
    let rest = word.strip_prefix("RF")?;
    let (check, payload) = rest.split_at_checked(2)?;
    (check.bytes().all(|b| b.is_ascii_digit()) && !payload.is_empty()).then(|| payload.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_references_and_purposes_meet() {
        assert_eq!(document_keys("RE-2024/0815"), ["RE20240815", "#20240815"]);
        let keys = purpose_keys("Rechnung RE 2024/0815 vom 3.5.", "");
        assert!(keys.contains(&"RE20240815".to_string()), "{keys:?}");
        assert!(keys.contains(&"#20240815".to_string()), "{keys:?}");
        let keys = purpose_keys("", "RF18 RE2024 0815");
        assert!(keys.contains(&"RE20240815".to_string()), "{keys:?}");
    }

    #[test]
    fn names_fold_umlauts_and_drop_legal_forms() {
        assert_eq!(name_tokens("Bäckerei Krüger KG"), ["baeckerei", "krueger"]);
        assert_eq!(name_tokens("BAECKEREI KRUEGER"), ["baeckerei", "krueger"]);
    }
}
