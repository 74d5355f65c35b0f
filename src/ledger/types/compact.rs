//! Compact serde forms (kompakte Form) for the snapshot of a folded Book
//! (`ledger::book::snapshot`): the fields read most often carry
//! `#[serde(with = …)]` of these, so a snapshot reads them without parsing
//! text. Here, in the leaf, so every sub-ledger may name them. The log's
//! own encoding (`ledger::event::v1`) does not use them.

/// A Decimal as its 16 bytes (`Decimal::serialize`) rather than its text
/// (every line's amounts, every open item's).
pub mod decimal {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&value.serialize())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        let bytes = <&[u8]>::deserialize(deserializer)?;
        let bytes: [u8; 16] = bytes
            .try_into()
            .map_err(|_| serde::de::Error::invalid_length(bytes.len(), &"16 bytes"))?;
        Ok(Decimal::deserialize(bytes))
    }
}

/// A date as its day number (days since 1 January of year 1) rather than
/// its text (every entry's and open item's dates).
pub mod date {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i32(value.num_days_from_ce())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let days = i32::deserialize(deserializer)?;
        NaiveDate::from_num_days_from_ce_opt(days)
            .ok_or_else(|| serde::de::Error::custom(format!("no date has day number {days}")))
    }
}

/// Serde for a code kept as text in a fixed array (account number,
/// partner code, currency): its text, read back through the type's own
/// `parse`. The derived form wrote the array as one integer per byte (17
/// values per account number, the bulk of a snapshot), and read back bytes
/// `parse` would refuse.
macro_rules! text_code_serde {
    ($code:ty) => {
        impl serde::Serialize for $code {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $code {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Text;
                impl serde::de::Visitor<'_> for Text {
                    type Value = $code;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(stringify!($code))
                    }
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$code, E> {
                        <$code>::parse(text).map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Text)
            }
        }
    };
}
pub(crate) use text_code_serde;

#[cfg(test)]
mod tests {
    use chrono::{Datelike, NaiveDate};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Both {
        #[serde(with = "super::decimal")]
        amount: Decimal,
        #[serde(with = "super::date")]
        day: NaiveDate,
    }

    proptest! {
        /// Every Decimal (any scale, sign, mantissa) and every date chrono
        /// knows reads back exactly from its compact form.
        #[test]
        fn compact_decimals_and_dates_read_back_exactly(
            lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(),
            negative in any::<bool>(), scale in 0u32..=28,
            days in NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce(),
        ) {
            let both = Both {
                amount: Decimal::from_parts(lo, mid, hi, negative, scale),
                day: NaiveDate::from_num_days_from_ce_opt(days).unwrap(),
            };
            let bytes = rmp_serde::to_vec(&both).unwrap();
            prop_assert_eq!(rmp_serde::from_slice::<Both>(&bytes).unwrap(), both);
        }
    }

    #[test]
    fn a_day_number_no_date_has_is_refused() {
        #[derive(serde::Serialize)]
        struct Raw {
            #[serde(with = "super::decimal")]
            amount: Decimal,
            day: i32,
        }
        let bytes = rmp_serde::to_vec(&Raw {
            amount: Decimal::ONE,
            day: i32::MAX,
        })
        .unwrap();
        let err = rmp_serde::from_slice::<Both>(&bytes).unwrap_err();
        assert!(err.to_string().contains("no date has day number"), "{err}");
    }

    /// Codes travel as their text and read back through their own
    /// `parse`: a text `parse` refuses does not read.
    #[test]
    fn codes_read_back_as_text_and_only_as_parse_admits_them() {
        use crate::ledger::types::{AccountNo, Currency, PartnerCode};
        let codes = (
            AccountNo::parse("0800").unwrap(),
            PartnerCode::parse("70001").unwrap(),
            Currency::parse("CHF").unwrap(),
        );
        let bytes = rmp_serde::to_vec(&codes).unwrap();
        assert_eq!(
            rmp_serde::from_slice::<(AccountNo, PartnerCode, Currency)>(&bytes).unwrap(),
            codes
        );
        assert_eq!(
            serde_json::to_string(&codes).unwrap(),
            r#"["0800","70001","CHF"]"#
        );
        for bad in [
            r#"["08 00","70001","CHF"]"#,
            r#"["0800","7ü","CHF"]"#,
            r#"["0800","70001","XYZ"]"#,
        ] {
            let value: (String, String, String) = serde_json::from_str(bad).unwrap();
            let bytes = rmp_serde::to_vec(&value).unwrap();
            assert!(
                rmp_serde::from_slice::<(AccountNo, PartnerCode, Currency)>(&bytes).is_err(),
                "{bad}"
            );
        }
    }
}
