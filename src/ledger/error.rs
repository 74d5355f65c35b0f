//! Domain errors (Fehler): why the engine refused a command or an event.
//! One refusal type per sub-ledger, wrapped here; each carries the field,
//! line, account, date or limit that is wrong, never a prose string. The
//! UI turns each into one German and one English sentence, one function
//! per sub-ledger, exhaustively.
//!
//! A sub-ledger passes refusals of the ones below it through (a tax code
//! naming a missing account is the GL's refusal); `From` flattens those,
//! so `DomainError::Gl(..)` is the one place a GL refusal appears.

use crate::ledger::bank::BankError;
use crate::ledger::closing::ClosingError;
use crate::ledger::costing::CostingError;
use crate::ledger::dunning::DunningError;
use crate::ledger::gl::GlError;
use crate::ledger::inbox::InboxError;
use crate::ledger::items::ItemsError;
use crate::ledger::journal::JournalError;
use crate::ledger::open_items::OpenItemsError;
use crate::ledger::partners::PartnersError;
use crate::ledger::payment_runs::PaymentRunsError;
use crate::ledger::payments::PaymentsError;
use crate::ledger::recurring::RecurringError;
use crate::ledger::statements::StatementsError;
use crate::ledger::tax::TaxError;
use crate::ledger::types::InputError;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error(transparent)]
    Input(InputError),
    #[error(transparent)]
    Gl(GlError),
    #[error(transparent)]
    Tax(TaxError),
    #[error(transparent)]
    Costing(CostingError),
    #[error(transparent)]
    Partners(PartnersError),
    #[error(transparent)]
    OpenItems(OpenItemsError),
    #[error(transparent)]
    Journal(JournalError),
    #[error(transparent)]
    Payments(PaymentsError),
    #[error(transparent)]
    Bank(BankError),
    #[error(transparent)]
    PaymentRuns(PaymentRunsError),
    #[error(transparent)]
    Dunning(DunningError),
    #[error(transparent)]
    Items(ItemsError),
    #[error(transparent)]
    Recurring(RecurringError),
    #[error(transparent)]
    Closing(ClosingError),
    #[error(transparent)]
    Statements(StatementsError),
    #[error(transparent)]
    Inbox(InboxError),
}

impl DomainError {
    /// The 0-based entry line the refusal is about, if any.
    pub fn line(&self) -> Option<usize> {
        self.clone().line_mut().copied()
    }

    /// The same line, to renumber it (the grid skips blank rows).
    pub fn line_mut(&mut self) -> Option<&mut usize> {
        match self {
            DomainError::Input(e) => e.line_mut(),
            DomainError::Gl(e) => e.line_mut(),
            DomainError::Tax(e) => e.line_mut(),
            DomainError::Costing(e) => e.line_mut(),
            DomainError::Partners(e) => e.line_mut(),
            DomainError::OpenItems(_) => None,
            DomainError::Journal(e) => e.line_mut(),
            DomainError::Payments(_) => None,
            DomainError::Bank(_) => None,
            DomainError::PaymentRuns(_) => None,
            DomainError::Dunning(_) => None,
            DomainError::Items(_) => None,
            DomainError::Recurring(_) => None,
            DomainError::Closing(e) => e.line_mut(),
            DomainError::Statements(_) => None,
            DomainError::Inbox(e) => e.line_mut(),
        }
    }
}

impl From<InputError> for DomainError {
    fn from(e: InputError) -> DomainError {
        DomainError::Input(e)
    }
}

impl From<GlError> for DomainError {
    fn from(e: GlError) -> DomainError {
        match e {
            GlError::Input(e) => e.into(),
            e => DomainError::Gl(e),
        }
    }
}

impl From<TaxError> for DomainError {
    fn from(e: TaxError) -> DomainError {
        match e {
            TaxError::Input(e) => e.into(),
            TaxError::Gl(e) => e.into(),
            e => DomainError::Tax(e),
        }
    }
}

impl From<CostingError> for DomainError {
    fn from(e: CostingError) -> DomainError {
        match e {
            CostingError::Input(e) => e.into(),
            CostingError::Gl(e) => e.into(),
            e => DomainError::Costing(e),
        }
    }
}

impl From<JournalError> for DomainError {
    fn from(e: JournalError) -> DomainError {
        match e {
            JournalError::Input(e) => e.into(),
            JournalError::Gl(e) => e.into(),
            JournalError::Tax(e) => e.into(),
            JournalError::Costing(e) => e.into(),
            JournalError::Partners(e) => e.into(),
            e => DomainError::Journal(e),
        }
    }
}

impl From<PartnersError> for DomainError {
    fn from(e: PartnersError) -> DomainError {
        match e {
            PartnersError::Input(e) => e.into(),
            PartnersError::Gl(e) => e.into(),
            e => DomainError::Partners(e),
        }
    }
}

impl From<OpenItemsError> for DomainError {
    fn from(e: OpenItemsError) -> DomainError {
        match e {
            OpenItemsError::Input(e) => e.into(),
            e => DomainError::OpenItems(e),
        }
    }
}

impl From<PaymentsError> for DomainError {
    fn from(e: PaymentsError) -> DomainError {
        match e {
            PaymentsError::Input(e) => e.into(),
            PaymentsError::Gl(e) => e.into(),
            PaymentsError::Tax(e) => e.into(),
            PaymentsError::Partners(e) => e.into(),
            PaymentsError::OpenItems(e) => e.into(),
            PaymentsError::Journal(e) => e.into(),
            e => DomainError::Payments(e),
        }
    }
}

impl From<BankError> for DomainError {
    fn from(e: BankError) -> DomainError {
        match e {
            BankError::Input(e) => e.into(),
            BankError::Gl(e) => e.into(),
            e => DomainError::Bank(e),
        }
    }
}

impl From<PaymentRunsError> for DomainError {
    fn from(e: PaymentRunsError) -> DomainError {
        match e {
            PaymentRunsError::Input(e) => e.into(),
            PaymentRunsError::Gl(e) => e.into(),
            e => DomainError::PaymentRuns(e),
        }
    }
}

impl From<DunningError> for DomainError {
    fn from(e: DunningError) -> DomainError {
        match e {
            DunningError::Input(e) => e.into(),
            DunningError::Gl(e) => e.into(),
            DunningError::Journal(e) => e.into(),
            e => DomainError::Dunning(e),
        }
    }
}

impl From<ItemsError> for DomainError {
    fn from(e: ItemsError) -> DomainError {
        match e {
            ItemsError::Gl(e) => e.into(),
            e => DomainError::Items(e),
        }
    }
}

impl From<RecurringError> for DomainError {
    fn from(e: RecurringError) -> DomainError {
        match e {
            RecurringError::Input(e) => e.into(),
            RecurringError::Gl(e) => e.into(),
            RecurringError::Journal(e) => e.into(),
            e => DomainError::Recurring(e),
        }
    }
}

impl From<ClosingError> for DomainError {
    fn from(e: ClosingError) -> DomainError {
        match e {
            ClosingError::Input(e) => e.into(),
            ClosingError::Gl(e) => e.into(),
            ClosingError::Journal(e) => e.into(),
            e => DomainError::Closing(e),
        }
    }
}

impl From<StatementsError> for DomainError {
    fn from(e: StatementsError) -> DomainError {
        match e {
            StatementsError::Input(e) => e.into(),
            StatementsError::Gl(e) => e.into(),
            e => DomainError::Statements(e),
        }
    }
}

impl From<InboxError> for DomainError {
    fn from(e: InboxError) -> DomainError {
        match e {
            InboxError::Input(e) => e.into(),
            InboxError::Journal(e) => e.into(),
            e => DomainError::Inbox(e),
        }
    }
}
