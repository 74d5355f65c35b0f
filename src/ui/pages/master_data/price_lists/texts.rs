//! The price lists screen's texts (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Preislisten", "Price lists";
        Lead => "Eine Basisliste mit eigenen Preisen, weitere Listen abgeleitet mit Faktor und Rundung. ↑/↓ wählen, Enter bearbeitet, Umschalt+Enter öffnet die Preise der Liste.", "A base list with its own prices, further lists derived by a factor and a rounding. ↑/↓ select, Enter edits, Shift+Enter opens the list's prices.";
        Lists => "Preislisten", "Price lists";
        Empty => "Noch keine Preisliste. Legen Sie unten die Basisliste an.", "No price list yet. Create the base list below.";
        Number => "Nr.", "No.";
        Name => "Bezeichnung", "Name";
        Basis => "Grundlage", "Basis";
        Currency => "Währung", "Currency";
        Active => "Aktiv", "Active";
        Yes => "ja", "yes";
        No => "nein", "no";
        Prices => "Preise", "Prices";
        Edit => "Bearbeiten", "Edit";
        New => "Neue Preisliste", "New price list";
        EditTitle => "Preisliste bearbeiten:", "Edit price list:";
        OwnPrices => "Eigene Preise (Basisliste)", "Own prices (base list)";
        Derived => "Abgeleitet von einer anderen Liste", "Derived from another list";
        BaseList => "Basisliste", "Base list";
        Factor => "Faktor", "Factor";
        Step => "Runden", "Round";
        Mode => "Rundungsart", "Rounding mode";
        Create => "Anlegen", "Create";
        Save => "Speichern", "Save";
        Cancel => "Abbrechen", "Cancel";
        Created => "Preisliste angelegt:", "Price list created:";
        Saved => "Preisliste gespeichert:", "Price list saved:";
        BadNumber => "ist keine Listennummer (1 oder größer).", "is not a list number (1 or more).";
        BadFactor => "ist kein Faktor.", "is not a factor.";
        BadCurrency => "ist kein Währungscode (ISO 4217, z. B. EUR).", "is not a currency code (ISO 4217, e.g. EUR).";
        NoBase => "Wählen Sie die Liste, von der diese Liste ableitet.", "Choose the list this list derives from.";
    }
}
