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
}
