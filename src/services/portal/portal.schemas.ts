import { z } from 'zod';
import type { Ore } from '../../domain/money.ts';
import { LIMITS } from '../../domain/programme-rules.ts';
import { issue, optionalText, plainText, readKr, say, text } from '../form-fields.ts';
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

/** The citizen's "no" to a purchase, with why if they want to say (spec: Citizen confirmation). */
export const DeclineInput = z.object({
  reason: optionalText(1000, 'multi'),
});

/** A proposal is at most the scheme's cap on a grant (spec: Maximum grant). */
const MAX_PRICE = LIMITS.maxGrant;
const PRICE_MESSAGE = message('field.portal.price');

/**
 * The price as the citizen types it ("2.500 kr.", "2500,-", "2 500"): one plain message for every way it
 * can be wrong, except an amount with two readings ("2.50"), which gets the question with both.
 */
function price() {
  return z
    .union([z.string(), z.number(), z.null()], { error: say(PRICE_MESSAGE.key) })
    .optional()
    .transform((value, ctx): Ore => {
      const result = readKr(value ?? '');
      if (!result.ok || result.value <= 0) {
        const ambiguous = !result.ok && result.error.code === 'ambiguous';
        ctx.addIssue(issue(ambiguous ? result.error.message : PRICE_MESSAGE));
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
