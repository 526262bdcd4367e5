import { describe, expect, it } from 'vitest';
import { isLongWord, readability, sentencesOf, visibleText, wordsOf } from './lix.ts';

// The LIX helper on texts whose figures are counted by hand (tests/support/lix.ts has the rules).

describe('LIX', () => {
  it('of short everyday sentences: 10 words, 2 sentences, no long word → 5', () => {
    const r = readability('Jeg har en hund. Den er sort og meget glad!');
    expect([r.words, r.sentences, r.longWords, r.lix]).toEqual([10, 2, 0, 5]);
  });

  it('of officialese: 3 long words in one sentence → 3 + 100 = 103', () => {
    const r = readability('Kommunalbestyrelsen godkender budgetforslaget.');
    expect([r.words, r.sentences, r.longWords, r.lix]).toEqual([3, 1, 3, 103]);
  });

  it('does not end a sentence at an abbreviation or a date, only before a capital or the end', () => {
    const r = readability('Du har 50.000 kr. til rådighed. Det er 12. marts i dag.');
    // 12 words / 2 sentences + 100 × 1 long ("rådighed") / 12 = 6 + 8.33
    expect(r.sentencesText).toEqual(['Du har 50.000 kr. til rådighed.', 'Det er 12. marts i dag.']);
    expect([r.words, r.sentences, r.longWords, r.lix]).toEqual([12, 2, 1, 14.3]);
  });

  it('ends a sentence at a colon, a question mark and an exclamation mark', () => {
    expect(sentencesOf('Status: Betalt. Er det rigtigt? Ja!')).toEqual([
      'Status:',
      'Betalt.',
      'Er det rigtigt?',
      'Ja!',
    ]);
  });

  it('reads only the visible text of <main>; headings, list items and buttons are sentences', () => {
    const html = `<html><head><title>Titel med mange lange ord</title></head><body>
      <header><nav><a href="/">Forsidemenupunkt</a></nav></header>
      <main id="main-content"><h1>Mine data</h1><p>Her ser du alt.</p>
      <ul><li>Navn</li><li>Adresse</li></ul><span class="sr-only">Fejl: </span>
      <script>var skjultTekstIScript = 1;</script><style>.x{}</style>
      <div hidden><p>Skjulte oplysninger</p></div><p aria-hidden="true">Usynlige ord</p>
      <button type="submit">Hent</button></main>
      <footer>Tilgængelighedserklæring</footer></body></html>`;
    const r = readability(html);
    expect(r.sentencesText).toEqual(['Mine data', 'Her ser du alt.', 'Navn', 'Adresse', 'Hent']);
    // 9 words / 5 sentences + 100 × 1 long ("Adresse") / 9 = 1.8 + 11.1
    expect([r.words, r.sentences, r.longWords, r.lix]).toEqual([9, 5, 1, 12.9]);
  });

  it('decodes entities and keeps inline elements inside their sentence', () => {
    expect(visibleText('<main><p>Du &amp; din <a href="/x">støtteperson</a>&nbsp;mødes.</p></main>')).toBe(
      '\u0000Du & din støtteperson mødes.\u0000',
    );
  });

  it('counts letters, not digits or hyphens, for long words; a lone symbol is no word', () => {
    expect(wordsOf('WHO-5 – 12.500 kr. e-mailadresse')).toEqual(['WHO-5', '12.500', 'kr', 'e-mailadresse']);
    expect(isLongWord('WHO-5')).toBe(false);
    expect(isLongWord('1234567890')).toBe(false);
    expect(isLongWord('e-mailadresse')).toBe(true);
    expect(isLongWord('sidste')).toBe(false);
    expect(isLongWord('støtten')).toBe(true);
  });

  it('is 0 for a page without words', () => {
    expect(readability('<main><p> – </p></main>').lix).toBe(0);
  });
});
