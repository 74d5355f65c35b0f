//! Sprache / language: every visible string of the UI, in German and
//! English, behind one typed key so a missing translation cannot compile.
//! The chosen language persists in `localStorage` and survives a reload.

use gloo::storage::{LocalStorage, Storage};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    De,
    En,
}

impl Lang {
    const STORAGE_KEY: &'static str = "kontor.lang";

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    fn from_code(code: &str) -> Option<Lang> {
        match code {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The saved choice, else the browser's language, else German (our users
    /// are mostly German bookkeepers).
    fn initial() -> Lang {
        if let Ok(code) = LocalStorage::get::<String>(Self::STORAGE_KEY)
            && let Some(lang) = Lang::from_code(&code)
        {
            return lang;
        }
        let browser = web_sys::window()
            .and_then(|w| w.navigator().language())
            .unwrap_or_default();
        if browser.starts_with("en") {
            Lang::En
        } else {
            Lang::De
        }
    }
}

/// A UI text with a German and an English wording.
pub trait Text: Copy + 'static {
    fn text(self, lang: Lang) -> &'static str;
}

/// Declares a table of texts as an enum implementing [`Text`]; each page
/// keeps its own table so screens can grow independently.
#[macro_export]
macro_rules! texts {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($key:ident => $de:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name { $($key,)* }

        impl $crate::ui::i18n::Text for $name {
            fn text(self, lang: $crate::ui::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$key, $crate::ui::i18n::Lang::De) => $de,
                      ($name::$key, $crate::ui::i18n::Lang::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    /// Texts of the shell and the module overviews.
    pub enum Key {
    AppName => "Kontor", "Kontor";
    AppTagline => "Buchhaltung im Browser", "Bookkeeping in the browser";
    SkipToContent => "Zum Inhalt springen", "Skip to content";
    MainNavigation => "Hauptnavigation", "Main navigation";
    NavStart => "Start", "Start";
    NavAdmin => "Administration", "Administration";
    NavMasterData => "Stammdaten", "Master data";
    NavFinancials => "Finanzen", "Financials";
    NavBanking => "Bank", "Banking";
    NavReports => "Berichte", "Reports";
    Language => "Sprache", "Language";
    SwitchLanguage => "Switch to English", "Auf Deutsch umschalten";
    StatusCompany => "Mandant", "Company";
    StatusNoCompany => "Kein Mandant geöffnet", "No company open";
    StatusStorage => "Speicher", "Storage";
    StatusStoragePersistent => "dauerhaft", "persistent";
    StatusStorageBestEffort => "nicht dauerhaft – der Browser darf Daten löschen; legen Sie Sicherungen an", "not persistent – the browser may evict data; keep backups";
    StatusLastBackup => "Letzte Sicherung", "Last backup";
    StatusNever => "noch nie", "never";
    StatusOffline => "Alle Daten bleiben auf diesem Gerät.", "All data stays on this device.";
    Shortcuts => "Tastenkürzel", "Keyboard shortcuts";
    ShortcutsHint => "Alt+1 … Alt+6 wechseln das Modul, Alt+N öffnet eine neue Buchung, Alt+L wechselt die Sprache.", "Alt+1 … Alt+6 switch module, Alt+N opens a new entry, Alt+L switches language.";
    ComingNext => "In Arbeit", "In progress";
    NotFoundTitle => "Seite nicht gefunden", "Page not found";
    NotFoundBody => "Diese Adresse gibt es in Kontor nicht.", "This address does not exist in Kontor.";
    BackToStart => "Zur Startseite", "Back to start";

    StartTitle => "Willkommen bei Kontor", "Welcome to Kontor";
    StartLead => "Doppelte Buchführung, Kontenrahmen SKR03/SKR04, Buchungsperioden und Berichte – vollständig im Browser, offline, ohne Installation.", "Double-entry bookkeeping, SKR03/SKR04 charts, posting periods and reports – entirely in the browser, offline, nothing to install.";
    StartPrivacy => "Ihre Bücher liegen nur in diesem Browser. Verschlüsselte Sicherungen nehmen Sie als Datei mit.", "Your books live only in this browser. Encrypted backups go with you as a file.";
    StartModules => "Module", "Modules";

    AdminLead => "Mandanten, Einstellungen und Benutzer.", "Companies, settings and users.";
    AdminCompanies => "Mandanten", "Companies";
    AdminCompaniesBody => "Mehrere Firmen in einem Browser anlegen, öffnen, umbenennen, löschen; Demo-Mandant mit einem Klick.", "Create, open, rename and delete several companies in one browser; a demo company in one click.";
    AdminSetup => "Einrichtungsassistent", "Setup wizard";
    AdminSetupBody => "Firmendaten, Steuernummern, Hauswährung, Geschäftsjahr, Periodeneinteilung, Kontenrahmen.", "Company details, tax numbers, local currency, fiscal year, period layout, chart of accounts.";
    AdminPeriods => "Buchungsperioden", "Posting periods";
    AdminPeriodsBody => "Geschäftsjahre in Perioden; Status offen, offen außer Verkauf, Abschluss, gesperrt.", "Fiscal years split into periods; status unlocked, unlocked except sales, closing, locked.";
    AdminDetails => "Firmendaten", "Company details";
    AdminDetailsBody => "Name, Anschrift, Steuernummern, Währungen und Geschäftsjahr des Mandanten.", "The company's name, address, tax numbers, currencies and fiscal year.";
    AdminCurrencies => "Währungen und Kurse", "Currencies and rates";
    AdminCurrenciesBody => "Kurstabelle je Währung und Datum; gilt für Fremdwährungsbuchungen.", "Rate table per currency and date; used by foreign-currency postings.";
    AdminDetermination => "Sachkontenfindung", "G/L account determination";
    AdminDeterminationBody => "Standardkonten für Rundung, Saldenvorträge, Kursdifferenzen, Steuern.", "Default accounts for rounding, opening balances, exchange differences, taxes.";
    AdminEntryRules => "Erfassungsregeln", "Data-entry rules";
    AdminEntryRulesBody => "Zulässiges Buchungsdatum, Pflichtfelder, keine negative Kasse: warnen oder ablehnen.", "Allowed posting date, mandatory fields, no negative cash: warn or refuse.";
    AdminNumberSeries => "Nummernkreise", "Numbering series";
    AdminChangeLog => "Änderungsprotokoll", "Change log";
    AdminChangeLogBody => "Wer hat welchen Stammdatensatz wann geändert, Feld für Feld mit altem und neuem Wert.", "Who changed which master record when, field by field with old and new value.";
    AdminUsers => "Benutzer", "Users";
    AdminUsersBody => "Anmeldung mit Kennwort; der Mandant wird im Browser verschlüsselt gespeichert.", "Log in with a password; the company is stored encrypted in the browser.";
    AdminNumberSeriesBody => "Belegnummern je Belegart mit Präfix, lückenlos je Geschäftsjahr, beim Buchen vergeben.", "Document numbers per kind with a prefix, gapless per fiscal year, given when posting.";
    FinJournalList => "Journal", "Journal";
    FinJournalListBody => "Alle gebuchten Belege mit Filtern; Storno mit Datum.", "Every posted entry with filters; reversal with a date.";
    ShortcutNewEntry => "Neue Buchung (Alt+N)", "New entry (Alt+N)";
    StatusFiscalYear => "Geschäftsjahr", "Fiscal year";
    StatusUsed => "belegt", "used";
    AdminBackup => "Datensicherung", "Backup";
    AdminBackupBody => "Verschlüsselte Sicherung im offenen age-Format; Wiederherstellung prüft die Hash-Kette.", "Encrypted backup in the open age format; restore verifies the hash chain.";

    MasterLead => "Geschäftspartner, Artikel und Preislisten.", "Business partners, items and price lists.";
    MasterPartners => "Geschäftspartner", "Business partners";
    MasterPartnersBody => "Kunden und Lieferanten mit Sammelkonto, Zahlungsbedingungen, Kreditlimit und Bankverbindung.", "Customers and vendors with control account, payment terms, credit limit and bank details.";
    MasterTerms => "Zahlungsbedingungen", "Payment terms";
    MasterTermsBody => "Fälligkeit, Skontostufen, Raten und Toleranztage, benannt und von Partnern geteilt.", "Due dates, cash-discount steps, installments and tolerance days, named and shared by partners.";
    MasterItems => "Artikel", "Items";
    MasterItemsBody => "Artikelnummer, Gruppe, Einheit, Steuergruppe, Erlös- und Aufwandskonto.", "Item code, group, unit, VAT group, revenue and expense account.";
    MasterPrices => "Preislisten", "Price lists";
    MasterPricesBody => "Basispreisliste, abgeleitete Listen mit Faktor und Rundung, Preise je Währung, Preisaktualisierung.", "Base price list, derived lists with factor and rounding, prices per currency, mass price update.";
    MasterItemGroups => "Artikelgruppen", "Item groups";
    MasterItemGroupsBody => "Erlös- und Aufwandskonten (Inland, EU, Drittland) und Steuerkennzeichen als Vorgabe für ihre Artikel.", "Revenue and expense accounts (domestic, EU, abroad) and tax codes as defaults for their items.";
    MasterSpecialPrices => "Sonderpreise", "Special prices";
    MasterSpecialPricesBody => "Sonderpreise je Geschäftspartner, Perioden- und Mengenrabatte je Preisliste.", "Special prices per business partner, period and volume discounts per price list.";
    MasterDiscountGroups => "Rabattgruppen", "Discount groups";
    MasterDiscountGroupsBody => "Rabatt in Prozent je Artikelgruppe, einem Geschäftspartner zugeordnet.", "Discount percent per item group, assigned to a business partner.";
    MasterPriceCheck => "Preisauskunft", "Price check";
    MasterPriceCheckBody => "Welcher Preis gilt für Artikel, Partner, Datum und Menge – und welche Regel ihn bestimmt.", "Which price applies for item, partner, date and quantity – and which rule decided it.";

    FinLead => "Kontenplan, Journalbuchungen und Abstimmung.", "Chart of accounts, journal entries and reconciliation.";
    FinChart => "Kontenplan", "Chart of accounts";
    FinChartBody => "SKR03, SKR04 oder ein einfacher Kontenrahmen; Sammelkonten, Kontowährung, aktiv/inaktiv.", "SKR03, SKR04 or a simple chart; control accounts, account currency, active/inactive.";
    FinJournal => "Journalbuchungen", "Journal entries";
    FinJournalBody => "Mehrzeilige Buchungen in Hauswährung und Fremdwährung; Storno statt Änderung; lückenlos nummeriert.", "Multi-line entries in local and foreign currency; reversal instead of change; numbered without gaps.";
    FinVouchers => "Buchungsstapel", "Journal vouchers";
    FinVouchersBody => "Entwürfe sammeln, prüfen und gemeinsam buchen – alles oder nichts.", "Collect drafts, review them, and post them together – all or nothing.";
    FinTemplates => "Kontierungsmuster", "Posting templates";
    FinTemplatesBody => "Einen Betrag nach Prozenten auf Konten, Steuerkennzeichen und Kostenstellen verteilen, z. B. Kfz-Kosten 70/30.", "Split an amount by percent over accounts, tax codes and cost centres, e.g. vehicle costs 70/30.";
    FinRecurring => "Dauerbuchungen", "Recurring postings";
    FinRecurringBody => "Buchungsvorlagen mit Rhythmus und Laufzeit; fällige Buchungen prüfen, ändern, buchen oder aussetzen.", "Entry templates with a frequency and term; review, edit, post or skip what is due.";
    FinDue => "Fällige Dauerbuchungen", "Due recurring postings";
    FinDueBody => "Was bis heute fällig ist – Dauerbuchungen und Darlehensraten –, gemeinsam gebucht.", "What is due up to today – recurring postings and loan instalments – posted together.";
    FinLoans => "Darlehen", "Loans";
    FinLoansBody => "Annuitäten- oder Tilgungsdarlehen: Tilgungsplan, Zinsänderung, Raten als Dauerbuchungen.", "Annuity or fixed-repayment loans: schedule, rate changes, instalments as recurring postings.";
    FinYearEnd => "Jahresabschluss", "Year-end closing";
    FinYearEndBody => "GuV-Konten auf den Gewinnvortrag abschließen, Saldenvorträge ins neue Jahr – mit Vorschau, umkehrbar bis zur Sperre.", "Close P&L accounts to retained earnings, carry balances into the new year – with a preview, reversible until locked.";
    FinOpening => "Eröffnungsbilanzwerte", "Opening balances";
    FinOpeningBody => "Anfangsbestände bei Umstieg aus einem anderen System, gegen das Saldenvortragskonto, geprüft auf Ausgleich.", "Starting balances when moving from another system, against the opening-balance account, checked to balance.";
    FinBudgets => "Budgets", "Budgets";
    FinBudgetsBody => "Planwerte je Konto, Kostenstelle und Periode; aus dem Vorjahr mit Prozentsatz oder gleichmäßig verteilt.", "Budget per account, cost centre and period; from last year with a percentage or spread evenly.";
    // --- issue 19, part F: e-invoices in (Eingangsrechnung) ---
    FinEInvoice => "Eingangsrechnung (E-Rechnung)", "Incoming e-invoice";
    FinEInvoiceBody => "XRechnung oder ZUGFeRD einlesen, Lieferant erkennen, Buchung vorschlagen und buchen; das Original bleibt bei der Buchung.", "Read an XRechnung or ZUGFeRD, recognise the vendor, propose and post the entry; the original stays with the entry.";

    BankLead => "Zahlungen, Abstimmung, Fremdwährungsbewertung und Kontoauszüge.", "Payments, reconciliation, foreign-currency revaluation and bank statements.";
    BankIncoming => "Zahlungseingang", "Incoming payment";
    BankIncomingBody => "Kundenzahlung gegen offene Posten buchen: Skonto mit Umsatzsteuerkorrektur, Teilzahlung, Akonto, mehrere Zahlungsmittel.", "Post a customer payment against open items: cash discount with its VAT correction, partial payment, on account, several means.";
    BankOutgoing => "Zahlungsausgang", "Outgoing payment";
    BankOutgoingBody => "Lieferanten bezahlen oder direkt auf Sachkonten buchen, mit Bankspesen und Kursdifferenz.", "Pay vendors or post straight to G/L accounts, with bank fees and exchange differences.";
    BankPaymentList => "Zahlungen", "Payments";
    BankPaymentListBody => "Alle Zahlungen mit Zahlungsmitteln und bezahlten Posten; Storno öffnet die Posten wieder.", "Every payment with its means and the items it paid; a cancellation re-opens the items.";
    BankReconciliation => "Interne Abstimmung", "Internal reconciliation";
    BankReconciliationBody => "Offene Soll- und Habenposten eines Partners ausgleichen: manuell, per Vorschlag oder automatisch.", "Reconcile a partner's open debit and credit items: by hand, by proposal or automatically.";
    BankRevaluation => "Fremdwährungsbewertung", "Foreign-currency revaluation";
    BankRevaluationBody => "Offene Fremdwährungsposten zum Stichtag bewerten (§ 256a HGB), mit Vorschau und Auflösung.", "Revalue open foreign-currency items on a date (§ 256a HGB), with preview and reversal.";
    BankSettings => "Zahlungseinstellungen", "Payment settings";
    BankSettingsBody => "Skontokonten je Steuerkennzeichen, Toleranz, Scheck- und Kartenverrechnung, Bewertungskonten.", "Cash-discount accounts per tax code, tolerance, checks and card clearing, revaluation accounts.";
    BankStatements => "Kontoauszüge", "Bank statements";
    BankStatementsBody => "Import von camt.053 (auch ZIP), camt.052/054, MT940 und CSV; Vorschläge und Regeln für den Abgleich mit offenen Posten; ganzen Auszug in einem Schritt buchen.", "Import camt.053 (also zipped), camt.052/054, MT940 and CSV; proposals and rules match lines to open items; post a whole statement in one step.";
    BankHouseBanks => "Hausbanken", "House banks";
    BankHouseBanksBody => "Eigene Bankkonten mit Sachkonto, IBAN, BIC, Währung, Geldtransitkonto und CSV-Spaltenzuordnung.", "The company's bank accounts with G/L account, IBAN, BIC, currency, suspense account and CSV column mapping.";
    BankRules => "Buchungsregeln", "Posting rules";
    BankRulesBody => "Regeln für den Kontoauszug: Bedingungen auf IBAN, Name, Verwendungszweck und Betrag; Geschäftspartner oder Sachkonten mit Aufteilung.", "Rules for bank statements: conditions on IBAN, name, purpose and amount; a business partner or G/L accounts with a split.";
    BankPayments => "Zahlungsassistent", "Payment wizard";
    BankPaymentsBody => "Zahlungslauf: fällige Posten mit Skonto vorschlagen, bezahlen und SEPA-Dateien (pain.001, pain.008) erzeugen.", "Payment run: propose due items with their discount, pay them and write SEPA files (pain.001, pain.008).";
    BankDunning => "Mahnlauf", "Dunning run";
    BankDunningBody => "Überfällige Posten mahnen: Mahnstufen, Gebühren und Verzugszinsen (§ 288 BGB), Mahnbriefe als PDF.", "Dun overdue items: levels, fees and default interest (§ 288 BGB), letters as PDF.";
    BankDunningTerms => "Mahnverfahren", "Dunning terms";
    BankDunningTermsBody => "Mahnstufen mit Fristen, Gebühren und Texten; Konten für Gebühren und Zinsen; Basiszinssätze.", "Dunning levels with days, fees and texts; fee and interest accounts; base rates.";

    ReportsLead => "Auswertungen über beliebige Perioden.", "Reports over any period range.";
    ReportsTrialBalance => "Summen- und Saldenliste", "Trial balance";
    ReportsTrialBalanceBody => "Eröffnung, Soll, Haben, Saldo je Konto; Drilldown bis zur Buchung.", "Opening, debit, credit, closing by account; drill down to the entry.";
    ReportsAccountSheet => "Kontoblatt", "Account sheet";
    ReportsAccountSheetBody => "Alle Buchungen eines Kontos mit laufendem Saldo.", "Every posting on an account with a running balance.";
    ReportsVat => "Umsatzsteuer-Voranmeldung", "VAT return";
    ReportsVatBody => "UStVA-Kennzahlen mit Bemessungsgrundlage und Steuer.", "UStVA figures with base and tax.";
    AdminTaxCodes => "Steuerkennzeichen", "Tax codes";
    AdminTaxCodesBody => "Steuersätze mit Historie, Steuerkonten und UStVA-Kennzahlen je Kennzeichen.", "Rates with history, tax accounts and VAT return boxes per code.";
    AdminCosting => "Kostenrechnung", "Cost accounting";
    AdminCostingBody => "Bis zu fünf Dimensionen, Kostenstellen, Verteilungsregeln und Pflichtfeld Kostenstelle.", "Up to five dimensions, cost centres, distribution rules and required centres.";
    ReportsCostCentres => "Kostenstellenauswertung", "Cost-centre report";
    ReportsCostCentresBody => "Erlöse, Aufwand und Ergebnis je Kostenstelle; Summen gleich der GuV.", "Revenue, expense and result per centre; totals equal the P&L.";
    ReportsOpenItems => "Offene Posten", "Open items";
    ReportsOpenItemsBody => "Offene Rechnungen und Gutschriften der Kunden oder Lieferanten zu einem Stichtag; Ausgleich.", "Open invoices and credit notes of customers or vendors as of a date; clearing.";
    ReportsAging => "Fälligkeitsanalyse", "Aging report";
    ReportsAgingBody => "Offene Beträge je Partner nach Tagen überfällig, abgestimmt mit den Sammelkonten.", "Open amounts per partner by days overdue, checked against the control accounts.";
    ReportsStatement => "Kontoauszug Geschäftspartner", "Partner statement";
    ReportsCreditRisk => "Kreditrisiko", "Credit risk";
    ReportsCreditRiskBody => "Je Kunde Kreditlimit, Obligo, ältester überfälliger Posten und höchste Mahnstufe, nach Risiko sortiert.", "Per customer credit limit, exposure, oldest overdue item and highest dunning level, sorted by risk.";
    ReportsStatementBody => "Buchungen eines Kunden oder Lieferanten mit laufendem Saldo; aus den offenen Posten.", "A customer's or vendor's postings with running balance; from the open items.";
    ReportsBalanceSheet => "Bilanz", "Balance sheet";
    ReportsBalanceSheetBody => "Gliederung nach § 266 HGB mit Vergleichsspalte und Abweichung; Drilldown aufs Konto.", "Structure of § 266 HGB with a comparison column and deviation; drill-down to the account.";
    ReportsProfitLoss => "Gewinn- und Verlustrechnung", "Profit and loss";
    ReportsProfitLossBody => "Gesamtkostenverfahren nach § 275 HGB mit Vergleichsspalte; Ergebnis gleich dem der Bilanz.", "Total-cost format of § 275 HGB with a comparison column; result equal to the balance sheet's.";
    ReportsBudget => "Plan-Ist-Vergleich", "Budget vs actual";
    ReportsBudgetBody => "Budget und Ist je Konto mit Abweichung in Betrag und Prozent.", "Budget and actual per account with deviation in amount and percent.";
    ReportsCharts => "Grafiken", "Charts";
    ReportsChartsBody => "Umsatz, Aufwand und Ergebnis je Monat, Bank- und Kassenbestand, Aufwandsstruktur.", "Revenue, expenses and result by month, cash and bank balance, expense breakdown.";
    // issue 19, part B: DATEV export tile
    ReportsDatevExport => "DATEV-Export", "DATEV export";
    ReportsDatevExportBody => "Buchungsstapel, Kontenbeschriftungen und Debitoren/Kreditoren als ZIP für die Steuerberatung.", "Bookings, account labels and customers/vendors as a ZIP for the tax advisor.";
    AdminLayout => "Bilanz- und GuV-Gliederung", "Statement layout";
    AdminLayoutBody => "Welche Konten in welcher Bilanz- oder GuV-Position stehen; aus dem Kontenrahmen, änderbar.", "Which accounts stand in which balance-sheet or P&L line; from the chart, editable.";
    // Issue 19, part C: DATEV import.
    FinDatevImport => "DATEV-Import", "DATEV import";
    FinDatevImportBody => "Buchungsstapel im DATEV-EXTF-Format prüfen und als Buchungsstapel übernehmen – Zeile für Zeile geprüft.", "Check a posting batch in DATEV EXTF format and take it over as a journal voucher – every row checked.";
    // issue 19 part D: GoBD export and the hledger/ledger journal
    ReportsGobd => "GoBD-Export", "GoBD export";
    ReportsGobdBody => "Datenträgerüberlassung für die Außenprüfung: CSV-Tabellen mit index.xml und Hash-Kette in einer ZIP-Datei.", "Data for a tax audit: CSV tables with index.xml and the hash chain in one ZIP file.";
    ReportsJournal => "hledger/ledger-Journal", "hledger/ledger journal";
    ReportsJournalBody => "Die Bücher als Klartext-Journal zum Nachrechnen mit hledger oder ledger.", "The books as a plain-text journal to recompute with hledger or ledger.";
    }
}

/// The UI's language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    pub fn provide() -> I18n {
        let i18n = I18n {
            lang: RwSignal::new(Lang::initial()),
        };
        Effect::new(move |_| {
            let lang = i18n.lang.get();
            // Best effort: a browser without localStorage still works, it
            // just forgets the choice.
            let _ = LocalStorage::set(Lang::STORAGE_KEY, lang.code());
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                // Only the document's lang attribute (screen readers); the texts switch regardless.
                let _ = root.set_attribute("lang", lang.code());
            }
        });
        provide_context(i18n);
        i18n
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// Subscribes the running effect to language changes without reading
    /// the language: for views whose texts are looked up further down.
    pub fn track(&self) {
        self.lang.track();
    }

    /// Reactive text: re-renders when the language changes.
    pub fn t(&self, key: impl Text) -> &'static str {
        key.text(self.lang.get())
    }

    /// Reactive choice between two wordings built at run time (messages
    /// with numbers, names, dates).
    pub fn pick(&self, de: String, en: String) -> String {
        if self.lang.get() == Lang::De { de } else { en }
    }

    /// The language without subscribing (inside event handlers and tasks).
    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    pub fn is_de(&self) -> bool {
        self.lang.get() == Lang::De
    }

    /// Switches to `lang` (a user's own language at login).
    pub fn set(&self, lang: Lang) {
        self.lang.set(lang);
    }

    pub fn toggle(&self) {
        self.lang
            .update(|l| *l = if *l == Lang::De { Lang::En } else { Lang::De });
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
