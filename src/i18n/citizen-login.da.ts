// The citizen's log-in (spec: Citizen log-in): activation with a code from the support person, and the letter
// with the code. Plain Danish for a reader who may find reading hard: short sentences, everyday words (LIX
// ≤ 35, measured in tests/integration/citizen-login.test.ts). Spread into da.ts.
export const citizenLoginDa = {
  'citizenLogin.login.code': 'Har du fået en kode fra din støtteperson?',
  'citizenLogin.login.codeLink': 'Brug koden her',

  'citizenLogin.activate.title': 'Lav dit log ind',
  'citizenLogin.activate.intro':
    'Du skal bruge koden fra din støtteperson. Så vælger du, hvordan du vil logge ind.',
  'citizenLogin.activate.code': 'Din kode',
  'citizenLogin.activate.codeHint': 'Den står i dit brev. Fx ABCD-EFGH-JKLM',
  'citizenLogin.activate.login': 'Dit mobilnummer eller din e-mail',
  'citizenLogin.activate.loginHint': 'Det skal du bruge, når du logger ind. Fx 22\u00a034\u00a056\u00a078',
  'citizenLogin.activate.password': 'Vælg en adgangskode',
  'citizenLogin.activate.passwordHint': 'Mindst 12 tegn. Brug gerne tre ord, fx grøn hest på tag.',
  'citizenLogin.activate.passwordRepeat': 'Skriv den samme adgangskode igen',
  'citizenLogin.activate.submit': 'Log ind',
  'citizenLogin.activate.help': 'Virker koden ikke? Så ring til din støtteperson. Du kan få en ny kode.',

  'citizenLogin.case.heading': 'Borgerens log ind',
  'citizenLogin.case.text':
    'Borgeren kan se sit forløb på nettet. Giv borgeren en kode. En ny kode erstatter den gamle og logger borgeren ud.',
  'citizenLogin.case.submit': 'Lav en kode til borgeren',

  'citizenLogin.code.title': 'Kode til {name}',
  'citizenLogin.code.once': 'Koden vises kun nu. Udskriv brevet, eller giv koden til borgeren.',
  'citizenLogin.code.expires': 'Koden virker til og med {date}.',
  'citizenLogin.code.print': 'Udskriv siden for at få brevet på papir. Kun brevet kommer med.',
  'citizenLogin.code.back': 'Tilbage til forløbet',

  'citizenLogin.letter.label': 'Brev til borgeren',
  'citizenLogin.letter.greeting': 'Kære {name}',
  'citizenLogin.letter.intro': 'Nu kan du se dit budget på nettet. Du kan også se dine mål og dine køb.',
  'citizenLogin.letter.code': 'Din kode:',
  'citizenLogin.letter.expires': 'Koden virker til og med {date}. Du kan kun bruge den én gang.',
  'citizenLogin.letter.steps': 'Sådan gør du',
  'citizenLogin.letter.step1': 'Gå ind på {address}',
  'citizenLogin.letter.step2': 'Skriv koden. Skriv dit mobilnummer eller din e-mail.',
  'citizenLogin.letter.step3': 'Vælg en adgangskode. Så er du logget ind.',
  'citizenLogin.letter.help': 'Har du brug for hjælp? Så ring til mig.',
  'citizenLogin.letter.regards': 'Venlig hilsen',
} as const;
