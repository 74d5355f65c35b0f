// English mode must leave no German on the screen. GERMAN_WORDS are words
// of Kontor's German UI texts that no English text uses and no data of the
// specs contains (the demo's partner names, references and account names
// are English or proper names); they are matched as whole words in the
// page's visible text and in titles, placeholders and ARIA labels.
import assert from 'node:assert/strict';

export const GERMAN_WORDS = [
  // function words of German sentences
  'und', 'der', 'die', 'das', 'mit', 'für', 'nicht', 'keine', 'oder', 'über', 'bis', 'zum', 'ist',
  // navigation and shell
  'Stammdaten', 'Finanzen', 'Berichte', 'Mandant', 'Mandanten', 'Speicher', 'belegt', 'dauerhaft',
  'Geschäftsjahr', 'Letzte', 'Sicherung', 'Entwurf', 'gespeichert',
  // bookkeeping
  'Buchung', 'Buchungen', 'Buchungstext', 'Konto', 'Konten', 'Kontenplan', 'Soll', 'Haben', 'Saldo',
  'Eröffnung', 'Summe', 'Datum', 'Beleg', 'Periode', 'Perioden', 'Zeitraum', 'Bezeichnung', 'Zeilen',
  'Storno', 'Währung', 'Kurs', 'Betrag',
  // tax and VAT return
  'Umsatzsteuer', 'Vorsteuer', 'Steuer', 'Steuerkennz', 'Bemessungsgrundlage', 'Kennzahl',
  'Steuerpflichtige', 'Umsätze', 'Zahllast', 'Überschuss', 'Erstattung', 'Vorauszahlung', 'gesamt',
  'Steuersatz', 'Leistungen', 'Erwerbe', 'Lieferungen', 'Quartal', 'Januar', 'Dezember',
  // costing and reports
  'Kostenstelle', 'Kostenstellen', 'Erlöse', 'Aufwand', 'Ergebnis', 'Anteil', 'zugeordnet',
  // actions
  'Speichern', 'Abbrechen', 'Drucken', 'exportieren', 'Buchen', 'Anlegen', 'Löschen', 'zeigen',
];

const WORD = (w) => new RegExp(`(^|[^\\p{L}])${w}($|[^\\p{L}])`, 'u');

/** Fails with the German words found on the current screen. */
export async function assertEnglish(page, where) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', `${where}: html lang`);
  const text = await page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[title], [placeholder], [aria-label]')].flatMap((e) =>
      ['title', 'placeholder', 'aria-label'].map((a) => e.getAttribute(a) ?? ''));
    return [document.body.innerText, ...attrs].join('\n');
  });
  const found = GERMAN_WORDS.filter((w) => WORD(w).test(text));
  const context = found.map((w) => {
    const line = text.split('\n').find((l) => WORD(w).test(l));
    return `${w} (in “${line.trim().slice(0, 100)}”)`;
  });
  assert.deepEqual(context, [], `${where}: German words in English mode`);
}
