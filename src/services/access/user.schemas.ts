import { z } from 'zod';
import { MUNICIPAL_STAFF_ROLES } from '../../domain/roles.ts';
import { plainText, say } from '../form-fields.ts';

// One schema per use case of the staff accounts (conventions: Input validation).

export const CreateUserInput = z.object({
  name: plainText().min(1, say('field.user.name')).max(200, say('field.nameTooLong')),
  // Trimmed before the format check (zod checks run in order): a pasted address often ends in a space.
  email: z
    .string({ error: say('field.user.email') })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: say('field.user.email') }).max(254, say('field.user.emailTooLong'))),
  role: z.enum(MUNICIPAL_STAFF_ROLES, { error: say('field.user.role') }),
});

export const FirstAdminInput = z.object({
  municipalityCode: z.coerce
    .number({ error: say('field.cli.municipality') })
    .int(say('field.cli.municipality'))
    .min(101, say('field.cli.municipality'))
    .max(999, say('field.cli.municipality')),
  municipalityName: plainText().min(1).max(100).optional(),
  email: z
    .string({ error: say('field.cli.email') })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: say('field.cli.email') })),
  name: plainText('single', 'field.cli.name').min(1, say('field.cli.name')).max(200),
});

export const ResetPasswordInput = z
  .object({
    email: plainText().toLowerCase().min(1, say('field.reset.email')).max(254),
    code: plainText().min(1, say('field.reset.code')).max(40),
    password: z.string().min(1, say('field.reset.password')).max(1024),
    passwordRepeat: z.string(),
  })
  .refine((v) => v.password === v.passwordRepeat, {
    path: ['passwordRepeat'],
    message: say('field.reset.passwordRepeat'),
  });
