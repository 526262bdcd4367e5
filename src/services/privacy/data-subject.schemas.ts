import { z } from 'zod';
import { checkbox, optionalText, say, text } from '../form-fields.ts';

// The forms of the citizen's requests about their data (spec: Data-subject requests), one schema each
// (conventions: Input validation).

const MAX_NOTE = 2000;

/** A full copy, or lifting a restriction: an optional note on how the citizen asked. */
export const RequestNoteInput = z.object({ note: optionalText(MAX_NOTE, 'multi') });

/** Restriction needs its reason: it is shown while the case is read-only. */
export const RestrictInput = z.object({ reason: text('field.dataSubject.reason', MAX_NOTE, 'multi') });

/**
 * Erasure needs the coordinator's confirmation. It takes no note: a note would be words about the
 * citizen that outlive the erasure.
 */
export const EraseInput = z.object({
  confirm: checkbox.refine((ticked) => ticked, say('field.dataSubject.confirm')),
});
