//! The posting rule screen's texts (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Buchungsregeln", "Posting rules";
        Lead => "Regeln ordnen Kontoauszugsumsätze zu: Bedingungen auf Hausbank, IBAN, Name, Verwendungszweck, Betrag und Richtung, und was ein passender Umsatz wird – die Zahlung eines Geschäftspartners oder eine Buchung auf Sachkonten, auch aufgeteilt. Sie werden der Reihe nach geprüft; die erste passende gilt.", "Rules assign statement lines: conditions on house bank, IBAN, name, purpose, amount and direction, and what a matching line becomes – a business partner's payment or a posting to G/L accounts, split if need be. They are tried in order; the first that matches wins.";
        Order => "Nr.", "No.";
        Name => "Bezeichnung", "Name";
        Conditions => "Bedingungen", "Conditions";
        Action => "Aktion", "Action";
        Learned => "gelernt", "learned";
        LearnedTitle => "Aus einer korrigierten Zuordnung gelernt", "Learned from a corrected proposal";
        Up => "Nach oben", "Move up";
        Down => "Nach unten", "Move down";
        Edit => "Bearbeiten", "Edit";
        Delete => "Löschen", "Delete";
        ConfirmDelete => "Regel wirklich löschen?", "Really delete the rule?";
        Yes => "Ja, löschen", "Yes, delete";
        No => "Nein", "No";
        Deleted => "Regel gelöscht:", "Rule deleted:";
        Empty => "Noch keine Buchungsregel. Legen Sie unten die erste an.", "No posting rule yet. Create the first one below.";
        KeysHint => "Tastatur: ↑/↓ in der Liste, Alt+↑/Alt+↓ verschiebt, Enter bearbeitet, Entf löscht.", "Keyboard: ↑/↓ in the list, Alt+↑/Alt+↓ moves, Enter edits, Del deletes.";
        Always => "immer", "always";
        HouseBank => "Hausbank", "House bank";
        AnyBank => "jede Hausbank", "any house bank";
        Iban => "IBAN", "IBAN";
        NameContains => "Name enthält", "Name contains";
        Purpose => "Verwendungszweck", "Purpose";
        PurposeNone => "beliebig", "any";
        PurposeContains => "enthält", "contains";
        PurposeRegex => "regulärer Ausdruck", "regular expression";
        PurposeMatches => "Zweck passt auf", "purpose matches";
        AmountFrom => "Betrag von", "Amount from";
        AmountTo => "bis", "to";
        Amount => "Betrag", "amount";
        Direction => "Richtung", "Direction";
        Both => "Ein- und Ausgänge", "money in and out";
        Credit => "nur Eingänge", "money in only";
        Debit => "nur Ausgänge", "money out only";
        ActionPartner => "Zahlung eines Geschäftspartners", "A business partner's payment";
        ActionGl => "Buchung auf Sachkonten", "Posting to G/L accounts";
        Partner => "Geschäftspartner", "Business partner";
        PartnerCode => "Partnernummer", "Partner number";
        Account => "Konto", "Account";
        TaxCode => "Steuer", "Tax code";
        Centre => "Kostenstelle", "Cost centre";
        Share => "Anteil", "Share";
        Percent => "Prozent", "percent";
        FixedAmount => "Betrag", "amount";
        Rest => "Rest", "rest";
        AddPart => "Teil hinzufügen", "Add part";
        Remove => "Entfernen", "Remove";
        New => "Neue Buchungsregel", "New posting rule";
        EditTitle => "Buchungsregel bearbeiten:", "Edit posting rule:";
        WhenLegend => "Wenn ein Umsatz …", "When a line …";
        ThenLegend => "… dann buchen als", "… then post it as";
        Create => "Anlegen", "Create";
        Save => "Speichern", "Save";
        Cancel => "Abbrechen", "Cancel";
        Saving => "Wird gespeichert …", "Saving …";
        Created => "Regel angelegt:", "Rule created:";
        Saved => "Regel gespeichert:", "Rule saved:";
        Test => "Gegen bisherige Umsätze testen", "Test against past lines";
        WouldMatch => "Diese Regel hätte {n} der bisher importierten Umsätze getroffen.", "This rule would have matched {n} of the lines imported so far.";
        WouldMatchOne => "Diese Regel hätte 1 der bisher importierten Umsätze getroffen.", "This rule would have matched 1 of the lines imported so far.";
        BadAmount => "ist kein gültiger Betrag (z. B. 12,50).", "is not a valid amount (e.g. 12.50).";
        BadPercent => "ist kein gültiger Prozentsatz (z. B. 60).", "is not a valid percentage (e.g. 60).";
        BadAccount => "ist keine gültige Kontonummer.", "is not a valid account number.";
        BadPartner => "ist keine gültige Partnernummer.", "is not a valid partner number.";
        UnknownPartner => "unbekannt", "unknown";
        Count => "Regeln", "rules";
    }
}
