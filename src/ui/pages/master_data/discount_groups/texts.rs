//! The discount groups screen's texts (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Rabattgruppen", "Discount groups";
        Lead => "Rabatt in Prozent je Artikelgruppe; die Rabattgruppe eines Geschäftspartners steht im Partnerstamm. ↑/↓ wählen, Enter bearbeitet.", "Discount percent per item group; a business partner's discount group is set on the partner form. ↑/↓ select, Enter edits.";
        Groups => "Rabattgruppen", "Discount groups";
        Empty => "Noch keine Rabattgruppe.", "No discount group yet.";
        Code => "Kürzel", "Code";
        Name => "Bezeichnung", "Name";
        Discounts => "Rabatte", "Discounts";
        Edit => "Bearbeiten", "Edit";
        New => "Neue Rabattgruppe", "New discount group";
        EditTitle => "Rabattgruppe bearbeiten:", "Edit discount group:";
        ItemGroup => "Artikelgruppe", "Item group";
        Percent => "Rabatt %", "Discount %";
        AddRow => "Zeile hinzufügen", "Add row";
        RemoveRow => "Zeile entfernen", "Remove row";
        Create => "Anlegen", "Create";
        Save => "Speichern", "Save";
        Cancel => "Abbrechen", "Cancel";
        Created => "Rabattgruppe angelegt:", "Discount group created:";
        Saved => "Rabattgruppe gespeichert:", "Discount group saved:";
        Row => "Zeile", "Row";
        BadPercent => "ist kein Prozentsatz.", "is not a percentage.";
        NoItemGroup => "Wählen Sie die Artikelgruppe.", "Choose the item group.";
    }
}
