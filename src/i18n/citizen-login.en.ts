import type { citizenLoginDa } from './citizen-login.da.ts';

// The citizen's log-in in English (spread into en.ts).
export const citizenLoginEn: Record<keyof typeof citizenLoginDa, string> = {
  'citizenLogin.login.code': 'Did you get a code from your support person?',
  'citizenLogin.login.codeLink': 'Use the code here',

  'citizenLogin.activate.title': 'Make your log-in',
  'citizenLogin.activate.intro': 'You need the code from your support person. Then you choose how to log in.',
  'citizenLogin.activate.code': 'Your code',
  'citizenLogin.activate.codeHint': 'It is in your letter. E.g. ABCD-EFGH-JKLM',
  'citizenLogin.activate.login': 'Your mobile number or your e-mail',
  'citizenLogin.activate.loginHint': 'You use it when you log in. E.g. 22\u00a034\u00a056\u00a078',
  'citizenLogin.activate.password': 'Choose a password',
  'citizenLogin.activate.passwordHint':
    'At least 12 characters. Three words are good, e.g. green horse on roof.',
  'citizenLogin.activate.passwordRepeat': 'Type the same password again',
  'citizenLogin.activate.submit': 'Log in',
  'citizenLogin.activate.help': 'Does the code not work? Call your support person. You can get a new code.',

  'citizenLogin.case.heading': "The citizen's log-in",
  'citizenLogin.case.text':
    'The citizen can see their case online. Give the citizen a code. A new code replaces the old one and logs the citizen out.',
  'citizenLogin.case.submit': 'Make a code for the citizen',

  'citizenLogin.code.title': 'Code for {name}',
  'citizenLogin.code.once': 'The code is shown only now. Print the letter, or give the code to the citizen.',
  'citizenLogin.code.expires': 'The code works until and including {date}.',
  'citizenLogin.code.print': 'Print the page to get the letter on paper. Only the letter is printed.',
  'citizenLogin.code.back': 'Back to the case',

  'citizenLogin.letter.label': 'Letter to the citizen',
  'citizenLogin.letter.greeting': 'Dear {name}',
  'citizenLogin.letter.intro':
    'Now you can see your budget online. You can also see your goals and your purchases.',
  'citizenLogin.letter.code': 'Your code:',
  'citizenLogin.letter.expires': 'The code works until and including {date}. You can use it only once.',
  'citizenLogin.letter.steps': 'How to do it',
  'citizenLogin.letter.step1': 'Go to {address}',
  'citizenLogin.letter.step2': 'Type the code. Type your mobile number or your e-mail.',
  'citizenLogin.letter.step3': 'Choose a password. Then you are logged in.',
  'citizenLogin.letter.help': 'Do you need help? Then call me.',
  'citizenLogin.letter.regards': 'Kind regards',
};
