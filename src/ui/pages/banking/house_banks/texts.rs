//! The house bank screen's texts (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Hausbanken", "House banks";
        Lead => "Die eigenen Bankkonten der Firma: jedes ist ein Sachkonto mit seiner IBAN. Kontoauszüge gehören zu der Hausbank ihrer IBAN; nicht zugeordnete Umsätze können auf ein Geldtransitkonto geparkt werden.", "The company's own bank accounts: each is a G/L account with its IBAN. Statements belong to the house bank of their IBAN; unmatched lines can be parked on a suspense (transit) account.";
        Code => "Kürzel", "Code";
        Name => "Bezeichnung", "Name";
        Account => "Sachkonto", "G/L account";
        Iban => "IBAN", "IBAN";
        Bic => "BIC", "BIC";
        Currency => "Währung", "Currency";
        Suspense => "Geldtransitkonto", "Suspense account";
        Mapping => "CSV-Zuordnung", "CSV mapping";
        MappingSaved => "gespeichert", "saved";
        MappingNone => "keine", "none";
        MappingHint => "Die Spaltenzuordnung wird beim CSV-Import gespeichert und hier nur angezeigt.", "The column mapping is saved by the CSV import and only shown here.";
        Edit => "Bearbeiten", "Edit";
        New => "Neue Hausbank", "New house bank";
        EditTitle => "Hausbank bearbeiten:", "Edit house bank:";
        Create => "Anlegen", "Create";
        Save => "Speichern", "Save";
        Cancel => "Abbrechen", "Cancel";
        Saving => "Wird gespeichert …", "Saving …";
        Created => "Hausbank angelegt:", "House bank created:";
        Saved => "Hausbank gespeichert:", "House bank saved:";
        Empty => "Noch keine Hausbank. Legen Sie unten die erste an.", "No house bank yet. Create the first one below.";
        Count => "Hausbanken", "house banks";
        BadAccount => "ist keine gültige Kontonummer.", "is not a valid account number.";
        BadCurrency => "ist kein Währungscode (z. B. EUR).", "is not a currency code (e.g. EUR).";
        KeysHint => "Tastatur: ↑/↓ in der Liste, Enter bearbeitet, Esc bricht die Bearbeitung ab.", "Keyboard: ↑/↓ in the list, Enter edits, Esc cancels editing.";
    }
}
