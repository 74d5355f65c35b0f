//! The dunning run screen's texts (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Mahnlauf", "Dunning run";
        Lead => "Zum Stichtag für alle oder ausgewählte Kunden: überfällige Posten, erreichte Mahnstufe, Gebühr, Verzugszinsen und Pauschale. Posten oder Kunden abwählen, dann den Lauf ausführen; die Briefe stehen danach zum Drucken und als PDF bereit.", "As of a date, for all or selected customers: overdue items, the level reached, fee, default interest and flat fee. Untick items or customers, then execute the run; its letters are then ready to print and as PDF.";
        Terms => "Mahnverfahren bearbeiten", "Edit dunning terms";
        Date => "Stichtag", "Run date";
        Customers => "Kunden (leer = alle)", "Customers (empty = all)";
        CustomersHint => "Kundennummern, durch Leerzeichen oder Komma getrennt", "Customer numbers, separated by spaces or commas";
        Propose => "Vorschlag", "Proposal";
        NoDate => "Bitte einen Stichtag eingeben.", "Please enter a run date.";
        BadCustomer => "ist keine Kundennummer.", "is not a customer number.";
        Proposal => "Vorschlag", "Proposal";
        Nothing => "Kein Kunde ist zu mahnen.", "No customer is to be dunned.";
        Customer => "Kunde", "Customer";
        Document => "Beleg", "Document";
        DueDate => "Fällig", "Due";
        DaysOverdue => "Tage überfällig", "Days overdue";
        Open => "Offen", "Open";
        Levels => "Stufe bisher → neu", "Level before → new";
        Interest => "Zinsen", "Interest";
        Fee => "Gebühr", "Fee";
        FlatFee => "Pauschale", "Flat fee";
        Total => "Gesamt", "Total";
        Include => "Mahnen", "Dun";
        RunTotal => "Summe des Laufs", "Run total";
        Skipped => "Nicht gemahnt", "Not dunned";
        Reason => "Grund", "Reason";
        PostCharges => "Gebühren und Zinsen buchen", "Post fees and interest";
        Execute => "Mahnlauf ausführen", "Execute dunning run";
        Executing => "Wird ausgeführt …", "Executing …";
        Executed => "Mahnlauf ausgeführt:", "Dunning run executed:";
        ShowLetters => "Briefe anzeigen", "Show letters";
        Runs => "Ausgeführte Mahnläufe", "Executed dunning runs";
        NoRuns => "Noch kein Mahnlauf ausgeführt.", "No dunning run executed yet.";
        Number => "Nr.", "No.";
        Letters => "Briefe", "Letters";
        Charges => "Gebucht", "Posted";
        Yes => "ja", "yes";
        No => "nein", "no";
    }
}
