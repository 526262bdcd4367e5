import { z } from 'zod';
import { parseKr, type Ore } from '../../domain/money.ts';
import { LIMITS } from '../../domain/programme-rules.ts';
import { issue, optionalText, plainText, say, text } from '../form-fields.ts';
import { message } from '../../i18n/index.ts';

// The citizen portal's forms (spec: Citizen portal). The messages speak to the citizen: "du", short, plain
// words (catalogue keys field.portal.*).

export const CitizenDreamInput = z.object({
  dream: plainText('multi').max(4000, say('field.portal.dreamTooLong')).default(''),
});
export type CitizenDreamInput = z.input<typeof CitizenDreamInput>;

export const CitizenIdeaInput = z.object({
  text: text('field.portal.idea', 1000, 'multi'),
});
export type CitizenIdeaInput = z.input<typeof CitizenIdeaInput>;

/** A proposal is at most the scheme's cap on a grant (spec: Maximum grant). */
const MAX_PRICE = LIMITS.maxGrant;
const PRICE_MESSAGE = message('field.portal.price');

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
    .union([z.string(), z.number(), z.null()], { error: say(PRICE_MESSAGE.key) })
    .optional()
    .transform((value, ctx): Ore => {
      const result = parseKr(everydayPrice(String(value ?? '')));
      if (!result.ok || result.value <= 0) {
        ctx.addIssue(issue(PRICE_MESSAGE));
        return z.NEVER;
      }
      if (result.value > MAX_PRICE) {
        ctx.addIssue(issue(message('field.portal.priceTooBig')));
        return z.NEVER;
      }
      return result.value;
    });
}

/** What the citizen proposes to buy; the support person adds the rest (vendor, category, payment). */
export const ProposalInput = z.object({
  title: text('field.portal.title', 200),
  purpose: text('field.portal.purpose', 4000, 'multi'),
  subGoalId: optionalText(100),
  amountKr: price(),
  shop: optionalText(2000),
});
export type ProposalInput = z.input<typeof ProposalInput>;
