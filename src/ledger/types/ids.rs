//! Identifiers (Schlüssel) that every part of the engine passes around:
//! account numbers, business-partner codes, entry ids, references to a
//! posted line, and the key that makes a posting command idempotent.

use crate::ledger::types::error::InputError;
use crate::ledger::types::limits::{MAX_ACCOUNT_NO_LEN, MAX_PARTNER_CODE_LEN};
use std::fmt;

/// Account number: 1..=15 ASCII letters or digits, kept as text because
/// leading zeros matter ("0800" in SKR03). `Copy` and 16 bytes, so lines
/// and indexes carry it without allocation. Ordered by its bytes, so a
/// class title "1" sorts right before "1000".
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AccountNo {
    len: u8,
    bytes: [u8; MAX_ACCOUNT_NO_LEN],
}
crate::ledger::types::compact::text_code_serde!(AccountNo);

impl AccountNo {
    pub fn parse(text: &str) -> Result<AccountNo, InputError> {
        let b = text.as_bytes();
        if b.is_empty() || b.len() > MAX_ACCOUNT_NO_LEN || !b.iter().all(u8::is_ascii_alphanumeric)
        {
            return Err(InputError::InvalidAccountNo {
                text: text.chars().take(MAX_ACCOUNT_NO_LEN + 5).collect(),
                max: MAX_ACCOUNT_NO_LEN,
            });
        }
        let mut bytes = [0u8; MAX_ACCOUNT_NO_LEN];
        bytes[..b.len()].copy_from_slice(b);
        Ok(AccountNo {
            // Fits: checked against MAX_ACCOUNT_NO_LEN, which fits a u8
            // (asserted in `limits`).
            len: b.len() as u8,
            bytes,
        })
    }

    pub fn as_str(&self) -> &str {
        match std::str::from_utf8(&self.bytes[..usize::from(self.len)]) {
            Ok(text) => text,
            // `parse` admits ASCII only, and nothing else builds one.
            Err(_) => unreachable!("AccountNo holds ASCII only"),
        }
    }
}

impl Ord for AccountNo {
    /// By the number's characters, not its length: "2" after "1999".
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.bytes[..usize::from(self.len)].cmp(&other.bytes[..usize::from(other.len)])
    }
}

impl PartialOrd for AccountNo {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for AccountNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccountNo({})", self.as_str())
    }
}

impl fmt::Display for AccountNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Business-partner code (Geschäftspartnernummer, DATEV
/// "Personenkonto"): 1..=`MAX_PARTNER_CODE_LEN` ASCII letters or digits,
/// kept as text like an account number so that a later company setting
/// may allow letters; today the partners sub-ledger admits digits only,
/// in the range of the partner's kind. `Copy`, so lines and indexes carry
/// it without allocation. Ordered by length, then characters: numeric
/// codes sort by their value ("9999" before "10000").
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartnerCode {
    len: u8,
    bytes: [u8; MAX_PARTNER_CODE_LEN],
}
crate::ledger::types::compact::text_code_serde!(PartnerCode);

impl PartnerCode {
    pub fn parse(text: &str) -> Result<PartnerCode, InputError> {
        let b = text.as_bytes();
        if b.is_empty()
            || b.len() > MAX_PARTNER_CODE_LEN
            || !b.iter().all(u8::is_ascii_alphanumeric)
        {
            return Err(InputError::InvalidPartnerCode {
                text: text.chars().take(MAX_PARTNER_CODE_LEN + 5).collect(),
                max: MAX_PARTNER_CODE_LEN,
            });
        }
        let mut bytes = [0u8; MAX_PARTNER_CODE_LEN];
        bytes[..b.len()].copy_from_slice(b);
        Ok(PartnerCode {
            // Fits: checked against MAX_PARTNER_CODE_LEN, which fits a u8
            // (asserted in `limits`).
            len: b.len() as u8,
            bytes,
        })
    }

    pub fn as_str(&self) -> &str {
        match std::str::from_utf8(&self.bytes[..usize::from(self.len)]) {
            Ok(text) => text,
            // `parse` admits ASCII only, and nothing else builds one.
            Err(_) => unreachable!("PartnerCode holds ASCII only"),
        }
    }

    /// The code's value when it is all digits (and fits a u64).
    pub fn number(&self) -> Option<u64> {
        let text = self.as_str();
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.parse().ok()
    }
}

impl Ord for PartnerCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.len, &self.bytes[..usize::from(self.len)])
            .cmp(&(other.len, &other.bytes[..usize::from(other.len)]))
    }
}

impl PartialOrd for PartnerCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for PartnerCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PartnerCode({})", self.as_str())
    }
}

impl fmt::Display for PartnerCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Global id of a posted entry: 1, 2, 3 … over the company's life.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct EntryId(pub u64);

impl EntryId {
    /// The index of the entry in posting order (id 1 is index 0).
    pub fn index(self) -> Option<usize> {
        usize::try_from(self.0).ok()?.checked_sub(1)
    }
}

/// Where a line lives: index into the entries and into the entry's lines.
/// Ordered by posting order. `u32` entries and `u16` lines: the limits
/// module asserts that `MAX_LINES` fits, and the journal refuses an entry
/// beyond `u32::MAX`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct LineRef {
    pub entry: u32,
    pub line: u16,
}

/// The idempotency key of a posting (Buchungsschlüssel): a random 128-bit
/// id the entry grid or a journal voucher gets when it is started. The
/// engine remembers every key it posted, so a second post of the same
/// grid or voucher (a retry, a second tab, a draft that could not be
/// deleted) is refused instead of posted twice.
#[derive(
    Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct PostingKey(pub u128);

impl PostingKey {
    /// 32 lower-case hex digits.
    pub fn to_hex(self) -> String {
        format!("{:032x}", self.0)
    }

    pub fn from_hex(text: &str) -> Option<PostingKey> {
        if text.len() != 32 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u128::from_str_radix(text, 16).ok().map(PostingKey)
    }
}

impl fmt::Debug for PostingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PostingKey({})", self.to_hex())
    }
}

impl fmt::Display for PostingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_numbers_keep_leading_zeros_and_sort_titles_first() {
        let a = AccountNo::parse("0800").expect("valid");
        assert_eq!(a.as_str(), "0800");
        let title = AccountNo::parse("1").expect("valid");
        let bank = AccountNo::parse("1200").expect("valid");
        assert!(title < bank);
        assert!(a < title);
        let two = AccountNo::parse("2").expect("valid");
        assert!(bank < two);
    }

    #[test]
    fn account_numbers_with_spaces_colons_or_too_long_are_refused() {
        for bad in ["", "12 00", "1200:", "1234567890123456", "Ä1"] {
            assert!(AccountNo::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn partner_codes_sort_by_value_and_refuse_what_is_no_code() {
        let small = PartnerCode::parse("9999").expect("valid");
        let big = PartnerCode::parse("10000").expect("valid");
        assert!(small < big);
        assert_eq!(big.number(), Some(10_000));
        assert_eq!(PartnerCode::parse("K1").expect("valid").number(), None);
        for bad in ["", "10 000", "1234567890123456", "Ü1"] {
            assert!(PartnerCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn posting_keys_round_trip_through_hex() {
        let key = PostingKey(0x0123_4567_89ab_cdef_0011_2233_4455_6677);
        assert_eq!(PostingKey::from_hex(&key.to_hex()), Some(key));
        assert_eq!(PostingKey::from_hex("xyz"), None);
        assert_eq!(PostingKey::from_hex(&"g".repeat(32)), None);
    }
}
