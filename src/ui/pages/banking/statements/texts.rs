//! The texts of the statements page (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Kontoauszüge", "Bank statements";
        Lead => "Importierte Kontoauszüge, die neuesten zuerst. Ein Auszug öffnet seine Umsätze mit den Buchungsvorschlägen.", "Imported bank statements, newest first. A statement opens its lines with the posting proposals.";
        Statements => "Auszüge", "statements";
        HouseBank => "Hausbank", "House bank";
        AllBanks => "alle", "all";
        Number => "Nr.", "No.";
        StatementId => "Auszugs-ID", "Statement id";
        SequenceNo => "Auszug", "Statement no.";
        Period => "Zeitraum", "Period";
        Lines => "Umsätze", "Lines";
        OpenLines => "offen", "open";
        Opening => "Anfangssaldo", "Opening balance";
        Closing => "Endsaldo", "Closing balance";
        Check => "Prüfung", "Check";
        CheckFails => "Saldo stimmt nicht", "Balance mismatch";
        CheckFailsTitle => "Anfangssaldo weicht vom Endsaldo des vorigen Auszugs ab, oder Anfangssaldo plus Umsätze ergibt nicht den Endsaldo.", "The opening balance differs from the previous statement's closing balance, or opening balance plus lines does not give the closing balance.";
        Intraday => "untertägig", "intraday";
        Empty => "Noch keine Kontoauszüge importiert.", "No bank statements imported yet.";
        NoHouseBank => "Es gibt noch keine Hausbank. Legen Sie zuerst unter Hausbanken das Bankkonto mit seiner IBAN an.", "There is no house bank yet. First create the bank account with its IBAN under House banks.";
        ImportTitle => "Kontoauszug importieren", "Import a bank statement";
        ImportLead => "camt.052/.053/.054 (.xml oder .zip), MT940 (.sta, .txt, .mt940) oder CSV mit Spaltenzuordnung. Der Auszug gehört zur Hausbank seiner IBAN; bereits importierte Umsätze werden übersprungen.", "camt.052/.053/.054 (.xml or .zip), MT940 (.sta, .txt, .mt940) or CSV with a column mapping. A statement belongs to the house bank of its IBAN; lines already imported are skipped.";
        File => "Datei", "File";
        ByIban => "nach IBAN der Datei", "by the file's IBAN";
        Mapping => "Spaltenzuordnung (CSV)", "Column mapping (CSV)";
        SavedMapping => "gespeicherte Zuordnung der Hausbank", "the house bank's saved mapping";
        Preset => "Vorlage", "Preset";
        SaveMapping => "Zuordnung für diese Hausbank speichern", "Save mapping for this house bank";
        CsvNeedsBank => "Für eine CSV-Datei die Hausbank wählen: die Datei nennt kein Konto.", "For a CSV file choose the house bank: the file names no account.";
        Reading => "Datei wird gelesen …", "Reading the file …";
        Found => "Gefunden:", "Found:";
        FoundStatements => "Auszüge mit", "statements with";
        FoundLines => "Umsätzen", "lines";
        Import => "Importieren", "Import";
        ImportedStatements => "Auszüge,", "statements,";
        ImportedLines => "Umsätze importiert,", "lines imported,";
        Skipped => "Umsätze als bereits importiert übersprungen", "lines skipped as already imported";
        MappingSaved => "Spaltenzuordnung gespeichert.", "Column mapping saved.";
        Unreadable => "Die Datei konnte nicht gelesen werden:", "The file could not be read:";
        SavedMappingBroken => "Die gespeicherte Spaltenzuordnung der Hausbank ist nicht lesbar; bitte eine Vorlage wählen.", "The house bank's saved column mapping cannot be read; please choose a preset.";
        NoSavedMapping => "Die Hausbank hat keine gespeicherte Zuordnung; bitte eine Vorlage wählen.", "The house bank has no saved mapping; please choose a preset.";
        User => "kontor", "kontor";
    }
}
