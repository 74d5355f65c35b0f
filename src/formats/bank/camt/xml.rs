//! The camt.052/.053/.054 elements Kontor reads, as serde structures for
//! quick-xml's deserializer. One set covers versions 001.01 to 001.08: the
//! versions differ in the elements we read only by renamings (`BIC` →
//! `BICFI`, `Sts` text → `Sts/Cd`, `Dbtr/Nm` → `Dbtr/Pty/Nm`, `Tp/Cd` →
//! `Tp/CdOrPrtry/Cd`, v1's `Ntry/TxDtls` without `NtryDtls`), so each
//! alternative is an optional field and the mapping takes whichever is
//! there. Every leaf is an optional `String`: amounts, dates and codes are
//! checked by the mapping (`map.rs`), which knows the element path and
//! names it in the error. Elements not listed here are skipped.

#![allow(non_snake_case)]

use serde::Deserialize;

type Text = Option<String>;

#[derive(Debug, Default, Deserialize)]
pub struct Document {
    #[serde(alias = "BkToCstmrStmtV01")]
    pub BkToCstmrStmt: Option<Message>,
    #[serde(alias = "BkToCstmrAcctRptV01")]
    pub BkToCstmrAcctRpt: Option<Message>,
    #[serde(alias = "BkToCstmrDbtCdtNtfctnV01")]
    pub BkToCstmrDbtCdtNtfctn: Option<Message>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Message {
    pub GrpHdr: Option<GroupHeader>,
    #[serde(default)]
    pub Stmt: Vec<Record>,
    #[serde(default)]
    pub Rpt: Vec<Record>,
    #[serde(default)]
    pub Ntfctn: Vec<Record>,
}

#[derive(Debug, Default, Deserialize)]
pub struct GroupHeader {
    pub MsgId: Text,
    pub CreDtTm: Text,
}

/// A statement (`Stmt`), report (`Rpt`) or notification (`Ntfctn`).
#[derive(Debug, Default, Deserialize)]
pub struct Record {
    pub Id: Text,
    #[serde(alias = "RptPgntn", alias = "NtfctnPgntn")]
    pub StmtPgntn: Option<Pagination>,
    pub ElctrncSeqNb: Text,
    pub LglSeqNb: Text,
    pub CreDtTm: Text,
    pub FrToDt: Option<FromTo>,
    pub Acct: Option<Account>,
    #[serde(default)]
    pub Bal: Vec<BalanceXml>,
    #[serde(default)]
    pub Ntry: Vec<Entry>,
    pub AddtlStmtInf: Text,
    pub AddtlRptInf: Text,
    pub AddtlNtfctnInf: Text,
}

#[derive(Debug, Default, Deserialize)]
pub struct Pagination {
    pub PgNb: Text,
}

#[derive(Debug, Default, Deserialize)]
pub struct FromTo {
    pub FrDtTm: Text,
    pub ToDtTm: Text,
}

#[derive(Debug, Default, Deserialize)]
pub struct Account {
    pub Id: Option<AccountId>,
    pub Ccy: Text,
    pub Ownr: Option<Party>,
    pub Svcr: Option<Agent>,
}

#[derive(Debug, Default, Deserialize)]
pub struct AccountId {
    pub IBAN: Text,
    pub BBAN: Text,
    pub UPIC: Text,
    pub Othr: Option<OtherId>,
    /// v1
    pub PrtryAcct: Option<OtherId>,
}

#[derive(Debug, Default, Deserialize)]
pub struct OtherId {
    pub Id: Text,
    pub SchmeNm: Option<CodeOrProprietary>,
}

#[derive(Debug, Default, Deserialize)]
pub struct CodeOrProprietary {
    pub Cd: Text,
    pub Prtry: Text,
}

/// A party: `Nm` directly (to v6) or inside `Pty` (v7 on).
#[derive(Debug, Default, Deserialize)]
pub struct Party {
    pub Nm: Text,
    pub Id: Option<PartyId>,
    pub Pty: Option<PartyCore>,
    pub Agt: Option<Agent>,
}

#[derive(Debug, Default, Deserialize)]
pub struct PartyCore {
    pub Nm: Text,
    pub Id: Option<PartyId>,
}

#[derive(Debug, Default, Deserialize)]
pub struct PartyId {
    pub PrvtId: Option<PrivateId>,
}

#[derive(Debug, Default, Deserialize)]
pub struct PrivateId {
    #[serde(default)]
    pub Othr: Vec<OtherId>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Agent {
    pub FinInstnId: Option<FinancialInstitution>,
}

#[derive(Debug, Default, Deserialize)]
pub struct FinancialInstitution {
    pub BIC: Text,
    pub BICFI: Text,
    pub Nm: Text,
    /// v1
    pub NmAndAdr: Option<NameOnly>,
}

#[derive(Debug, Default, Deserialize)]
pub struct NameOnly {
    pub Nm: Text,
}

#[derive(Debug, Default, Deserialize)]
pub struct BalanceXml {
    pub Tp: Option<BalanceType>,
    pub Amt: Option<Amount>,
    pub CdtDbtInd: Text,
    pub Dt: Option<DateChoice>,
}

#[derive(Debug, Default, Deserialize)]
pub struct BalanceType {
    pub CdOrPrtry: Option<CodeOrProprietary>,
    /// v1
    pub Cd: Text,
    /// v1
    pub Prtry: Text,
}

/// `<Amt Ccy="EUR">8.85</Amt>`
#[derive(Debug, Default, Deserialize)]
pub struct Amount {
    #[serde(rename = "@Ccy")]
    pub Ccy: Text,
    #[serde(rename = "$text")]
    pub value: Text,
}

#[derive(Debug, Default, Deserialize)]
pub struct DateChoice {
    pub Dt: Text,
    pub DtTm: Text,
}

/// `<Sts>BOOK</Sts>` (to v6) or `<Sts><Cd>BOOK</Cd></Sts>` (v7 on).
#[derive(Debug, Default, Deserialize)]
pub struct Status {
    #[serde(rename = "$text")]
    pub text: Text,
    pub Cd: Text,
    pub Prtry: Text,
}

#[derive(Debug, Default, Deserialize)]
pub struct Entry {
    pub NtryRef: Text,
    pub Amt: Option<Amount>,
    pub CdtDbtInd: Text,
    pub RvslInd: Text,
    pub Sts: Option<Status>,
    pub BookgDt: Option<DateChoice>,
    pub ValDt: Option<DateChoice>,
    pub AcctSvcrRef: Text,
    pub BkTxCd: Option<BankTxCode>,
    /// v1: batches directly in the entry.
    #[serde(default)]
    pub Btch: Vec<BatchXml>,
    #[serde(default)]
    pub NtryDtls: Vec<EntryDetails>,
    /// v1: transactions directly in the entry.
    #[serde(default)]
    pub TxDtls: Vec<Transaction>,
    pub AddtlNtryInf: Text,
}

#[derive(Debug, Default, Deserialize)]
pub struct EntryDetails {
    pub Btch: Option<BatchXml>,
    #[serde(default)]
    pub TxDtls: Vec<Transaction>,
}

#[derive(Debug, Default, Deserialize)]
pub struct BatchXml {
    pub MsgId: Text,
    pub PmtInfId: Text,
    pub NbOfTxs: Text,
    pub TtlAmt: Option<Amount>,
    pub CdtDbtInd: Text,
}

#[derive(Debug, Default, Deserialize)]
pub struct BankTxCode {
    pub Domn: Option<Domain>,
    pub Prtry: Option<Proprietary>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Domain {
    pub Cd: Text,
    pub Fmly: Option<Family>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Family {
    pub Cd: Text,
    pub SubFmlyCd: Text,
}

#[derive(Debug, Default, Deserialize)]
pub struct Proprietary {
    pub Cd: Text,
    pub Issr: Text,
}

#[derive(Debug, Default, Deserialize)]
pub struct Transaction {
    pub Refs: Option<References>,
    pub Amt: Option<Amount>,
    pub CdtDbtInd: Text,
    pub AmtDtls: Option<AmountDetails>,
    pub BkTxCd: Option<BankTxCode>,
    pub RltdPties: Option<RelatedParties>,
    pub RltdAgts: Option<RelatedAgents>,
    pub RmtInf: Option<Remittance>,
    pub AddtlTxInf: Text,
}

#[derive(Debug, Default, Deserialize)]
pub struct References {
    pub AcctSvcrRef: Text,
    pub PmtInfId: Text,
    pub InstrId: Text,
    pub EndToEndId: Text,
    pub MndtId: Text,
}

#[derive(Debug, Default, Deserialize)]
pub struct AmountDetails {
    pub InstdAmt: Option<AmountHolder>,
    pub TxAmt: Option<AmountHolder>,
}

#[derive(Debug, Default, Deserialize)]
pub struct AmountHolder {
    pub Amt: Option<Amount>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RelatedParties {
    pub Dbtr: Option<Party>,
    pub DbtrAcct: Option<Account>,
    pub UltmtDbtr: Option<Party>,
    pub Cdtr: Option<Party>,
    pub CdtrAcct: Option<Account>,
    pub UltmtCdtr: Option<Party>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RelatedAgents {
    pub DbtrAgt: Option<Agent>,
    pub CdtrAgt: Option<Agent>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Remittance {
    #[serde(default)]
    pub Ustrd: Vec<String>,
    #[serde(default)]
    pub Strd: Vec<Structured>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Structured {
    pub CdtrRefInf: Option<CreditorReference>,
}

#[derive(Debug, Default, Deserialize)]
pub struct CreditorReference {
    pub Ref: Text,
}
