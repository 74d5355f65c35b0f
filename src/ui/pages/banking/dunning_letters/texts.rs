//! The dunning letters screen's texts (German, English).

use crate::texts;

texts! {
    pub enum T {
        Title => "Mahnbriefe", "Dunning letters";
        Run => "Mahnlauf", "Dunning run";
        Lead => "Jeder Brief in der Sprache des Kunden. Drucken druckt alle Briefe, jeder auf eigenen Seiten; die PDF-Datei entsteht hier im Browser.", "Each letter in the customer's language. Print prints all letters, each on its own pages; the PDF file is made here in the browser.";
        Back => "Zurück zum Mahnlauf", "Back to the dunning run";
        Print => "Drucken", "Print";
        PdfAll => "PDF (alle)", "PDF (all)";
        Pdf => "PDF", "PDF";
        NotFound => "Diesen Mahnlauf gibt es nicht.", "This dunning run does not exist.";
        NoLetters => "Der Lauf hat keine Briefe.", "The run has no letters.";
        DownloadFailed => "Der Browser hat den Download abgelehnt:", "The browser refused the download:";
    }
}
