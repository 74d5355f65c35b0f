//! Commands and events of the partner sub-ledger. Partner events carry who
//! made the change and when (given by the caller: the engine has no
//! clock), so a partner's change history is a function of its events.

use crate::ledger::partners::master::Partner;
use crate::ledger::partners::terms::PaymentTerms;
use crate::ledger::types::Timestamp;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartnersCommand {
    CreatePartner {
        partner: Box<Partner>,
        by: String,
        at: Timestamp,
    },
    /// Replaces the partner's master data (deactivating included). Kind
    /// never changes; control account and currency only before the first
    /// posting.
    UpdatePartner {
        partner: Box<Partner>,
        by: String,
        at: Timestamp,
    },
    /// Creates every partner or none (a CSV import): one event each.
    ImportPartners {
        partners: Vec<Partner>,
        by: String,
        at: Timestamp,
    },
    CreatePaymentTerms {
        terms: PaymentTerms,
    },
    /// Replaces the terms; items already posted keep their dates.
    UpdatePaymentTerms {
        terms: PaymentTerms,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartnersEvent {
    /// Carries the control account resolved.
    PartnerCreated {
        partner: Box<Partner>,
        by: String,
        at: Timestamp,
    },
    PartnerUpdated {
        partner: Box<Partner>,
        by: String,
        at: Timestamp,
    },
    PaymentTermsCreated {
        terms: PaymentTerms,
    },
    PaymentTermsUpdated {
        terms: PaymentTerms,
    },
}
