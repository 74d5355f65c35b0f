//! Commands (Befehle): what a user or another module asks the Book to do,
//! one variant per sub-ledger. `Book::check` turns a command into events
//! or refuses it with a `DomainError`; a refused command changes nothing.
//! One command may yield several events (a voucher: one per entry), which
//! the store appends in one transaction. Setting up a company is not a
//! command: there is no Book to check it against (`Book::set_up`).

use crate::ledger::bank::BankCommand;
use crate::ledger::closing::ClosingCommand;
use crate::ledger::costing::CostingCommand;
use crate::ledger::dunning::DunningCommand;
use crate::ledger::gl::{Area, GlCommand};
use crate::ledger::inbox::InboxCommand;
use crate::ledger::items::ItemsCommand;
use crate::ledger::open_items::OpenItemsCommand;
use crate::ledger::partners::PartnersCommand;
use crate::ledger::payment_runs::PaymentRunsCommand;
use crate::ledger::payments::PaymentsCommand;
use crate::ledger::posting::PostingCommand;
use crate::ledger::recurring::RecurringCommand;
use crate::ledger::statements::StatementsCommand;
use crate::ledger::tax::TaxCommand;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Gl(GlCommand),
    Tax(TaxCommand),
    Costing(CostingCommand),
    Partners(PartnersCommand),
    OpenItems(OpenItemsCommand),
    Payments(PaymentsCommand),
    Bank(BankCommand),
    PaymentRuns(PaymentRunsCommand),
    Dunning(DunningCommand),
    Items(ItemsCommand),
    Recurring(RecurringCommand),
    Closing(ClosingCommand),
    Statements(StatementsCommand),
    Posting(PostingCommand),
    Inbox(InboxCommand),
}

impl From<PartnersCommand> for Command {
    fn from(c: PartnersCommand) -> Command {
        Command::Partners(c)
    }
}

impl From<OpenItemsCommand> for Command {
    fn from(c: OpenItemsCommand) -> Command {
        Command::OpenItems(c)
    }
}

impl From<GlCommand> for Command {
    fn from(c: GlCommand) -> Command {
        Command::Gl(c)
    }
}

impl From<TaxCommand> for Command {
    fn from(c: TaxCommand) -> Command {
        Command::Tax(c)
    }
}

impl From<CostingCommand> for Command {
    fn from(c: CostingCommand) -> Command {
        Command::Costing(c)
    }
}

impl From<PostingCommand> for Command {
    fn from(c: PostingCommand) -> Command {
        Command::Posting(c)
    }
}

impl From<PaymentsCommand> for Command {
    fn from(c: PaymentsCommand) -> Command {
        Command::Payments(c)
    }
}

impl From<BankCommand> for Command {
    fn from(c: BankCommand) -> Command {
        Command::Bank(c)
    }
}

impl From<PaymentRunsCommand> for Command {
    fn from(c: PaymentRunsCommand) -> Command {
        Command::PaymentRuns(c)
    }
}

impl From<DunningCommand> for Command {
    fn from(c: DunningCommand) -> Command {
        Command::Dunning(c)
    }
}

impl From<ItemsCommand> for Command {
    fn from(c: ItemsCommand) -> Command {
        Command::Items(c)
    }
}

impl From<RecurringCommand> for Command {
    fn from(c: RecurringCommand) -> Command {
        Command::Recurring(c)
    }
}

impl From<ClosingCommand> for Command {
    fn from(c: ClosingCommand) -> Command {
        Command::Closing(c)
    }
}

impl From<StatementsCommand> for Command {
    fn from(c: StatementsCommand) -> Command {
        Command::Statements(c)
    }
}

impl From<InboxCommand> for Command {
    fn from(c: InboxCommand) -> Command {
        Command::Inbox(c)
    }
}

impl Command {
    /// The area whose full right the command needs (`Book::check_as`).
    /// Exhaustive over the G/L and posting commands, whose areas differ
    /// within the sub-ledger; every other sub-ledger is one area.
    pub fn area(&self) -> Area {
        match self {
            Command::Gl(c) => match c {
                GlCommand::OpenFiscalYear { .. } | GlCommand::SetPeriodStatus { .. } => {
                    Area::Periods
                }
                GlCommand::SaveRole { .. }
                | GlCommand::SaveUser { .. }
                | GlCommand::SetPasswordPolicy { .. } => Area::Users,
                GlCommand::CreateAccount { .. }
                | GlCommand::UpdateAccount { .. }
                | GlCommand::SetAccountActive { .. }
                | GlCommand::SetExchangeRate { .. }
                | GlCommand::SetGlDetermination { .. }
                | GlCommand::UpdateCompanyDetails { .. }
                | GlCommand::SetDatevSettings { .. }
                | GlCommand::SetEntryRules { .. }
                | GlCommand::SetDisplayDecimals { .. }
                | GlCommand::SetNumberSeries { .. } => Area::MasterData,
            },
            Command::Posting(c) => match c {
                PostingCommand::ReverseEntry { .. } => Area::Reversing,
                PostingCommand::PostEntry { .. } | PostingCommand::PostVoucher { .. } => {
                    Area::Posting
                }
            },
            Command::Recurring(_) | Command::Inbox(_) => Area::Posting,
            Command::Closing(_) => Area::Periods,
            Command::Tax(_)
            | Command::Costing(_)
            | Command::Partners(_)
            | Command::Items(_)
            | Command::Statements(_) => Area::MasterData,
            Command::OpenItems(_) | Command::Payments(_) | Command::Bank(_) => Area::Payments,
            Command::PaymentRuns(_) => Area::PaymentRuns,
            Command::Dunning(_) => Area::Dunning,
        }
    }
}
