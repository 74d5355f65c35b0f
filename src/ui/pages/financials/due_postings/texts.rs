//! The due postings screen's texts (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Fällige Dauerbuchungen", "Due recurring postings";
        Lead => "Was bis zum Stichtag fällig ist: Dauerbuchungen und Darlehensraten. Nichts wird ohne Ihre Bestätigung gebucht; die angehakten Zeilen werden in einem Schritt gebucht. ↑/↓ wählen, Leertaste hakt an/ab, E bearbeitet, Strg+Enter bucht.", "What is due up to the date: standing postings and loan instalments. Nothing posts without your confirmation; the checked rows post in one step. ↑/↓ select, Space checks/unchecks, E edits, Ctrl+Enter posts.";
        AsOf => "Stichtag", "As of";
        Nothing => "Nichts fällig.", "Nothing is due.";
        Date => "Datum", "Date";
        Source => "Herkunft", "Source";
        Reference => "Referenz", "Reference";
        Amount => "Betrag", "Amount";
        Post => "Buchen (Strg+Enter)", "Post (Ctrl+Enter)";
        Skip => "Aussetzen", "Skip";
        Edit => "Bearbeiten", "Edit";
        Apply => "Übernehmen", "Apply";
        Cancel => "Abbrechen", "Cancel";
        Edited => "bearbeitet", "edited";
        Loan => "Darlehen", "Loan";
        Posting => "Wird gebucht …", "Posting …";
        Posted => "Gebucht:", "Posted:";
        Skipped => "Ausgesetzt:", "Skipped:";
        Selected => "ausgewählt", "selected";
        Account => "Konto", "Account";
        Debit => "Soll", "Debit";
        Credit => "Haben", "Credit";
        TaxCode => "St.-Kz.", "Tax code";
        Memo => "Zeilentext", "Line memo";
        NoClock => "Die Uhr des Browsers liefert keine gültige Zeit; es wurde nichts gebucht.", "The browser's clock gives no valid time; nothing was posted.";
        BadLine => "Eine Zeile ist ungültig (Konto, Betrag oder Datum).", "A line is not valid (account, amount or date).";
        ToJournal => "Zum Journal", "To the journal";
        Standing => "Dauerbuchungen", "Standing postings";
    }
}
