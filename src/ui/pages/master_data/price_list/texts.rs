//! The texts of one price list's prices (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Preise der Preisliste", "Prices of price list";
        Lead => "Preise je Artikel zum Stichtag. Tippen filtert; im Preisfeld speichert Enter einen von Hand gesetzten Preis ab dem Stichtag, ↑/↓ wechseln die Zeile. Von Hand gesetzte Preise einer abgeleiteten Liste sind markiert und lassen sich auf den abgeleiteten Preis zurücksetzen.", "Prices per item as of a date. Typing filters; in a price field Enter saves a price set by hand from the as-of date, ↑/↓ change the row. Prices set by hand on a derived list are marked and can be reset to the derived price.";
        Back => "Alle Preislisten", "All price lists";
        Unknown => "Diese Preisliste gibt es nicht.", "There is no such price list.";
        Basis => "Grundlage", "Basis";
        Currency => "Währung", "Currency";
        Search => "Suche nach Nummer oder Bezeichnung", "Search by code or description";
        AsOf => "Stichtag", "As of";
        Code => "Artikel", "Item";
        Description => "Bezeichnung", "Description";
        Price => "Preis", "Price";
        Source => "Herkunft", "Source";
        Own => "eigener Preis", "own price";
        Derived => "abgeleitet", "derived";
        HandSet => "VON HAND", "SET BY HAND";
        ItemDefault => "Artikel-Standardpreis", "item default";
        Reset => "Auf abgeleiteten Preis", "Reset to derived";
        Items => "Artikel", "items";
        NoMatches => "Kein Artikel passt.", "No item matches.";
        PriceSet => "Preis gesetzt:", "Price set:";
        PriceReset => "Preis zurückgesetzt auf abgeleitet:", "Price reset to derived:";
        BadPrice => "ist kein Preis.", "is not a price.";
        Raise => "Preisaktualisierung", "Mass price update";
        RaiseLead => "Alle Preise der Liste (oder einer Artikelgruppe) ab einem Datum um einen Prozentsatz ändern. Erst die Vorschau, dann übernehmen.", "Change every price of the list (or of one item group) by a percentage from a date. Preview first, then apply.";
        Group => "Artikelgruppe", "Item group";
        AllGroups => "alle", "all";
        Percent => "Prozent", "Percent";
        From => "ab", "from";
        Preview => "Vorschau", "Preview";
        Item => "Artikel", "Item";
        Old => "Bisher", "Old";
        New => "Neu", "New";
        Count => "Preise würden geändert.", "prices would change.";
        More => "weitere", "more";
        Apply => "Übernehmen", "Apply";
        AskApply => "Preise jetzt übernehmen? Anzahl:", "Apply the prices now? Count:";
        Yes => "Ja, übernehmen", "Yes, apply";
        No => "Nein", "No";
        Applied => "Preise übernommen:", "Prices applied:";
        NothingToRaise => "Keine Preise zu ändern.", "No prices to change.";
        BadPercent => "ist kein Prozentsatz.", "is not a percentage.";
    }
}
