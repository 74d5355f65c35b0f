//! The posting templates screen's texts (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Kontierungsmuster", "Posting templates";
        Lead => "Ein Muster verteilt einen Betrag prozentual auf Konten (z. B. Kfz-Kosten 70 % / 30 %); in der Journalbuchung wählen Sie es im Feld „Muster“. ↑/↓ wählen, Enter bearbeitet, Alt+A neues Muster, Alt+S speichert, Alt+Z neue Zeile.", "A template splits an amount by percent over accounts (e.g. vehicle costs 70 % / 30 %); in the journal entry choose it in the \"Template\" field. ↑/↓ select, Enter edits, Alt+A new template, Alt+S saves, Alt+Z new line.";
        Templates => "Muster", "Templates";
        Empty => "Noch kein Kontierungsmuster.", "No posting template yet.";
        Code => "Kürzel", "Code";
        Name => "Bezeichnung", "Name";
        Split => "Aufteilung", "Split";
        Edit => "Bearbeiten", "Edit";
        Delete => "Löschen", "Delete";
        New => "Neues Muster", "New template";
        EditTitle => "Muster bearbeiten:", "Edit template:";
        Account => "Konto", "Account";
        Percent => "Anteil %", "Share %";
        TaxCode => "St.-Kz.", "Tax code";
        Centre => "Kostenstelle", "Cost centre";
        Memo => "Zeilentext", "Line memo";
        Sum => "Summe", "Total";
        SumOff => "(muss 100 % sein)", "(must be 100 %)";
        AddRow => "Zeile hinzufügen (Alt+Z)", "Add line (Alt+Z)";
        RemoveRow => "Zeile entfernen", "Remove line";
        Create => "Anlegen (Alt+S)", "Create (Alt+S)";
        Save => "Speichern (Alt+S)", "Save (Alt+S)";
        Cancel => "Abbrechen", "Cancel";
        Created => "Muster angelegt:", "Template created:";
        Saved => "Muster gespeichert:", "Template saved:";
        Deleted => "Muster gelöscht:", "Template deleted:";
        Row => "Zeile", "Line";
        BadPercent => "ist kein Prozentsatz.", "is not a percentage.";
        NoClock => "Die Uhr des Browsers liefert keine gültige Zeit; es wurde nichts gespeichert.", "The browser's clock gives no valid time; nothing was saved.";
        BadAccount => "ist keine Kontonummer.", "is not an account number.";
    }
}
