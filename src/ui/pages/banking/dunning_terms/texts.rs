//! The dunning terms screen's texts (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Mahnverfahren", "Dunning terms";
        Lead => "Mahnstufen mit Tagen nach Fälligkeit, Gebühr, Mindestsaldo, Verzugszinsen (§ 288 BGB) und Brieftext; dazu die Erlöskonten der Mahnkosten und die Basiszinssätze der Bundesbank.", "Dunning levels with days after due date, fee, minimum balance, default interest (§ 288 BGB) and letter text; plus the income accounts of the charges and the Bundesbank's base rates.";
        Terms => "Mahnverfahren", "Terms";
        Empty => "Noch kein Mahnverfahren. Legen Sie unten das erste an.", "No dunning term yet. Create the first one below.";
        Code => "Kürzel", "Code";
        Name => "Bezeichnung", "Name";
        Levels => "Stufen", "Levels";
        Edit => "Bearbeiten", "Edit";
        Delete => "Löschen", "Delete";
        Deleted => "Mahnverfahren gelöscht:", "Dunning term deleted:";
        New => "Neues Mahnverfahren", "New dunning term";
        EditTitle => "Mahnverfahren bearbeiten:", "Edit dunning term:";
        Group => "Alle überfälligen Posten eines Kunden in einem Brief", "All overdue items of a customer in one letter";
        InterestBase => "Zinsen auf", "Interest on";
        Remaining => "den offenen Betrag", "the amount still open";
        Original => "den ursprünglichen Betrag", "the original amount";
        DayCount => "Zinstage", "Day count";
        Act365 => "act/365", "act/365";
        Act360 => "act/360", "act/360";
        Debtor => "Schuldner", "Debtor";
        Business => "Unternehmer (Basiszins + 9 Punkte)", "Business (base rate + 9 points)";
        Consumer => "Verbraucher (Basiszins + 5 Punkte)", "Consumer (base rate + 5 points)";
        FlatFee => "Verzugspauschale 40 € je Rechnung (nur Unternehmer)", "€ 40 flat fee per invoice (businesses only)";
        Level => "Stufe", "Level";
        Days => "Tage nach Fälligkeit", "Days after due";
        Fee => "Gebühr", "Fee";
        MinBalance => "Mindestsaldo", "Minimum balance";
        Interest => "Zinsen", "Interest";
        TextDe => "Text (deutsch)", "Text (German)";
        TextEn => "Text (englisch)", "Text (English)";
        TextHint => "Im Brief wird {name} durch den Namen des Kunden ersetzt, {date} durch das Zahlungsziel (Datum des Laufs + 10 Tage).", "In the letter {name} becomes the customer's name, {date} the date to pay by (the run's date + 10 days).";
        AddLevel => "Stufe hinzufügen", "Add level";
        RemoveLevel => "Stufe entfernen", "Remove level";
        Create => "Anlegen", "Create";
        Save => "Speichern", "Save";
        Cancel => "Abbrechen", "Cancel";
        Created => "Mahnverfahren angelegt:", "Dunning term created:";
        Saved => "Mahnverfahren gespeichert:", "Dunning term saved:";
        BadDays => "ist keine Zahl von Tagen.", "is not a number of days.";
        BadAmount => "ist kein Betrag.", "is not an amount.";
        BadAccount => "ist keine Kontonummer.", "is not an account number.";
        BadDate => "ist kein Datum.", "is not a date.";
        BadRate => "ist kein Prozentsatz.", "is not a percentage.";
        LevelRow => "Stufe", "Level";
        Settings => "Konten der Mahnkosten", "Accounts of the charges";
        FeeAccount => "Erlöskonto Mahngebühren", "Income account of fees";
        InterestAccount => "Erlöskonto Verzugszinsen", "Income account of interest";
        SettingsSaved => "Einstellungen gespeichert.", "Settings saved.";
        SaveSettings => "Konten speichern", "Save accounts";
        Rates => "Basiszinssätze", "Base rates";
        RatesLead => "Der Basiszinssatz der Bundesbank ändert sich zum 1. Januar und 1. Juli. Geliefert wird die bekannte Reihe; ergänzen Sie neue Sätze hier.", "The Bundesbank's base rate changes on 1 January and 1 July. The known history is shipped; add new rates here.";
        ValidFrom => "Gültig ab", "Valid from";
        Percent => "Prozent", "Percent";
        Shipped => "Ausgelieferte Tabelle", "Shipped table";
        Edited => "Bearbeitete Tabelle", "Edited table";
        AddRate => "Satz hinzufügen", "Add rate";
        Remove => "Entfernen", "Remove";
        SaveRates => "Zinssätze speichern", "Save rates";
        ResetRates => "Auf ausgelieferte zurücksetzen", "Reset to shipped";
        RatesSaved => "Basiszinssätze gespeichert.", "Base rates saved.";
        KeysHint => "↑/↓ wählen, Enter bearbeitet", "↑/↓ select, Enter edits";
    }
}
