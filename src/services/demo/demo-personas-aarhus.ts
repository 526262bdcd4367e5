import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { DemoPersona } from './demo-persona.ts';

// The demo personas of Aarhus Kommune (demo-personas.ts).

const d = (iso: string) => iso as CalendarDate;

export const AARHUS_PERSONAS: DemoPersona[] = [
  {
    key: 'mads',
    municipalityId: 751,
    name: 'Mads Bøgh',
    birthDate: d('2002-05-14'),
    serial: 11,
    gender: 'male',
    preferredLanguage: 'da',
    referral: {
      source: 'street_team',
      reason: 'Sofasurfer efter udskrivning fra en ungdomsinstitution. Vil gerne i gang med noget praktisk.',
      daysAgo: 200,
    },
    screeningDaysAgo: 190,
    decision: {
      accept: true,
      reason: 'Ung, hjemløs og uden uddannelse; motiveret for ordningen.',
      daysAgo: 182,
    },
    support: { local: 'stotteperson', daysAgo: 180 },
    intake: {
      targetGroups: ['homelessness'],
      incomeSource: 'education_benefit',
      highestEducation: 'primary',
    },
    plan: {
      daysAgo: 150,
      dream: 'Et arbejde, hvor jeg kan bruge mine hænder.',
      goal: {
        description: 'Komme i lære som cykelmekaniker.',
        categories: ['education_employment', 'independence'],
      },
      subGoals: [
        {
          description: 'Få en cykel, så jeg kan komme til værkstedet',
          status: 'achieved',
          statusDaysAgo: 90,
          activity: { description: 'Brugt cykel med lygter og lås', kr: 2800, category: 'transport' },
        },
        {
          description: 'Tage teoriprøven til kørekort',
          status: 'in_progress',
          statusDaysAgo: 40,
          activity: { description: 'Teoriundervisning og prøvegebyr', kr: 1500, category: 'transport' },
        },
        {
          description: 'Skaffe arbejdstøj til praktikken',
          status: 'planned',
          activity: { description: 'Arbejdsbukser og sikkerhedssko', kr: 1200, category: 'clothing_care' },
        },
      ],
    },
    acknowledged: { daysAgo: 112, method: 'in_person' },
    startDaysAgo: 105,
    notes: [
      { daysAgo: 95, body: 'Cyklen er købt. Mads cykler til værkstedet i Brabrand tre dage om ugen.' },
      {
        daysAgo: 30,
        body: 'Mads har mistet sin soveplads hos en ven. Tag boligsituationen op med bostøtten.',
        internal: true,
      },
    ],
  },
  {
    key: 'ahmed',
    municipalityId: 751,
    name: 'Ahmed Hassan',
    birthDate: d('1997-10-02'),
    serial: 53,
    gender: 'male',
    preferredLanguage: 'da',
    referral: {
      source: 'street_team',
      reason: 'Gadehjemløs indtil for nylig; bor nu på et herberg.',
      daysAgo: 95,
    },
    screeningDaysAgo: 85,
    decision: { accept: true, reason: 'I målgruppen og har selv bedt om at komme med.', daysAgo: 70 },
    support: { local: 'stotteperson2', daysAgo: 68 },
    intake: {
      targetGroups: ['homelessness', 'substance_abuse'],
      incomeSource: 'cash_benefit',
      highestEducation: 'primary',
    },
    plan: {
      daysAgo: 40,
      dream: 'Jeg ved det ikke helt endnu. Et sted at bo og noget at stå op til.',
      ideas: ['Hund?', 'Madlavningskursus', 'En ordentlig seng'],
    },
    notes: [
      {
        daysAgo: 40,
        body: 'Første snak om drømme. Idéerne er skrevet på idélisten; Ahmed vil tænke over dem.',
      },
      { daysAgo: 10, body: 'Ahmed har fået en midlertidig bolig. Vi ses igen om to uger.' },
    ],
  },
  {
    key: 'peter',
    municipalityId: 751,
    name: 'Peter Vestergaard',
    birthDate: d('1981-09-05'),
    serial: 95,
    gender: 'male',
    preferredLanguage: 'da',
    referral: { source: 'social_services', reason: 'Ønsker at komme i arbejde som chauffør.', daysAgo: 230 },
    screeningDaysAgo: 222,
    decision: { accept: true, reason: 'Konkret mål; har et jobtilbud, hvis han får kørekort.', daysAgo: 215 },
    support: { local: 'stotteperson', daysAgo: 214 },
    intake: { targetGroups: ['other'], incomeSource: 'cash_benefit', highestEducation: 'primary' },
    plan: {
      daysAgo: 190,
      dream: 'Et job som chauffør.',
      goal: { description: 'Tage kørekort til bil.', categories: ['education_employment'] },
      subGoals: [
        {
          description: 'Køretimer og køreprøve',
          status: 'in_progress',
          statusDaysAgo: 120,
          activity: { description: 'Køreundervisning', kr: 6000, category: 'transport' },
        },
      ],
    },
    acknowledged: { daysAgo: 172, method: 'in_person' },
    startDaysAgo: 165,
    pauseDaysAgo: { from: 18, reason: 'Afsoner en dom på 30 dages fængsel.' },
    notes: [
      { daysAgo: 120, body: 'Peter har bestået teoriprøven; køretimerne er i gang.' },
      {
        daysAgo: 18,
        body: 'Perioden er sat på pause under afsoningen og genoptages ved løsladelsen.',
        internal: true,
      },
    ],
  },
  {
    key: 'louise',
    municipalityId: 751,
    name: 'Louise Brink',
    birthDate: d('1999-06-15'),
    serial: 27,
    gender: 'female',
    preferredLanguage: 'da',
    referral: { source: 'self', reason: 'Har selv henvendt sig efter et informationsmøde.', daysAgo: 60 },
    screeningDaysAgo: 52,
    decision: {
      accept: false,
      reason: 'Louise vil ikke deltage nu; hun er i et andet forløb og vender tilbage senere.',
      daysAgo: 50,
    },
  },
];
