//! The recurring sub-ledger's events as stored (issue 17: new variants):
//! posting templates, standing postings (their entry draft and schedule),
//! the occurrences posted or skipped, loans and their rate changes.
//! Omission rules as elsewhere: empty texts, zero amounts, absent options,
//! empty dimension lists and unset flags are not written. A standing
//! posting's draft is written without its posting date's role (the
//! schedule's first date) and without a key (occurrences carry none);
//! what was posted or skipped (`done`) is folded from the occurrence
//! events, never written with the posting or the loan.

use super::{AccountNoV1, CurrencyV1, EventRefV1, EventV1, PartnerCodeV1, TimestampV1};
use crate::ledger::event::Event;
use crate::ledger::posting::{EntryDraft, FcDraft, LineDraft};
use crate::ledger::recurring::{
    End, Frequency, Loan, PostingTemplate, RecurringEvent, Repayment, Schedule, Source,
    StandingPosting, TemplateLine,
};
use crate::ledger::types::EntryId;
use crate::ledger::types::limits::DIMENSIONS;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(d: &Decimal) -> bool {
    d.is_zero()
}

fn no_dims(dims: &[Option<String>; DIMENSIONS]) -> bool {
    dims.iter().all(Option::is_none)
}

wire_names!(RepaymentV1, Repayment, [
    Repayment::Annuity => "annuity",
    Repayment::FixedPrincipal => "fixed_principal",
]);

// ----- templates -----

#[derive(Serialize, Deserialize)]
pub struct TemplateLineV1 {
    account: AccountNoV1,
    percent: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tax_code: Option<String>,
    #[serde(default, skip_serializing_if = "no_dims")]
    dims: [Option<String>; DIMENSIONS],
    #[serde(default, skip_serializing_if = "String::is_empty")]
    memo: String,
}

#[derive(Serialize, Deserialize)]
pub struct PostingTemplateV1 {
    code: String,
    name: String,
    lines: Vec<TemplateLineV1>,
}

impl From<&PostingTemplate> for PostingTemplateV1 {
    fn from(t: &PostingTemplate) -> PostingTemplateV1 {
        PostingTemplateV1 {
            code: t.code.clone(),
            name: t.name.clone(),
            lines: t
                .lines
                .iter()
                .map(|l| TemplateLineV1 {
                    account: AccountNoV1(l.account),
                    percent: l.percent,
                    tax_code: l.tax_code.clone(),
                    dims: l.dims.clone(),
                    memo: l.memo.clone(),
                })
                .collect(),
        }
    }
}

impl From<PostingTemplateV1> for PostingTemplate {
    fn from(t: PostingTemplateV1) -> PostingTemplate {
        PostingTemplate {
            code: t.code,
            name: t.name,
            lines: t
                .lines
                .into_iter()
                .map(|l| TemplateLine {
                    account: l.account.0,
                    percent: l.percent,
                    tax_code: l.tax_code,
                    dims: l.dims,
                    memo: l.memo,
                })
                .collect(),
        }
    }
}

// ----- entry drafts (a standing posting's lines) -----

#[derive(Serialize, Deserialize)]
pub struct FcDraftV1 {
    currency: CurrencyV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rate_fc_per_lc: Option<Decimal>,
}

#[derive(Serialize, Deserialize)]
pub struct LineDraftV1 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    account: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    partner: Option<PartnerCodeV1>,
    #[serde(default, skip_serializing_if = "is_zero")]
    debit: Decimal,
    #[serde(default, skip_serializing_if = "is_zero")]
    credit: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fc: Option<FcDraftV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tax_code: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    gross: bool,
    #[serde(default, skip_serializing_if = "no_dims")]
    dims: [Option<String>; DIMENSIONS],
    #[serde(default, skip_serializing_if = "String::is_empty")]
    memo: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    due_date: Option<NaiveDate>,
}

#[derive(Serialize, Deserialize)]
pub struct EntryDraftV1 {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    reference: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    memo: String,
    user: String,
    lines: Vec<LineDraftV1>,
}

impl EntryDraftV1 {
    fn of(d: &EntryDraft) -> EntryDraftV1 {
        EntryDraftV1 {
            reference: d.reference.clone(),
            memo: d.memo.clone(),
            user: d.user.clone(),
            lines: d
                .lines
                .iter()
                .map(|l| LineDraftV1 {
                    account: l.account.map(AccountNoV1),
                    partner: l.partner.map(PartnerCodeV1),
                    debit: l.debit,
                    credit: l.credit,
                    fc: l.fc.as_ref().map(|fc| FcDraftV1 {
                        currency: CurrencyV1(fc.currency),
                        rate_fc_per_lc: fc.rate_fc_per_lc,
                    }),
                    tax_code: l.tax_code.clone(),
                    gross: l.gross,
                    dims: l.dims.clone(),
                    memo: l.memo.clone(),
                    due_date: l.due_date,
                })
                .collect(),
        }
    }

    /// The draft, dated `date` (the schedule's first date).
    fn draft(self, date: NaiveDate) -> EntryDraft {
        EntryDraft {
            posting_date: date,
            document_date: None,
            due_date: None,
            reference: self.reference,
            memo: self.memo,
            user: self.user,
            lines: self
                .lines
                .into_iter()
                .map(|l| LineDraft {
                    account: l.account.map(|a| a.0),
                    debit: l.debit,
                    credit: l.credit,
                    fc: l.fc.map(|fc| FcDraft {
                        currency: fc.currency.0,
                        rate_fc_per_lc: fc.rate_fc_per_lc,
                    }),
                    memo: l.memo,
                    tax_code: l.tax_code,
                    dims: l.dims,
                    gross: l.gross,
                    partner: l.partner.map(|p| p.0),
                    due_date: l.due_date,
                })
                .collect(),
            key: None,
            entered_on: None,
            series: None,
        }
    }
}

// ----- schedules and standing postings -----

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum FrequencyNameV1 {
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
    Days,
}

#[derive(Serialize, Deserialize)]
pub struct ScheduleV1 {
    frequency: FrequencyNameV1,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    days: Vec<u8>,
    first: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    count: Option<u32>,
}

impl From<&Schedule> for ScheduleV1 {
    fn from(s: &Schedule) -> ScheduleV1 {
        let (frequency, days) = match &s.frequency {
            Frequency::Daily => (FrequencyNameV1::Daily, Vec::new()),
            Frequency::Weekly => (FrequencyNameV1::Weekly, Vec::new()),
            Frequency::Monthly => (FrequencyNameV1::Monthly, Vec::new()),
            Frequency::Quarterly => (FrequencyNameV1::Quarterly, Vec::new()),
            Frequency::HalfYearly => (FrequencyNameV1::HalfYearly, Vec::new()),
            Frequency::Yearly => (FrequencyNameV1::Yearly, Vec::new()),
            Frequency::Days(days) => (FrequencyNameV1::Days, days.clone()),
        };
        let (until, count) = match s.end {
            End::Open => (None, None),
            End::Until(d) => (Some(d), None),
            End::Count(n) => (None, Some(n)),
        };
        ScheduleV1 {
            frequency,
            days,
            first: s.first,
            until,
            count,
        }
    }
}

impl From<ScheduleV1> for Schedule {
    fn from(s: ScheduleV1) -> Schedule {
        let frequency = match s.frequency {
            FrequencyNameV1::Daily => Frequency::Daily,
            FrequencyNameV1::Weekly => Frequency::Weekly,
            FrequencyNameV1::Monthly => Frequency::Monthly,
            FrequencyNameV1::Quarterly => Frequency::Quarterly,
            FrequencyNameV1::HalfYearly => Frequency::HalfYearly,
            FrequencyNameV1::Yearly => Frequency::Yearly,
            FrequencyNameV1::Days => Frequency::Days(s.days),
        };
        // The encoder writes at most one of them.
        let end = match (s.until, s.count) {
            (Some(d), _) => End::Until(d),
            (None, Some(n)) => End::Count(n),
            (None, None) => End::Open,
        };
        Schedule {
            frequency,
            first: s.first,
            end,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct StandingPostingV1 {
    number: u32,
    name: String,
    schedule: ScheduleV1,
    draft: EntryDraftV1,
    #[serde(default, skip_serializing_if = "is_false")]
    inactive: bool,
}

impl From<&StandingPosting> for StandingPostingV1 {
    fn from(s: &StandingPosting) -> StandingPostingV1 {
        StandingPostingV1 {
            number: s.number,
            name: s.name.clone(),
            schedule: (&s.schedule).into(),
            draft: EntryDraftV1::of(&s.draft),
            inactive: !s.active,
        }
    }
}

impl From<StandingPostingV1> for StandingPosting {
    fn from(s: StandingPostingV1) -> StandingPosting {
        let schedule: Schedule = s.schedule.into();
        StandingPosting {
            number: s.number,
            name: s.name,
            draft: s.draft.draft(schedule.first),
            schedule,
            active: !s.inactive,
            done: BTreeMap::new(),
        }
    }
}

// ----- occurrences -----

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceV1 {
    Standing(u32),
    Loan(u32),
}

impl From<Source> for SourceV1 {
    fn from(s: Source) -> SourceV1 {
        match s {
            Source::Standing(n) => SourceV1::Standing(n),
            Source::Loan(n) => SourceV1::Loan(n),
        }
    }
}

impl From<SourceV1> for Source {
    fn from(s: SourceV1) -> Source {
        match s {
            SourceV1::Standing(n) => Source::Standing(n),
            SourceV1::Loan(n) => Source::Loan(n),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct PostedOccurrenceV1 {
    source: SourceV1,
    date: NaiveDate,
    entry: u64,
}

// ----- loans -----

#[derive(Serialize, Deserialize)]
pub struct LoanRateV1 {
    from: NaiveDate,
    rate: Decimal,
}

#[derive(Serialize, Deserialize)]
pub struct LoanV1 {
    number: u32,
    name: String,
    principal: Decimal,
    rates: Vec<LoanRateV1>,
    start: NaiveDate,
    instalments: u32,
    every_months: u8,
    payment_day: u8,
    repayment: RepaymentV1,
    loan_account: AccountNoV1,
    interest_account: AccountNoV1,
    bank_account: AccountNoV1,
    #[serde(default, skip_serializing_if = "is_false")]
    inactive: bool,
}

impl From<&Loan> for LoanV1 {
    fn from(l: &Loan) -> LoanV1 {
        LoanV1 {
            number: l.number,
            name: l.name.clone(),
            principal: l.principal,
            rates: l
                .rates
                .iter()
                .map(|&(from, rate)| LoanRateV1 { from, rate })
                .collect(),
            start: l.start,
            instalments: l.instalments,
            every_months: l.every_months,
            payment_day: l.payment_day,
            repayment: RepaymentV1(l.repayment),
            loan_account: AccountNoV1(l.loan_account),
            interest_account: AccountNoV1(l.interest_account),
            bank_account: AccountNoV1(l.bank_account),
            inactive: !l.active,
        }
    }
}

impl From<LoanV1> for Loan {
    fn from(l: LoanV1) -> Loan {
        Loan {
            number: l.number,
            name: l.name,
            principal: l.principal,
            rates: l.rates.into_iter().map(|r| (r.from, r.rate)).collect(),
            start: l.start,
            instalments: l.instalments,
            every_months: l.every_months,
            payment_day: l.payment_day,
            repayment: l.repayment.0,
            loan_account: l.loan_account.0,
            interest_account: l.interest_account.0,
            bank_account: l.bank_account.0,
            active: !l.inactive,
            done: BTreeMap::new(),
        }
    }
}

// ----- the events -----

pub(super) fn recurring_to_wire(event: &RecurringEvent) -> EventRefV1<'static> {
    match event {
        RecurringEvent::TemplateSaved { template, by, at } => EventRefV1::PostingTemplateSaved {
            template: template.into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        RecurringEvent::TemplateDeleted { code, by, at } => EventRefV1::PostingTemplateDeleted {
            code: code.clone(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        RecurringEvent::StandingSaved { posting, by, at } => EventRefV1::StandingPostingSaved {
            posting: posting.as_ref().into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        RecurringEvent::OccurrencesPosted { posted, by, at } => EventRefV1::OccurrencesPosted {
            posted: posted
                .iter()
                .map(|&(source, date, entry)| PostedOccurrenceV1 {
                    source: source.into(),
                    date,
                    entry: entry.0,
                })
                .collect(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        RecurringEvent::OccurrenceSkipped {
            source,
            date,
            by,
            at,
        } => EventRefV1::OccurrenceSkipped {
            source: (*source).into(),
            date: *date,
            by: by.clone(),
            at: TimestampV1(*at),
        },
        RecurringEvent::LoanSaved { loan, by, at } => EventRefV1::LoanSaved {
            loan: loan.as_ref().into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        RecurringEvent::LoanRateChanged {
            loan,
            from,
            rate,
            by,
            at,
        } => EventRefV1::LoanRateChanged {
            loan: *loan,
            from: *from,
            rate: *rate,
            by: by.clone(),
            at: TimestampV1(*at),
        },
    }
}

pub(super) fn recurring_from_wire(event: EventV1) -> Event {
    use EventV1 as W;
    Event::Recurring(match event {
        W::PostingTemplateSaved { template, by, at } => RecurringEvent::TemplateSaved {
            template: template.into(),
            by,
            at: at.0,
        },
        W::PostingTemplateDeleted { code, by, at } => {
            RecurringEvent::TemplateDeleted { code, by, at: at.0 }
        }
        W::StandingPostingSaved { posting, by, at } => RecurringEvent::StandingSaved {
            posting: Box::new(posting.into()),
            by,
            at: at.0,
        },
        W::OccurrencesPosted { posted, by, at } => RecurringEvent::OccurrencesPosted {
            posted: posted
                .into_iter()
                .map(|p| (p.source.into(), p.date, EntryId(p.entry)))
                .collect(),
            by,
            at: at.0,
        },
        W::OccurrenceSkipped {
            source,
            date,
            by,
            at,
        } => RecurringEvent::OccurrenceSkipped {
            source: source.into(),
            date,
            by,
            at: at.0,
        },
        W::LoanSaved { loan, by, at } => RecurringEvent::LoanSaved {
            loan: Box::new(loan.into()),
            by,
            at: at.0,
        },
        W::LoanRateChanged {
            loan,
            from,
            rate,
            by,
            at,
        } => RecurringEvent::LoanRateChanged {
            loan,
            from,
            rate,
            by,
            at: at.0,
        },
        // `from_wire` hands over only the variants above.
        _ => unreachable!("from_wire reads the other events itself"),
    })
}
