import { z } from 'zod';
import { checkbox, optionalDate, text } from '../form-fields.ts';

// The follow-up note form and API body (conventions: Input validation). A note is shared with the
// citizen unless it is marked internal (spec: Follow-up notes).

export const NoteInput = z.object({
  writtenOn: optionalDate,
  body: text('field.note.body', 10_000, 'multi'),
  internal: checkbox,
});
export type NoteInput = z.input<typeof NoteInput>;
