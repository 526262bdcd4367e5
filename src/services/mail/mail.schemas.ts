import { z } from 'zod';
import type { NotifyChoice } from '../../db/schema-mail.ts';
import { say } from '../form-fields.ts';

// The staff user's choice of e-mails (spec: E-mail notifications), from their settings page or the API.

export const NOTIFY_CHOICES = ['digest', 'immediate', 'none'] as const satisfies readonly NotifyChoice[];

export const NotifyInput = z.object({
  notify: z.enum(NOTIFY_CHOICES, { error: say('mail.field.notify') }),
});
