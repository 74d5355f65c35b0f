//! The special prices screen's texts (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Sonderpreise", "Special prices";
        Lead => "Sonderpreise je Geschäftspartner, Perioden- und Mengenrabatte je Preisliste: ein Preis oder Rabatt für einen Zeitraum, mit Staffeln ab einer Menge. ↑/↓ wählen, Enter bearbeitet, Entf löscht.", "Special prices per business partner, period and volume discounts per price list: a price or discount for a period, with breaks from a quantity. ↑/↓ select, Enter edits, Delete deletes.";
        Filter => "Anzeigen für", "Show for";
        FilterAll => "alle", "all";
        FilterPartner => "Partner", "partner";
        FilterList => "Preisliste", "price list";
        FilterValue => "Nummer", "Number";
        Specials => "Sonderpreise", "Special prices";
        Empty => "Kein Sonderpreis passt.", "No special price matches.";
        Scope => "Für", "For";
        Partner => "Partner", "Partner";
        List => "Preisliste", "Price list";
        Item => "Artikel", "Item";
        Validity => "Gültig", "Valid";
        Value => "Preis / Rabatt", "Price / discount";
        Breaks => "Staffeln", "Breaks";
        Edit => "Bearbeiten", "Edit";
        Delete => "Löschen", "Delete";
        AskDelete => "Sonderpreis wirklich löschen?", "Really delete the special price?";
        Yes => "Ja, löschen", "Yes, delete";
        No => "Nein", "No";
        Deleted => "Sonderpreis gelöscht:", "Special price deleted:";
        New => "Neuer Sonderpreis", "New special price";
        EditTitle => "Sonderpreis bearbeiten:", "Edit special price:";
        ScopeCode => "Partnernummer / Listennummer", "Partner code / list number";
        ValidFrom => "Gültig ab", "Valid from";
        ValidTo => "Gültig bis", "Valid to";
        Kind => "Art", "Kind";
        Price => "Preis", "Price";
        Discount => "Rabatt %", "Discount %";
        Currency => "Währung", "Currency";
        Amount => "Preis oder Rabatt", "Price or discount";
        BreakFrom => "ab Menge", "from quantity";
        AddBreak => "Staffel hinzufügen", "Add break";
        RemoveBreak => "Staffel entfernen", "Remove break";
        NoBreaks => "Keine Mengenstaffel: der Wert gilt für jede Menge.", "No quantity breaks: the value holds for every quantity.";
        Create => "Anlegen", "Create";
        Save => "Speichern", "Save";
        Cancel => "Abbrechen", "Cancel";
        Created => "Sonderpreis angelegt:", "Special price created:";
        Saved => "Sonderpreis gespeichert:", "Special price saved:";
        BadPartner => "ist keine Partnernummer.", "is not a partner code.";
        BadList => "ist keine Listennummer.", "is not a list number.";
        BadAmount => "ist kein Preis.", "is not a price.";
        BadPercent => "ist kein Prozentsatz.", "is not a percentage.";
        BadQuantity => "ist keine Menge.", "is not a quantity.";
        BadCurrency => "ist kein Währungscode.", "is not a currency code.";
        Always => "immer", "always";
        Open => "offen", "open";
    }
}
