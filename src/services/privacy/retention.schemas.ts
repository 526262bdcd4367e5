import { z } from 'zod';
import { text } from '../form-fields.ts';

// The coordinator's legal hold on a case (spec: Retention): why the case must not be anonymised, in
// plain text. One schema for the form and the API (conventions: Input validation).

export const LegalHoldInput = z.object({
  reason: text('field.retention.reason', 2000, 'multi'),
});
export type LegalHoldInput = z.input<typeof LegalHoldInput>;
