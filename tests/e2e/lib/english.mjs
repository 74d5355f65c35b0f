// English mode must leave no German on the screen. GERMAN_WORDS are words
// of Kontor's German UI texts that no English text uses and no data of the
// specs contains (the demo's partner names and references are proper
// names, accounts have English names, the specs' memos name only January);
// they are matched as whole words in the page's visible text and in
// titles, placeholders and ARIA labels. Data is left out: text marked
// lang="de" (a name kept in both languages, shown beside the English one)
// and booking texts (memo cells, columns headed "Text" / "Line text").
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
  'Steuersatz', 'Leistungen', 'Erwerbe', 'Lieferungen', 'Quartal', 'Oktober', 'Dezember',
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
    // Text marked as German (a name kept in both languages, shown beside
    // the English one) is data in German, not untranslated UI.
    // Booking texts are data too (the demo's are German): the cells of a
    // column headed "Text" / "Line text".
    // Text of a user's file shown as read (translate="no": e.g. the
    // header names of an imported CSV) is data as well.
    const data = [...document.querySelectorAll('body [lang="de"], td.memo, [translate="no"]')];
    for (const table of document.querySelectorAll('table')) {
      const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
      heads.forEach((h, i) => {
        if (h === 'Text' || h === 'Line text') {
          data.push(...table.querySelectorAll(`tbody > tr > td:nth-child(${i + 1})`));
        }
      });
    }
    let body = document.body.innerText;
    for (const e of data) if (e.innerText.trim()) body = body.split(e.innerText).join(' ');
    return [body, ...attrs].join('\n');
  });
  const found = GERMAN_WORDS.filter((w) => WORD(w).test(text));
  const context = found.map((w) => {
    const line = text.split('\n').find((l) => WORD(w).test(l));
    return `${w} (in “${line.trim().slice(0, 100)}”)`;
  });
  assert.deepEqual(context, [], `${where}: German words in English mode`);
}
