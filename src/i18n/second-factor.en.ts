import type { secondFactorDa } from './second-factor.da.ts';

// The second factor for local staff accounts, in English (spread into en.ts).
export const secondFactorEn: Record<keyof typeof secondFactorDa, string> = {
  'secondFactor.title': 'Two-step log-in',
  'secondFactor.link': 'Two-step log-in',
  'secondFactor.intro':
    'With two-step log-in you type both your password and a code from an authenticator app on your phone when you log in. Then nobody can log in as you with your password alone.',
  'secondFactor.on': 'Two-step log-in is on.',
  'secondFactor.off': 'Two-step log-in is not on.',
  'secondFactor.required': 'The municipality requires two-step log-in, so it cannot be turned off.',
  'secondFactor.notLocal':
    "You log in with the municipality's log-in or MitID. There, a second step is part of the log-in, so it is not turned on here.",
  'secondFactor.recoveryLeft': 'You have {count} unused recovery codes.',
  'secondFactor.start': 'Turn on two-step log-in',
  'secondFactor.manage': 'New recovery codes or turn off',
  'secondFactor.manageIntro': 'Type the code the app shows now, to confirm that it is you.',
  'secondFactor.newCodes': 'Make new recovery codes',
  'secondFactor.turnOff': 'Turn off two-step log-in',
  'secondFactor.turnedOff': 'Two-step log-in is off.',
  'secondFactor.usedRecovery':
    'You logged in with a recovery code. You have {count} left. Make new ones if you have lost your phone or are running out.',
  'secondFactor.code': 'Code',
  'secondFactor.codeHint': 'The 6 digits from the authenticator app.',
  'secondFactor.enrol.title': 'Turn on two-step log-in',
  'secondFactor.enrol.required':
    'Your municipality requires two-step log-in. Turn it on now; then you are logged in.',
  'secondFactor.enrol.app':
    'Get an authenticator app for your phone if you do not have one, such as Microsoft Authenticator or Google Authenticator.',
  'secondFactor.enrol.scan': 'Scan the QR code with the app.',
  'secondFactor.enrol.qrLabel': 'QR code for the authenticator app',
  'secondFactor.enrol.typeKey': 'If you cannot scan it, type this key into the app:',
  'secondFactor.enrol.key': 'Key',
  'secondFactor.enrol.confirm': 'Type the code the app shows, to confirm.',
  'secondFactor.enrol.submit': 'Turn on',
  'secondFactor.login.title': 'Type the code from your app',
  'secondFactor.login.intro':
    'Open the authenticator app on your phone and type the code for Borgerbudget. If you have lost your phone, you can type one of your recovery codes instead.',
  'secondFactor.login.codeHint': 'The 6 digits from the app, or a recovery code.',
  'secondFactor.login.submit': 'Log in',
  'secondFactor.login.back': 'Back to log-in',
  'secondFactor.recovery.title': 'Your recovery codes',
  'secondFactor.recovery.intro':
    'Keep the codes somewhere safe, for example printed. If you lose your phone, you can log in with one of them instead of the code from the app. Each code works once. The codes are shown only now.',
  'secondFactor.recovery.continue': 'Continue',
  'secondFactor.icon': 'Information',
  'secondFactor.reset': 'Reset two-step log-in',
  'secondFactor.resetLabel': 'Reset two-step log-in for {name}',
  'secondFactor.resetDone': '{name} is logged out and must turn on two-step log-in again.',
  'login.secondStepExpired': 'The log-in took too long. Log in again.',
  'error.access.secondFactorFailed': 'The code does not match. It may be mistyped, too old or already used.',
  'error.access.secondFactorExpired': 'The log-in took too long. Log in again.',
  'error.access.secondFactorNotLocal':
    "You log in with the municipality's log-in or MitID, so two-step log-in is not turned on here.",
  'error.access.secondFactorAlreadyOn': 'Two-step log-in is already on.',
  'error.access.secondFactorRequired':
    'The municipality requires two-step log-in, so it cannot be turned off.',
  'error.access.secondFactorNone': '{name} does not have two-step log-in turned on.',
  'field.secondFactor.code': 'Type the code.',
  'audit.secondFactor.enrol': 'A user turned on two-step log-in',
  'audit.secondFactor.useRecoveryCode': 'A user logged in with a recovery code',
  'audit.secondFactor.newRecoveryCodes': 'A user made new recovery codes',
  'audit.secondFactor.turnOff': 'A user turned off two-step log-in',
  'audit.secondFactor.reset': "An administrator reset a user's two-step log-in",
};
