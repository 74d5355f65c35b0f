//! From the serde structures to [`BankStatement`]s: every amount, date and
//! code checked, every refusal naming its element path
//! (`Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt`).

use super::CamtKind;
use super::xml;
use crate::formats::bank::codes::{self, Stamp};
use crate::formats::bank::error::{BankError, BankErrorKind, Location};
use crate::formats::bank::model::*;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// An element path built on the stack, rendered only for an error.
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    name: &'static str,
    /// 0-based position among repeated elements; shown 1-based.
    index: Option<usize>,
}

impl<'a> Path<'a> {
    fn child(&'a self, name: &'static str) -> Path<'a> {
        Path {
            parent: Some(self),
            name,
            index: None,
        }
    }

    fn item(&'a self, name: &'static str, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            name,
            index: Some(index),
        }
    }

    fn render(&self) -> String {
        let mut parts = Vec::new();
        let mut at = Some(self);
        while let Some(p) = at {
            parts.push(match p.index {
                Some(i) => format!("{}[{}]", p.name, i + 1),
                None => p.name.to_string(),
            });
            at = p.parent;
        }
        parts.reverse();
        parts.join("/")
    }
}

struct Ctx<'f> {
    file: &'f str,
}

type Res<T> = Result<T, BankError>;

impl Ctx<'_> {
    fn fail(&self, path: &Path, kind: BankErrorKind) -> BankError {
        BankError::new(
            self.file,
            Location::Element {
                path: path.render(),
            },
            kind,
        )
    }

    /// `value`, or a [`BankErrorKind::MissingElement`] naming `name` under
    /// `parent`.
    fn need<'x, T>(&self, value: &'x Option<T>, parent: &Path, name: &'static str) -> Res<&'x T> {
        value.as_ref().ok_or_else(|| {
            let element = name.to_string();
            self.fail(
                &parent.child(name),
                BankErrorKind::MissingElement { element },
            )
        })
    }

    fn need_text(&self, value: &Option<String>, parent: &Path, name: &'static str) -> Res<String> {
        text(value).ok_or_else(|| {
            let element = name.to_string();
            self.fail(
                &parent.child(name),
                BankErrorKind::MissingElement { element },
            )
        })
    }

    fn check<T>(&self, path: &Path, result: Result<T, BankErrorKind>) -> Res<T> {
        result.map_err(|kind| self.fail(path, kind))
    }

    /// Amount and currency of an `<Amt Ccy="…">` element.
    fn amount(&self, amount: &xml::Amount, path: &Path) -> Res<(Decimal, String)> {
        let value = self.need_text(&amount.value, path, "$text")?;
        let value = self.check(path, codes::plain_amount(&value, '.'))?;
        let ccy = amount.Ccy.as_deref().unwrap_or("");
        let ccy = self.check(&path.child("@Ccy"), codes::currency(ccy))?;
        Ok((value, ccy))
    }

    fn direction(&self, value: &Option<String>, parent: &Path) -> Res<CreditDebit> {
        let code = self.need_text(value, parent, "CdtDbtInd")?;
        credit_debit(&code).ok_or_else(|| {
            let kind = BankErrorKind::BadCreditDebit { value: code };
            self.fail(&parent.child("CdtDbtInd"), kind)
        })
    }

    /// `<Dt>` or `<DtTm>` inside a date choice.
    fn date(&self, choice: &xml::DateChoice, path: &Path) -> Res<(NaiveDate, Option<Stamp>)> {
        if let Some(date) = text(&choice.Dt) {
            // Some banks write a date-time into <Dt>.
            if date.len() > 10 && date.as_bytes().get(10) == Some(&b'T') {
                let stamp = self.check(&path.child("Dt"), codes::iso_stamp(&date))?;
                return Ok((stamp.date(), Some(stamp)));
            }
            let date = self.check(&path.child("Dt"), codes::iso_date(&date))?;
            return Ok((date, None));
        }
        let stamp = self.need_text(&choice.DtTm, path, "DtTm")?;
        let stamp = self.check(&path.child("DtTm"), codes::iso_stamp(&stamp))?;
        Ok((stamp.date(), Some(stamp)))
    }

    fn stamp(
        &self,
        value: &Option<String>,
        parent: &Path,
        name: &'static str,
    ) -> Res<Option<Stamp>> {
        match text(value) {
            None => Ok(None),
            Some(s) => self
                .check(&parent.child(name), codes::iso_stamp(&s))
                .map(Some),
        }
    }

    fn iban(&self, value: &Option<String>, parent: &Path) -> Res<Option<String>> {
        match text(value) {
            None => Ok(None),
            Some(s) => self.check(&parent.child("IBAN"), codes::iban(&s)).map(Some),
        }
    }

    fn bic(&self, agent: Option<&xml::Agent>, path: &Path) -> Res<Option<String>> {
        let Some(fi) = agent.and_then(|a| a.FinInstnId.as_ref()) else {
            return Ok(None);
        };
        let fi_path = path.child("FinInstnId");
        for (value, name) in [(&fi.BICFI, "BICFI"), (&fi.BIC, "BIC")] {
            if let Some(s) = text(value) {
                return self.check(&fi_path.child(name), codes::bic(&s)).map(Some);
            }
        }
        Ok(None)
    }
}

/// Trimmed, or `None` when absent or blank.
fn text(value: &Option<String>) -> Option<String> {
    let t = value.as_deref()?.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn credit_debit(code: &str) -> Option<CreditDebit> {
    match code {
        "CRDT" => Some(CreditDebit::Credit),
        "DBIT" => Some(CreditDebit::Debit),
        _ => None,
    }
}

/// Every record of the document, in order.
pub(super) fn statements(
    file: &str,
    kind: CamtKind,
    doc: &xml::Document,
) -> Res<Vec<BankStatement>> {
    let ctx = Ctx { file };
    let root = Path {
        parent: None,
        name: "Document",
        index: None,
    };
    let (message_name, record_name) = match kind.format {
        StatementFormat::Camt052 => ("BkToCstmrAcctRpt", "Rpt"),
        StatementFormat::Camt054 => ("BkToCstmrDbtCdtNtfctn", "Ntfctn"),
        _ => ("BkToCstmrStmt", "Stmt"),
    };
    let message = match kind.format {
        StatementFormat::Camt052 => &doc.BkToCstmrAcctRpt,
        StatementFormat::Camt054 => &doc.BkToCstmrDbtCdtNtfctn,
        _ => &doc.BkToCstmrStmt,
    };
    let message = ctx.need(message, &root, message_name)?;
    let message_path = root.child(message_name);
    let records = match kind.format {
        StatementFormat::Camt052 => &message.Rpt,
        StatementFormat::Camt054 => &message.Ntfctn,
        _ => &message.Stmt,
    };
    if records.is_empty() {
        let element = record_name.to_string();
        let path = message_path.child(record_name);
        return Err(ctx.fail(&path, BankErrorKind::MissingElement { element }));
    }
    let header = message.GrpHdr.as_ref();
    let message_id = header.and_then(|h| text(&h.MsgId));
    let mut out = Vec::with_capacity(records.len());
    for (i, record) in records.iter().enumerate() {
        let path = message_path.item(record_name, i);
        let mut statement = ctx.record(kind, record, &path)?;
        statement.message_id = message_id.clone();
        if statement.created_at.is_none() {
            let header_path = message_path.child("GrpHdr");
            let created = header.map(|h| &h.CreDtTm).unwrap_or(&None);
            statement.created_at = ctx.stamp(created, &header_path, "CreDtTm")?;
        }
        out.push(statement);
    }
    Ok(out)
}

impl Ctx<'_> {
    fn record(&self, kind: CamtKind, record: &xml::Record, path: &Path) -> Res<BankStatement> {
        let statement_id = self.need_text(&record.Id, path, "Id")?;
        let account = self.need(&record.Acct, path, "Acct")?;
        let account = self.account(account, &path.child("Acct"))?;
        let (opening, closing, others) = self.balances(&record.Bal, path)?;
        let mut lines = Vec::with_capacity(record.Ntry.len());
        for (i, entry) in record.Ntry.iter().enumerate() {
            lines.push(self.entry(entry, &path.item("Ntry", i))?);
        }
        let from_to = record.FrToDt.as_ref();
        let from_to_path = path.child("FrToDt");
        let info = [
            &record.AddtlStmtInf,
            &record.AddtlRptInf,
            &record.AddtlNtfctnInf,
        ];
        Ok(BankStatement {
            format: kind.format,
            format_version: Some(kind.name()),
            source: self.file.to_string(),
            intraday: kind.format.is_intraday(),
            message_id: None,
            statement_id,
            sequence_no: text(&record.ElctrncSeqNb),
            legal_sequence_no: text(&record.LglSeqNb),
            page: record.StmtPgntn.as_ref().and_then(|p| text(&p.PgNb)),
            created_at: self.stamp(&record.CreDtTm, path, "CreDtTm")?,
            from: self.stamp(
                from_to.map_or(&None, |f| &f.FrDtTm),
                &from_to_path,
                "FrDtTm",
            )?,
            to: self.stamp(
                from_to.map_or(&None, |f| &f.ToDtTm),
                &from_to_path,
                "ToDtTm",
            )?,
            account,
            opening_balance: opening,
            closing_balance: closing,
            other_balances: others,
            additional_info: info.into_iter().find_map(text),
            lines,
        })
    }

    fn account(&self, account: &xml::Account, path: &Path) -> Res<StatementAccount> {
        let id = self.need(&account.Id, path, "Id")?;
        let id_path = path.child("Id");
        let iban = self.iban(&id.IBAN, &id_path)?;
        let other = [&id.Othr, &id.PrtryAcct]
            .into_iter()
            .find_map(|o| o.as_ref().and_then(|o| text(&o.Id)));
        let identification = iban
            .clone()
            .or(other)
            .or_else(|| text(&id.BBAN))
            .or_else(|| text(&id.UPIC))
            .ok_or_else(|| {
                let element = "IBAN".to_string();
                self.fail(
                    &id_path.child("IBAN"),
                    BankErrorKind::MissingElement { element },
                )
            })?;
        // An IBAN given as "other" identification still identifies the
        // account by IBAN.
        let compact = identification.replace(' ', "").to_ascii_uppercase();
        let iban = iban.or_else(|| codes::is_iban(&compact).then_some(compact));
        let currency = match text(&account.Ccy) {
            None => None,
            Some(c) => Some(self.check(&path.child("Ccy"), codes::currency(&c))?),
        };
        Ok(StatementAccount {
            identification,
            iban,
            currency,
            owner_name: account.Ownr.as_ref().and_then(party_name),
            servicer_bic: self.bic(account.Svcr.as_ref(), &path.child("Svcr"))?,
        })
    }

    /// Opening, closing and the other balances.
    fn balances(
        &self,
        balances: &[xml::BalanceXml],
        path: &Path,
    ) -> Res<(Option<Balance>, Option<Balance>, Vec<Balance>)> {
        let (mut opening, mut closing, mut others) = (None, None, Vec::new());
        for (i, bal) in balances.iter().enumerate() {
            let balance = self.balance(bal, &path.item("Bal", i))?;
            match balance.kind {
                BalanceKind::Opening if opening.is_none() => opening = Some(balance),
                BalanceKind::Closing if closing.is_none() => closing = Some(balance),
                _ => others.push(balance),
            }
        }
        Ok((opening, closing, others))
    }

    fn balance(&self, bal: &xml::BalanceXml, path: &Path) -> Res<Balance> {
        let tp = self.need(&bal.Tp, path, "Tp")?;
        let code = tp
            .CdOrPrtry
            .as_ref()
            .and_then(|c| text(&c.Cd).or_else(|| text(&c.Prtry)))
            .or_else(|| text(&tp.Cd))
            .or_else(|| text(&tp.Prtry))
            .ok_or_else(|| {
                let element = "CdOrPrtry".to_string();
                self.fail(&path.child("Tp"), BankErrorKind::MissingElement { element })
            })?;
        let amount = self.need(&bal.Amt, path, "Amt")?;
        let (amount, currency) = self.amount(amount, &path.child("Amt"))?;
        let direction = self.direction(&bal.CdtDbtInd, path)?;
        let date = self.need(&bal.Dt, path, "Dt")?;
        let (date, time) = self.date(date, &path.child("Dt"))?;
        Ok(Balance {
            kind: balance_kind(&code),
            amount,
            direction,
            currency,
            date,
            time,
        })
    }

    fn entry(&self, entry: &xml::Entry, path: &Path) -> Res<StatementLine> {
        let amount = self.need(&entry.Amt, path, "Amt")?;
        let (amount, currency) = self.amount(amount, &path.child("Amt"))?;
        let direction = self.direction(&entry.CdtDbtInd, path)?;
        let (booking_date, booking_time) = match &entry.BookgDt {
            Some(d) => {
                let (date, time) = self.date(d, &path.child("BookgDt"))?;
                (Some(date), time)
            }
            None => (None, None),
        };
        let value_date = match &entry.ValDt {
            Some(d) => Some(self.date(d, &path.child("ValDt"))?.0),
            None => None,
        };
        let (details, batch) = self.entry_details(entry, direction, path)?;
        Ok(StatementLine {
            booking_date,
            booking_time,
            value_date,
            amount,
            direction,
            currency,
            reversal: text(&entry.RvslInd).is_some_and(|r| r == "true" || r == "1"),
            status: entry.Sts.as_ref().and_then(status),
            bank_reference: text(&entry.AcctSvcrRef),
            entry_reference: text(&entry.NtryRef),
            bank_transaction_code: entry.BkTxCd.as_ref().and_then(bank_tx_code),
            additional_info: text(&entry.AddtlNtryInf),
            details,
            batch,
        })
    }

    /// The line's payment details when it is one payment; the batch with
    /// its payments when it is a collective booking.
    fn entry_details(
        &self,
        entry: &xml::Entry,
        direction: CreditDebit,
        path: &Path,
    ) -> Res<(PaymentDetails, Option<Batch>)> {
        // (transaction, its path) in document order, v1 and v2+ alike.
        let mut txs: Vec<(&xml::Transaction, Path)> = Vec::new();
        let mut batches: Vec<(&xml::BatchXml, Path)> = Vec::new();
        let detail_paths: Vec<Path> = (0..entry.NtryDtls.len())
            .map(|i| path.item("NtryDtls", i))
            .collect();
        for (d, dp) in entry.NtryDtls.iter().zip(&detail_paths) {
            if let Some(b) = &d.Btch {
                batches.push((b, dp.child("Btch")));
            }
            for (j, tx) in d.TxDtls.iter().enumerate() {
                txs.push((tx, dp.item("TxDtls", j)));
            }
        }
        for (j, b) in entry.Btch.iter().enumerate() {
            batches.push((b, path.item("Btch", j)));
        }
        for (j, tx) in entry.TxDtls.iter().enumerate() {
            txs.push((tx, path.item("TxDtls", j)));
        }
        if txs.len() == 1 && batches.is_empty() {
            let (tx, tp) = &txs[0];
            return Ok((self.payment(tx, direction, tp)?, None));
        }
        if txs.is_empty() && batches.is_empty() {
            return Ok((PaymentDetails::default(), None));
        }
        let mut batch = match batches.first() {
            Some((b, bp)) => self.batch(b, bp)?,
            None => Batch::default(),
        };
        let mut line_details = PaymentDetails::default();
        if txs.len() == 1 {
            let (tx, tp) = &txs[0];
            line_details = self.payment(tx, direction, tp)?;
        } else {
            for (tx, tp) in &txs {
                batch.payments.push(self.batch_payment(tx, direction, tp)?);
            }
        }
        Ok((line_details, Some(batch)))
    }

    fn batch(&self, b: &xml::BatchXml, path: &Path) -> Res<Batch> {
        let total = match &b.TtlAmt {
            Some(a) => Some(self.amount(a, &path.child("TtlAmt"))?.0),
            None => None,
        };
        let total_direction = match text(&b.CdtDbtInd) {
            Some(_) => Some(self.direction(&b.CdtDbtInd, path)?),
            None => None,
        };
        Ok(Batch {
            message_id: text(&b.MsgId),
            payment_information_id: text(&b.PmtInfId),
            number_of_transactions: text(&b.NbOfTxs),
            total,
            total_direction,
            payments: Vec::new(),
        })
    }

    fn batch_payment(
        &self,
        tx: &xml::Transaction,
        entry_direction: CreditDebit,
        path: &Path,
    ) -> Res<BatchPayment> {
        let amounts = tx.AmtDtls.as_ref();
        let candidates = [
            (tx.Amt.as_ref(), path.child("Amt")),
            (
                amounts
                    .and_then(|a| a.TxAmt.as_ref())
                    .and_then(|h| h.Amt.as_ref()),
                path.child("AmtDtls"),
            ),
            (
                amounts
                    .and_then(|a| a.InstdAmt.as_ref())
                    .and_then(|h| h.Amt.as_ref()),
                path.child("AmtDtls"),
            ),
        ];
        let (mut amount, mut currency) = (None, None);
        if let Some((Some(a), p)) = candidates.iter().find(|(a, _)| a.is_some()) {
            let (value, ccy) = self.amount(a, p)?;
            amount = Some(value);
            currency = Some(ccy);
        }
        let direction = match text(&tx.CdtDbtInd) {
            Some(_) => self.direction(&tx.CdtDbtInd, path)?,
            None => entry_direction,
        };
        Ok(BatchPayment {
            amount,
            direction,
            currency,
            details: self.payment(tx, entry_direction, path)?,
            bank_transaction_code: tx.BkTxCd.as_ref().and_then(bank_tx_code),
        })
    }

    /// The details of one transaction. The other side is chosen by the
    /// entry's direction: on a credit the debtor paid us, on a debit we
    /// paid the creditor.
    fn payment(
        &self,
        tx: &xml::Transaction,
        direction: CreditDebit,
        path: &Path,
    ) -> Res<PaymentDetails> {
        let parties = tx.RltdPties.as_ref();
        let agents = tx.RltdAgts.as_ref();
        let pp = path.child("RltdPties");
        let ap = path.child("RltdAgts");
        let (party, account, ultimate, agent, account_name, agent_name) = match direction {
            CreditDebit::Credit => (
                parties.and_then(|p| p.Dbtr.as_ref()),
                parties.and_then(|p| p.DbtrAcct.as_ref()),
                parties.and_then(|p| p.UltmtDbtr.as_ref()),
                agents.and_then(|a| a.DbtrAgt.as_ref()),
                "DbtrAcct",
                "DbtrAgt",
            ),
            CreditDebit::Debit => (
                parties.and_then(|p| p.Cdtr.as_ref()),
                parties.and_then(|p| p.CdtrAcct.as_ref()),
                parties.and_then(|p| p.UltmtCdtr.as_ref()),
                agents.and_then(|a| a.CdtrAgt.as_ref()),
                "CdtrAcct",
                "CdtrAgt",
            ),
        };
        let account_id = account.and_then(|a| a.Id.as_ref());
        let account_path = pp.child(account_name);
        let id_path = account_path.child("Id");
        let counterparty_iban = match account_id {
            Some(id) => self.iban(&id.IBAN, &id_path)?,
            None => None,
        };
        let counterparty_account = account_id.and_then(|id| {
            let other = [&id.Othr, &id.PrtryAcct]
                .into_iter()
                .find_map(|o| o.as_ref().and_then(|o| text(&o.Id)));
            other.or_else(|| text(&id.BBAN))
        });
        let refs = tx.Refs.as_ref();
        let reference = |f: fn(&xml::References) -> &Option<String>| refs.and_then(|r| text(f(r)));
        let creditor = parties.and_then(|p| p.Cdtr.as_ref());
        Ok(PaymentDetails {
            counterparty_name: party.and_then(party_name),
            counterparty_iban,
            counterparty_account,
            counterparty_bic: self.bic(agent, &ap.child(agent_name))?,
            counterparty_bank_code: None,
            ultimate_party_name: ultimate.and_then(party_name),
            remittance: tx.RmtInf.as_ref().and_then(unstructured),
            creditor_reference: tx.RmtInf.as_ref().and_then(creditor_reference),
            end_to_end_id: reference(|r| &r.EndToEndId),
            mandate_id: reference(|r| &r.MndtId),
            creditor_id: creditor.and_then(creditor_id),
            bank_reference: reference(|r| &r.AcctSvcrRef),
            instruction_id: reference(|r| &r.InstrId),
            payment_information_id: reference(|r| &r.PmtInfId),
            additional_info: text(&tx.AddtlTxInf),
        })
    }
}

fn balance_kind(code: &str) -> BalanceKind {
    match code {
        "OPBD" | "PRCD" => BalanceKind::Opening,
        "CLBD" => BalanceKind::Closing,
        "OPAV" => BalanceKind::OpeningAvailable,
        "CLAV" => BalanceKind::ClosingAvailable,
        "FWAV" => BalanceKind::ForwardAvailable,
        "ITBD" => BalanceKind::Interim,
        "ITAV" => BalanceKind::InterimAvailable,
        "INFO" => BalanceKind::Information,
        "XPCD" => BalanceKind::ExpectedCredit,
        other => BalanceKind::Other(other.to_string()),
    }
}

fn status(sts: &xml::Status) -> Option<EntryStatus> {
    let code = text(&sts.Cd)
        .or_else(|| text(&sts.Prtry))
        .or_else(|| text(&sts.text))?;
    Some(match code.as_str() {
        "BOOK" => EntryStatus::Booked,
        "PDNG" => EntryStatus::Pending,
        "INFO" => EntryStatus::Information,
        _ => EntryStatus::Other(code),
    })
}

/// The code, or `None` for an empty `<BkTxCd/>`.
fn bank_tx_code(code: &xml::BankTxCode) -> Option<BankTransactionCode> {
    let domain = code.Domn.as_ref();
    let family = domain.and_then(|d| d.Fmly.as_ref());
    let proprietary = code.Prtry.as_ref();
    let code = BankTransactionCode {
        domain: domain.and_then(|d| text(&d.Cd)),
        family: family.and_then(|f| text(&f.Cd)),
        subfamily: family.and_then(|f| text(&f.SubFmlyCd)),
        proprietary: proprietary.and_then(|p| text(&p.Cd)),
        proprietary_issuer: proprietary.and_then(|p| text(&p.Issr)),
    };
    (code != BankTransactionCode::default()).then_some(code)
}

/// `Nm`, `Pty/Nm` (v7 on), or the name of an agent party.
fn party_name(party: &xml::Party) -> Option<String> {
    text(&party.Nm)
        .or_else(|| party.Pty.as_ref().and_then(|p| text(&p.Nm)))
        .or_else(|| {
            let fi = party.Agt.as_ref()?.FinInstnId.as_ref()?;
            text(&fi.Nm).or_else(|| fi.NmAndAdr.as_ref().and_then(|n| text(&n.Nm)))
        })
}

/// The SEPA creditor identifier: `Id/PrvtId/Othr/Id`, the one with scheme
/// `SEPA` if several.
fn creditor_id(party: &xml::Party) -> Option<String> {
    let id = party
        .Id
        .as_ref()
        .or_else(|| party.Pty.as_ref().and_then(|p| p.Id.as_ref()))?;
    let others = &id.PrvtId.as_ref()?.Othr;
    let is_sepa = |o: &&xml::OtherId| {
        o.SchmeNm
            .as_ref()
            .and_then(|s| text(&s.Prtry))
            .is_some_and(|p| p == "SEPA")
    };
    let chosen = others.iter().find(is_sepa).or(others.first())?;
    text(&chosen.Id)
}

/// Every `Ustrd` block, trimmed, joined by one space.
fn unstructured(rmt: &xml::Remittance) -> Option<String> {
    let blocks: Vec<&str> = rmt
        .Ustrd
        .iter()
        .map(|u| u.trim())
        .filter(|u| !u.is_empty())
        .collect();
    (!blocks.is_empty()).then(|| blocks.join(" "))
}

fn creditor_reference(rmt: &xml::Remittance) -> Option<String> {
    rmt.Strd
        .iter()
        .find_map(|s| s.CdtrRefInf.as_ref().and_then(|c| text(&c.Ref)))
}
