//! The partner sub-ledger (Geschäftspartner): customers and vendors with
//! their master data (`master`), shared payment terms (`terms`), bank
//! details (`bank`), the change history each update leaves (`history`),
//! and which partners have postings. It depends on the general ledger for
//! control accounts and the G/L account determination; the open items of
//! its partners are the `open_items` sub-ledger's, one layer up, because
//! they are folded from posted entries.
//!
//! Why a sub-ledger of its own: partners are master data that the journal,
//! posting and open items all read, and their checks (code ranges, VAT id,
//! IBAN, control account) belong in one place.
//!
//! Codes: numeric, in the range of the partner's kind (customers
//! 10000–69999, vendors 70000–99999, DATEV's personal-account ranges, in
//! `types::limits`). `PartnerCode` itself admits letters, so a company
//! setting can widen the rule later without changing the stored form.

pub mod bank;
pub mod check;
pub mod command;
pub mod error;
pub mod history;
pub mod master;
pub mod terms;

pub use command::{PartnersCommand, PartnersEvent};
pub use error::{LimitField, PartnersError, TermsField};
pub use history::{Change, PartnerField, Stamp};
pub use master::{
    Address, BankAccount, Contact, Language, Mandate, MandateSequence, Partner, PartnerKind,
    PaymentMethod,
};
pub use terms::{
    BaseDate, DiscountDue, DiscountStep, DueStart, Installment, ItemPlan, LineAmounts, LineDates,
    PaymentTerms, schedule,
};

use crate::ledger::gl::Gl;
use crate::ledger::types::limits::{MAX_IMPORT_PARTNERS, MAX_PARTNERS, MAX_PAYMENT_TERMS};
use crate::ledger::types::{PartnerCode, PostedEntry, Timestamp};
use std::collections::{BTreeMap, BTreeSet};

/// A partner as the sub-ledger keeps it: its current master data, who
/// created it, what changed since, and whether it has postings.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PartnerRecord {
    pub partner: Partner,
    pub created: Stamp,
    pub changes: Vec<Change>,
    pub posted: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Partners {
    partners: BTreeMap<PartnerCode, PartnerRecord>,
    terms: BTreeMap<String, PaymentTerms>,
}

impl Partners {
    /// The events `cmd` would append, or why not. Pure.
    pub fn check(
        &self,
        gl: &Gl,
        cmd: &PartnersCommand,
    ) -> Result<Vec<PartnersEvent>, PartnersError> {
        Ok(match cmd {
            PartnersCommand::CreatePartner { partner, by, at } => {
                check::check_by(by)?;
                let partner = self.check_new(gl, partner, &BTreeSet::new())?;
                vec![created(partner, by, *at)]
            }
            PartnersCommand::UpdatePartner { partner, by, at } => {
                check::check_by(by)?;
                let partner = self.check_update(gl, partner)?;
                vec![PartnersEvent::PartnerUpdated {
                    partner: Box::new(partner),
                    by: by.clone(),
                    at: *at,
                }]
            }
            PartnersCommand::ImportPartners { partners, by, at } => {
                check::check_by(by)?;
                self.check_import(gl, partners)?
                    .into_iter()
                    .map(|p| created(p, by, *at))
                    .collect()
            }
            PartnersCommand::CreatePaymentTerms { terms } => {
                self.check_terms(terms, true)?;
                vec![PartnersEvent::PaymentTermsCreated {
                    terms: terms.clone(),
                }]
            }
            PartnersCommand::UpdatePaymentTerms { terms } => {
                self.check_terms(terms, false)?;
                vec![PartnersEvent::PaymentTermsUpdated {
                    terms: terms.clone(),
                }]
            }
        })
    }

    /// Folds one event in, re-checking it; on error nothing changes.
    pub fn apply(&mut self, gl: &Gl, event: &PartnersEvent) -> Result<(), PartnersError> {
        match event {
            PartnersEvent::PartnerCreated { partner, by, at } => {
                check::check_by(by)?;
                let partner = self.check_new(gl, partner, &BTreeSet::new())?;
                let record = PartnerRecord {
                    partner,
                    created: Stamp {
                        by: by.clone(),
                        at: *at,
                    },
                    changes: Vec::new(),
                    posted: false,
                };
                self.partners.insert(record.partner.code, record);
            }
            PartnersEvent::PartnerUpdated { partner, by, at } => {
                check::check_by(by)?;
                let partner = self.check_update(gl, partner)?;
                let stamp = Stamp {
                    by: by.clone(),
                    at: *at,
                };
                if let Some(record) = self.partners.get_mut(&partner.code) {
                    let changed = history::changes(&record.partner, &partner, &stamp);
                    record.changes.extend(changed);
                    record.partner = partner;
                }
            }
            PartnersEvent::PaymentTermsCreated { terms }
            | PartnersEvent::PaymentTermsUpdated { terms } => {
                let new = matches!(event, PartnersEvent::PaymentTermsCreated { .. });
                self.check_terms(terms, new)?;
                self.terms.insert(terms.code.clone(), terms.clone());
            }
        }
        Ok(())
    }

    /// Marks the partners of a posted entry's lines as having postings
    /// (the journal checked that they exist).
    pub(crate) fn on_entry_posted(&mut self, entry: &PostedEntry) {
        for line in &entry.lines {
            if let Some(code) = line.partner_code()
                && let Some(record) = self.partners.get_mut(&code)
            {
                record.posted = true;
            }
        }
    }

    /// A new partner, with its control account resolved; `pending` holds
    /// codes an import creates before it.
    fn check_new(
        &self,
        gl: &Gl,
        partner: &Partner,
        pending: &BTreeSet<PartnerCode>,
    ) -> Result<Partner, PartnersError> {
        let code = partner.code;
        if self.partners.contains_key(&code) || pending.contains(&code) {
            return Err(PartnersError::PartnerExists { code });
        }
        if self.partners.len() + pending.len() >= MAX_PARTNERS {
            return Err(PartnersError::TooManyPartners { max: MAX_PARTNERS });
        }
        self.check_fields(gl, partner)
    }

    fn check_update(&self, gl: &Gl, partner: &Partner) -> Result<Partner, PartnersError> {
        let code = partner.code;
        let old = self
            .partners
            .get(&code)
            .ok_or(PartnersError::PartnerUnknown { line: None, code })?;
        if old.partner.kind != partner.kind {
            return Err(PartnersError::KindChanged { code });
        }
        let checked = self.check_fields(gl, partner)?;
        let moved = old.partner.control_account != checked.control_account
            || old.partner.currency != checked.currency;
        if moved && old.posted {
            return Err(PartnersError::PartnerHasPostings { code });
        }
        Ok(checked)
    }

    /// Every field of `partner`; returns it with the control account set.
    fn check_fields(&self, gl: &Gl, partner: &Partner) -> Result<Partner, PartnersError> {
        check::check_code(partner.code, partner.kind)?;
        check::check_texts(partner)?;
        check::check_bank_accounts(partner)?;
        check::check_mandate_and_limits(partner, gl.settings().lc_decimals())?;
        let control = check::resolve_control(gl, partner)?;
        check::check_control(gl, partner, control)?;
        if let Some(code) = &partner.payment_terms
            && !self.terms.contains_key(code)
        {
            return Err(PartnersError::TermsUnknown { code: code.clone() });
        }
        let mut resolved = partner.clone();
        resolved.control_account = Some(control);
        Ok(resolved)
    }

    fn check_import(&self, gl: &Gl, partners: &[Partner]) -> Result<Vec<Partner>, PartnersError> {
        let count = partners.len();
        if count == 0 {
            return Err(PartnersError::ImportEmpty);
        }
        if count > MAX_IMPORT_PARTNERS {
            return Err(PartnersError::ImportTooLarge {
                count,
                max: MAX_IMPORT_PARTNERS,
            });
        }
        let mut pending = BTreeSet::new();
        let mut checked = Vec::with_capacity(count);
        for (index, partner) in partners.iter().enumerate() {
            let p = self.check_new(gl, partner, &pending).map_err(|error| {
                PartnersError::ImportRow {
                    index,
                    error: Box::new(error),
                }
            })?;
            pending.insert(p.code);
            checked.push(p);
        }
        Ok(checked)
    }

    fn check_terms(&self, terms: &PaymentTerms, new: bool) -> Result<(), PartnersError> {
        let exists = self.terms.contains_key(&terms.code);
        if new && exists {
            return Err(PartnersError::TermsExists {
                code: terms.code.clone(),
            });
        }
        if !new && !exists {
            return Err(PartnersError::TermsUnknown {
                code: terms.code.clone(),
            });
        }
        if new && self.terms.len() >= MAX_PAYMENT_TERMS {
            return Err(PartnersError::TooManyTerms {
                max: MAX_PAYMENT_TERMS,
            });
        }
        check::check_terms(terms)
    }

    // ----- queries -----

    pub fn partner(&self, code: PartnerCode) -> Option<&Partner> {
        self.partners.get(&code).map(|r| &r.partner)
    }

    /// The partner with its creation stamp, history and posting flag.
    pub fn record(&self, code: PartnerCode) -> Option<&PartnerRecord> {
        self.partners.get(&code)
    }

    /// All partners in code order.
    pub fn partners(&self) -> impl Iterator<Item = &Partner> + '_ {
        self.partners.values().map(|r| &r.partner)
    }

    pub fn len(&self) -> usize {
        self.partners.len()
    }

    pub fn is_empty(&self) -> bool {
        self.partners.is_empty()
    }

    pub fn terms(&self, code: &str) -> Option<&PaymentTerms> {
        self.terms.get(code)
    }

    /// All payment terms in code order.
    pub fn all_terms(&self) -> impl Iterator<Item = &PaymentTerms> + '_ {
        self.terms.values()
    }

    /// The payment terms of a partner, if it has any.
    pub fn terms_of(&self, code: PartnerCode) -> Option<&PaymentTerms> {
        self.partner(code)?
            .payment_terms
            .as_deref()
            .and_then(|t| self.terms.get(t))
    }
}

fn created(partner: Partner, by: &str, at: Timestamp) -> PartnersEvent {
    PartnersEvent::PartnerCreated {
        partner: Box::new(partner),
        by: by.to_string(),
        at,
    }
}
