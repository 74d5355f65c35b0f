//! The price check screen's texts (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Preisauskunft", "Price check";
        Lead => "Welcher Preis gilt für Artikel, Partner, Datum und Menge – und welche Regel ihn bestimmt: Sonderpreis des Partners, Perioden- oder Mengenrabatt der Liste, Rabattgruppe, Listenpreis. Die Antwort folgt der Eingabe.", "Which price applies for item, partner, date and quantity – and which rule decided it: the partner's special price, a period or volume discount of the list, the discount group, the list price. The answer follows what you type.";
        Item => "Artikel", "Item";
        Partner => "Partner (optional)", "Partner (optional)";
        Date => "Datum", "Date";
        Quantity => "Menge", "Quantity";
        Currency => "Währung", "Currency";
        Hint => "Geben Sie eine Artikelnummer ein.", "Type an item code.";
        Rule => "Regel", "Rule";
        List => "Preisliste", "Price list";
        ListPrice => "Listenpreis", "List price";
        Discount => "Rabatt", "Discount";
        UnitPrice => "Stückpreis", "Unit price";
        LineAmount => "Betrag der Menge", "Amount for the quantity";
        Rate => "Tageskurs", "Day's rate";
        BadPartner => "ist keine Partnernummer.", "is not a partner code.";
        BadDate => "ist kein Datum.", "is not a date.";
        BadQuantity => "ist keine Menge.", "is not a quantity.";
        BadCurrency => "ist kein Währungscode (ISO 4217, z. B. EUR).", "is not a currency code (ISO 4217, e.g. EUR).";
    }
}
