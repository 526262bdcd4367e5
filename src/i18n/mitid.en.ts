import type { mitIdDa } from './mitid.da.ts';

// The citizen's log-in with MitID, in English. Spread into en.ts.
export const mitIdEn = {
  'mitid.button': 'Log in with MitID',
  'mitid.signedIn': 'Logged in with MitID',

  'mitid.refused.back': 'Back to log-in',
  'mitid.level.title': 'Log in with MitID again',
  'mitid.level.text':
    'You logged in at too low a level. Log in again with the MitID app or a MitID code display. Then the level is high enough.',
  'mitid.unknown.title': 'We cannot find your course',
  'mitid.unknown.text':
    'You are not in a course with us at the moment, or you have not been registered yet. Contact your support person at the municipality. We have not saved anything about you.',
  'mitid.notOffered.title': 'Your course does not use MitID',
  'mitid.notOffered.text':
    'Log in with the code or the password you got from your support person. Contact your support person if you need help.',
  'mitid.closed.title': 'Your access is closed',
  'mitid.closed.text': 'Contact your support person at the municipality if you need access again.',
  'mitid.failed.title': 'You were not logged in',
  'mitid.failed.text': 'Logging in with MitID was interrupted, or it took too long. Try again.',

  'mitid.onlyMitId': 'Your course uses log-in with MitID. Log in with MitID.',
  'mitid.case.mitIdOnly':
    'The programme uses log-in with MitID only. The citizen logs in with MitID and needs no code.',
  'mitid.codeNotOffered': 'The programme uses log-in with MitID only. The citizen needs no code.',

  'programme.section.signIn': 'Log-in',
  'programme.citizenSignIn': "Citizens' log-in",
  'programme.citizenSignIn.hint': "The ways the programme's citizens can log in to the portal.",
  'programme.citizenSignIn.code_and_mitid': 'Code from the support person, and MitID',
  'programme.citizenSignIn.mitid_only': 'MitID only',
  'programme.citizenSignIn.code_only': 'Code from the support person only',
  'programme.changeAssurance': 'Log-in level before changes to money and personal data',
  'programme.changeAssurance.hint':
    "Substantial: staff must be logged in with the municipality's log-in or with a code from an app before they change money or personal data.",
  'programme.changeAssurance.low': 'Low (password)',
  'field.programme.citizenSignIn': 'Choose how citizens log in',
  'field.programme.changeAssurance': 'Choose the log-in level before changes',
  'programme.changeAssurance.substantial': "Substantial (two factors, or the municipality's log-in)",
} as const satisfies Record<keyof typeof mitIdDa, string>;
