import { z } from 'zod';
import { MUNICIPAL_STAFF_ROLES } from '../../domain/roles.ts';
import { USER_SORTS } from '../../domain/list-orders.ts';
import { optionalCode, plainText, say } from '../form-fields.ts';
import { pageFields, searchText } from '../paging.ts';

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

/** Whether an account is active or deactivated, as the user list filters it. */
const USER_STATUSES = ['active', 'deactivated'] as const;

const userListFields = {
  ...pageFields(USER_SORTS),
  q: searchText,
  role: optionalCode(MUNICIPAL_STAFF_ROLES, 'field.user.role'),
  status: optionalCode(USER_STATUSES, 'field.list.status'),
};

/** The user list (spec: Lists): page, order, search on name and e-mail, role, active or deactivated. */
export const UserListInput = z
  .object(userListFields)
  .optional()
  .transform((v) => v ?? z.object(userListFields).parse({}));
