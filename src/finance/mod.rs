//! Pure financial arithmetic that is neither bookkeeping nor a file
//! format: rules from statute and contract that turn amounts and dates
//! into amounts. No I/O and no dependency on the ledger, so dunning,
//! payment runs and reports can share them; every amount is a `Decimal`
//! with its rounding stated.

pub mod interest;
pub mod loan;
