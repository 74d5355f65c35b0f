//! The tax sub-ledger (Steuer): tax codes with their rate histories and
//! UStVA Kennzahlen (`code`), and the VAT index the VAT return reads
//! (`vat_index`). It depends on the general ledger for the accounts a
//! code posts to.

pub mod code;
pub mod command;
pub mod error;
pub mod vat_index;

pub use code::{Kennzahl, TaxCode, TaxDirection, TaxKind, TaxRate, TaxSplit};
pub use command::{TaxCommand, TaxEvent};
pub use error::TaxError;
pub use vat_index::{VatBucket, VatIndex};

use crate::ledger::gl::Gl;
use crate::ledger::types::limits::MAX_TAX_CODES;
use crate::ledger::types::{LineRef, PostedEntry};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Tax {
    codes: BTreeMap<String, TaxCode>,
    vat: VatIndex,
}

impl Tax {
    /// The event `cmd` would append, or why not. Pure.
    pub fn check(&self, gl: &Gl, cmd: &TaxCommand) -> Result<TaxEvent, TaxError> {
        Ok(match cmd {
            TaxCommand::CreateTaxCode { tax_code } => {
                self.check_code(gl, tax_code, true)?;
                TaxEvent::TaxCodeCreated {
                    tax_code: tax_code.clone(),
                }
            }
            TaxCommand::UpdateTaxCode { tax_code } => {
                self.check_code(gl, tax_code, false)?;
                TaxEvent::TaxCodeUpdated {
                    tax_code: tax_code.clone(),
                }
            }
        })
    }

    /// Folds one event in, re-checking it; on error nothing changes.
    pub fn apply(&mut self, gl: &Gl, event: &TaxEvent) -> Result<(), TaxError> {
        let (tax_code, new) = match event {
            TaxEvent::TaxCodeCreated { tax_code } => (tax_code, true),
            TaxEvent::TaxCodeUpdated { tax_code } => (tax_code, false),
        };
        self.check_code(gl, tax_code, new)?;
        self.codes.insert(tax_code.code.clone(), tax_code.clone());
        Ok(())
    }

    /// Indexes the tax-coded and tax lines of a posted entry.
    pub(crate) fn on_entry_posted(&mut self, entry_index: u32, entry: &PostedEntry, period: usize) {
        for (i, line) in entry.lines.iter().enumerate() {
            if line.tax_code().is_some() || line.tax().is_some() {
                let at = LineRef {
                    entry: entry_index,
                    line: u16::try_from(i).unwrap_or_else(|_| unreachable!("line index fits u16")),
                };
                self.vat.add(period, line, at);
            }
        }
    }

    fn check_code(&self, gl: &Gl, tax_code: &TaxCode, new: bool) -> Result<(), TaxError> {
        let exists = self.codes.contains_key(&tax_code.code);
        if new && exists {
            return Err(TaxError::TaxCodeExists {
                code: tax_code.code.clone(),
            });
        }
        if !new && !exists {
            return Err(TaxError::TaxCodeUnknown {
                line: None,
                code: tax_code.code.clone(),
            });
        }
        if new && self.codes.len() >= MAX_TAX_CODES {
            return Err(TaxError::TooManyTaxCodes { max: MAX_TAX_CODES });
        }
        tax_code.check_shape()?;
        for account in [tax_code.output_account, tax_code.input_account]
            .into_iter()
            .flatten()
        {
            let usable = gl
                .account(account)
                .is_some_and(|a| a.postable && a.currency.allows(None));
            if !usable {
                return Err(TaxError::TaxAccountInvalid {
                    code: tax_code.code.clone(),
                    account,
                });
            }
        }
        Ok(())
    }

    /// A tax code by its code.
    pub fn code(&self, code: &str) -> Option<&TaxCode> {
        self.codes.get(code)
    }

    /// All tax codes, in code order.
    pub fn codes(&self) -> impl Iterator<Item = &TaxCode> + '_ {
        self.codes.values()
    }

    /// Base and tax sums per tax code and period.
    pub fn vat_index(&self) -> &VatIndex {
        &self.vat
    }
}
