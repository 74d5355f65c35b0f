//! The payment screen's texts (German and English), one table for its
//! parts.

use crate::texts;

texts! {
    pub enum T {
        TitleIncoming => "Zahlungseingang", "Incoming payment";
        TitleOutgoing => "Zahlungsausgang", "Outgoing payment";
        LeadIncoming => "Geld kommt herein: Posten des Partners markieren, Skonto prüfen, Zahlungsmittel angeben. Die Vorschau zeigt die Buchung, bevor sie gebucht wird.", "Money comes in: tick the partner's items, check the discount, give the means. The preview shows the entry before it is posted.";
        LeadOutgoing => "Geld geht hinaus: Posten des Partners markieren, Skonto prüfen, Zahlungsmittel angeben. Die Vorschau zeigt die Buchung, bevor sie gebucht wird.", "Money goes out: tick the partner's items, check the discount, give the means. The preview shows the entry before it is posted.";
        Partner => "Partner", "Partner";
        PartnerHint => "Nummer (leer: Zahlung auf Sachkonten)", "Code (empty: payment to G/L accounts)";
        PartnerUnknown => "Kein Partner mit dieser Nummer.", "No partner with this code.";
        Customer => "Kunde", "Customer";
        Vendor => "Lieferant", "Vendor";
        PostingDate => "Buchungsdatum", "Posting date";
        DocumentDate => "Belegdatum", "Document date";
        Reference => "Referenz", "Reference";
        Memo => "Text", "Memo";
        Currency => "Währung", "Currency";
        Items => "Offene Posten", "Open items";
        NoItems => "Keine offenen Posten in dieser Währung.", "No open items in this currency.";
        Pay => "Zahlen", "Pay";
        Document => "Beleg", "Document";
        DueDate => "Fällig", "Due";
        Open => "Offen", "Open";
        Offer => "Skonto-Angebot", "Discount offered";
        Until => "bis", "until";
        Late => "Frist abgelaufen", "period over";
        Amount => "Betrag", "Amount";
        Discount => "Skonto", "Discount";
        Total => "Summe", "Total";
        Net => "Zahlbetrag", "Net paid";
        OnAccount => "Akonto (ohne Posten)", "On account (no item)";
        Means => "Zahlungsmittel", "Means of payment";
        Transfer => "Überweisung", "Transfer";
        Cash => "Bar", "Cash";
        Check => "Scheck", "Check";
        Card => "Kreditkarte", "Credit card";
        Account => "Konto", "Account";
        AccountHint => "Bank-/Kassenkonto", "Bank/cash account";
        ClearingAccount => "Verrechnungskonto aus den Einstellungen", "Clearing account of the settings";
        AccountUnknown => "Kein Konto mit dieser Nummer.", "No account with this number.";
        AddMeans => "Zahlungsmittel hinzufügen", "Add means";
        Remove => "Entfernen", "Remove";
        Fee => "Bankspesen", "Bank fee";
        WriteOff => "Kleine Differenz ausbuchen", "Write off a small difference";
        GlLines => "Sachkonten-Zeilen", "G/L lines";
        TaxCode => "Steuerschlüssel", "Tax code";
        AddGl => "Zeile hinzufügen", "Add line";
        Preview => "Vorschau der Buchung", "Preview of the entry";
        PreviewEmpty => "Noch nichts zu buchen: Posten markieren, Akonto oder Sachkonten-Zeilen eingeben.", "Nothing to post yet: tick items, enter an amount on account or G/L lines.";
        Debit => "Soll", "Debit";
        Credit => "Haben", "Credit";
        Name => "Bezeichnung", "Name";
        LateQuestion => "Skonto nach Ablauf der Frist gewähren?", "Grant the discount after its period?";
        LateYes => "Ja, Skonto gewähren", "Yes, grant the discount";
        Post => "Buchen (Strg+Enter)", "Post (Ctrl+Enter)";
        Posted => "Zahlung gebucht:", "Payment posted:";
        ToEntry => "Buchung ansehen", "View the entry";
        Keys => "Tab: nächstes Feld · Leertaste: Posten markieren · Enter: nächste Zeile · Strg+Enter: buchen", "Tab: next field · Space: tick the item · Enter: next row · Ctrl+Enter: post";
        BadAmount => "Kein gültiger Betrag:", "Not a valid amount:";
        BadAccount => "Keine gültige Kontonummer:", "Not a valid account number:";
        BadCurrency => "Keine gültige Währung:", "Not a valid currency:";
        NoDate => "Bitte ein Buchungsdatum angeben.", "Please enter a posting date.";
        NoCompanyUser => "kontor", "kontor";
    }
}
