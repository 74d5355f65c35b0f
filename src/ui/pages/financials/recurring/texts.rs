//! The standing postings screen's texts (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Dauerbuchungen", "Recurring postings";
        Lead => "Eine Dauerbuchung ist eine Buchungsvorlage mit Rhythmus. Fällige Termine werden beim Öffnen der Firma angekündigt und erst nach Ihrer Bestätigung gebucht. ↑/↓ wählen, Enter bearbeitet, Alt+A neue Dauerbuchung, Alt+S speichert, Alt+Z neue Zeile.", "A recurring posting is an entry template with a schedule. Due dates are announced when the company opens and post only after your confirmation. ↑/↓ select, Enter edits, Alt+A new recurring posting, Alt+S saves, Alt+Z new line.";
        List => "Dauerbuchungen", "Recurring postings";
        Empty => "Noch keine Dauerbuchung.", "No recurring posting yet.";
        Number => "Nr.", "No.";
        Name => "Bezeichnung", "Name";
        Frequency => "Rhythmus", "Frequency";
        NextDue => "Nächster Termin", "Next date";
        Amount => "Betrag", "Amount";
        Active => "aktiv", "active";
        Inactive => "inaktiv", "inactive";
        Edit => "Bearbeiten", "Edit";
        DueList => "Fällige Buchungen", "Due postings";
        New => "Neue Dauerbuchung", "New recurring posting";
        EditTitle => "Dauerbuchung bearbeiten:", "Edit recurring posting:";
        Daily => "täglich", "daily";
        Weekly => "wöchentlich", "weekly";
        Monthly => "monatlich", "monthly";
        Quarterly => "vierteljährlich", "quarterly";
        HalfYearly => "halbjährlich", "half-yearly";
        Yearly => "jährlich", "yearly";
        OnDays => "an Tagen des Monats", "on days of the month";
        Days => "Tage (z. B. 1, 15)", "Days (e.g. 1, 15)";
        First => "Erster Termin", "First date";
        End => "Ende", "End";
        Open => "offen", "open";
        Until => "bis Datum", "until date";
        Count => "Anzahl", "count";
        EndDate => "Letzter Termin", "Last date";
        EndCount => "Anzahl Buchungen", "Number of postings";
        Reference => "Referenz", "Reference";
        Memo => "Buchungstext", "Memo";
        Account => "Konto / Partner", "Account / partner";
        Debit => "Soll", "Debit";
        Credit => "Haben", "Credit";
        TaxCode => "St.-Kz.", "Tax code";
        Gross => "Brutto", "Gross";
        Centre => "Kostenstelle", "Cost centre";
        LineMemo => "Zeilentext", "Line memo";
        AddRow => "Zeile hinzufügen (Alt+Z)", "Add line (Alt+Z)";
        Create => "Anlegen (Alt+S)", "Create (Alt+S)";
        Save => "Speichern (Alt+S)", "Save (Alt+S)";
        Cancel => "Abbrechen", "Cancel";
        Created => "Dauerbuchung angelegt:", "Recurring posting created:";
        Saved => "Dauerbuchung gespeichert:", "Recurring posting saved:";
        NoClock => "Die Uhr des Browsers liefert keine gültige Zeit; es wurde nichts gespeichert.", "The browser's clock gives no valid time; nothing was saved.";
        BadDate => "ist kein gültiges Datum.", "is not a valid date.";
        BadDays => "sind keine Tage des Monats.", "are not days of the month.";
        BadCount => "ist keine Anzahl.", "is not a number.";
        BadLines => "Eine Zeile ist ungültig (Konto, Betrag oder Währung).", "A line is not valid (account, amount or currency).";
    }
}
