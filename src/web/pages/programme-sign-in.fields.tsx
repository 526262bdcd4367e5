import type { FieldErrors } from '../../domain/errors.ts';
import { CHANGE_ASSURANCE_LEVELS, CITIZEN_SIGN_IN_WAYS } from '../../domain/sign-in.ts';
import type { Programme } from '../../services/cases/programme.service.ts';
import { RadioGroup, type Values } from '../components/form.tsx';
import type { PageContext } from '../context.ts';

// The programme form's fieldset on log-in (spec: Citizen log-in; spec: Log-in and assurance): the ways
// citizens may log in to the portal, shown where the server knows MitID, and the level staff must have
// logged in at before they change money or personal data.

export function SignInFields(f: {
  ctx: PageContext;
  values: Values;
  errors?: FieldErrors | undefined;
  mitId: boolean;
}) {
  const { t } = f.ctx;
  return (
    <fieldset>
      <legend class="h2">{t('programme.section.signIn')}</legend>
      {f.mitId ? (
        <RadioGroup
          {...f}
          name="citizenSignIn"
          label={t('programme.citizenSignIn')}
          hint={t('programme.citizenSignIn.hint')}
          options={CITIZEN_SIGN_IN_WAYS.map((w) => ({ value: w, label: t(`programme.citizenSignIn.${w}`) }))}
        />
      ) : null}
      <RadioGroup
        {...f}
        name="changeAssurance"
        label={t('programme.changeAssurance')}
        hint={t('programme.changeAssurance.hint')}
        options={CHANGE_ASSURANCE_LEVELS.map((l) => ({
          value: l,
          label: t(`programme.changeAssurance.${l}`),
        }))}
      />
    </fieldset>
  );
}

/** The log-in settings as label–value rows for the programme page. */
export function signInRows(ctx: PageContext, programme: Programme, mitId: boolean): [string, string][] {
  const { t } = ctx;
  const { citizenWays, changeAssurance } = programme.signIn;
  return [
    ...(mitId
      ? [[t('programme.citizenSignIn'), t(`programme.citizenSignIn.${citizenWays}`)] as [string, string]]
      : []),
    [t('programme.changeAssurance'), t(`programme.changeAssurance.${changeAssurance}`)],
  ];
}
