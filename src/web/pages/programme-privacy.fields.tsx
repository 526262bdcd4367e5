import type { FieldErrors } from '../../domain/errors.ts';
import { LEGAL_BASES } from '../../domain/retention.ts';
import { RadioGroup, TextField, type Values } from '../components/form.tsx';
import type { PageContext } from '../context.ts';

// The programme form's fieldset on personal data (spec: Retention): how long a closed case keeps it,
// the legal basis, and where citizens ask about it.

export function PrivacyFields(f: { ctx: PageContext; values: Values; errors?: FieldErrors | undefined }) {
  const { t } = f.ctx;
  return (
    <fieldset>
      <legend class="h2">{t('programme.section.privacy')}</legend>
      <TextField
        {...f}
        name="retentionMonths"
        label={t('programme.retentionMonths')}
        hint={t('programme.retentionMonthsHint')}
        inputmode="numeric"
        width="xs"
      />
      <RadioGroup
        {...f}
        name="legalBasis"
        label={t('programme.legalBasis')}
        hint={t('programme.legalBasisHint')}
        options={LEGAL_BASES.map((b) => ({ value: b, label: t(`programme.legalBasis.${b}`) }))}
      />
      <TextField
        {...f}
        name="privacyContact"
        label={t('programme.privacyContact')}
        hint={t('programme.privacyContactHint')}
      />
    </fieldset>
  );
}
