import { describe, expect, it } from 'vitest';
import { da } from './da.ts';
import { en } from './en.ts';
import { domainCasesDa } from './domain-cases.da.ts';
import { domainMoneyDa } from './domain-money.da.ts';
import { domainEvaluationDa } from './domain-evaluation.da.ts';
import { domainInstrumentsDa } from './domain-instruments.da.ts';
import { domainImportDa } from './domain-import.da.ts';
import { domainPaymentFileDa } from './domain-payment-file.da.ts';
import { errorsDa } from './errors.da.ts';
import { message, translate, translator, type MessageKey } from './index.ts';

// Errors and the domain's refusals carry a key and parameters; the edge translates them. Nothing may fall
// back silently: every key has words in both languages, and the same parameters in both.

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const ERROR_CATALOGUES = {
  errorsDa,
  domainMoneyDa,
  domainCasesDa,
  domainPaymentFileDa,
  domainEvaluationDa,
  domainInstrumentsDa,
  domainImportDa,
};

describe('the catalogues of errors, refusals and the domain’s names', () => {
  for (const [name, catalogue] of Object.entries(ERROR_CATALOGUES)) {
    it(`${name}: every key has Danish and English words with the same parameters`, () => {
      for (const [key, danish] of Object.entries(catalogue)) {
        const english = en[key as MessageKey];
        expect(danish.trim(), key).not.toBe('');
        expect(typeof english === 'string' && english.trim() !== '', key).toBe(true);
        expect(placeholders(english), key).toEqual(placeholders(danish));
      }
    });
  }

  it('are part of the whole catalogue, unchanged', () => {
    for (const catalogue of Object.values(ERROR_CATALOGUES)) {
      for (const [key, danish] of Object.entries(catalogue)) expect(da[key as MessageKey], key).toBe(danish);
    }
  });

  it('leave no key of the Danish catalogue without English words', () => {
    const missing = Object.keys(da).filter((key) => typeof en[key as MessageKey] !== 'string');
    expect(missing).toEqual([]);
  });
});

describe('translate', () => {
  it('fills in the parameters in the reader’s language', () => {
    const said = message('error.access.tooManyAttempts', { seconds: 30 });
    expect(translate(translator('da'), said)).toBe('For mange forsøg. Vent 30 sekunder, og prøv igen.');
    expect(translate(translator('en'), said)).toBe('Too many attempts. Wait 30 seconds and try again.');
  });

  it('translates a message named in another, and a list of sentences one after another', () => {
    const which = message('paymentFile.which.number', { number: 2 });
    const missing = message('paymentFile.error.missing', {
      what: message('paymentFile.what.creditorName', { which }),
    });
    expect(translate(translator('da'), missing)).toBe('Betaling 2: modtagerens navn mangler.');
    expect(translate(translator('en'), missing)).toBe("Payment 2: the recipient's name is missing.");
    const both = message('error.sentences', {
      sentences: [message('error.money.nothingToPay'), message('error.money.batchAlreadySent')],
    });
    expect(translate(translator('en'), both)).toBe(
      'There are no approved bank transfers to pay. The payment file is already marked as sent.',
    );
  });
});
