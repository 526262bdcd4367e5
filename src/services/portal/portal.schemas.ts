import { z } from 'zod';
import { ore, parseKr, type Ore } from '../../domain/money.ts';
import { optionalText, plainText, text } from '../form-fields.ts';

// The citizen portal's forms (issue 6). The messages speak to the citizen: "du", short, plain words.

export const CitizenDreamInput = z.object({
  dream: plainText('multi').max(4000, 'Din drøm må højst fylde 4000 tegn.').default(''),
});
export type CitizenDreamInput = z.input<typeof CitizenDreamInput>;

export const CitizenIdeaInput = z.object({
  text: text('din idé', 1000, 'Skriv din idé.', 'multi'),
});
export type CitizenIdeaInput = z.input<typeof CitizenIdeaInput>;

const MAX_PRICE = ore(50_000_00);
const PRICE_MESSAGE = 'Skriv prisen med tal, fx 2500.';

/**
 * A price as people write it in Danish: "2.500 kr.", "2500,-", "2 500". The dot of "2.500" is a
 * thousands separator here (parseKr would read it as a decimal point: 2,50 kr.).
 */
export function everydayPrice(typed: string): string {
  let text = typed
    .trim()
    .replace(/\s*(kr\.?|kroner)$/i, '')
    .replace(/,-$/, '')
    .replace(/[\s\u00a0]/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(text)) text = text.replace(/\./g, '');
  return text;
}

/** The price as the citizen types it, with one plain message for every way it can be wrong. */
function price() {
  return z
    .union([z.string(), z.number(), z.null()], { error: PRICE_MESSAGE })
    .optional()
    .transform((value, ctx): Ore => {
      const result = parseKr(everydayPrice(String(value ?? '')));
      if (!result.ok || result.value <= 0) {
        ctx.addIssue({ code: 'custom', message: PRICE_MESSAGE });
        return z.NEVER;
      }
      if (result.value > MAX_PRICE) {
        ctx.addIssue({ code: 'custom', message: 'Prisen kan højst være 50.000 kr.' });
        return z.NEVER;
      }
      return result.value;
    });
}

/** What the citizen proposes to buy; the support person adds the rest (vendor, category, payment). */
export const ProposalInput = z.object({
  title: text('hvad du vil købe', 200, 'Skriv hvad du vil købe.'),
  purpose: text('hvorfor', 4000, 'Skriv hvorfor du vil købe det.', 'multi'),
  subGoalId: optionalText(100),
  amountKr: price(),
  shop: optionalText(2000),
});
export type ProposalInput = z.input<typeof ProposalInput>;
