import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { DemoPersona } from './demo-persona.ts';
import { FINISHED_PERSONAS } from './demo-personas-finished.ts';

// The demo's citizens (spec: Demo personas): fictional people like those of the 2020 evaluation report
// (§6.1, §6.4), across the four pilot municipalities and every phase. Days are counted back from the day the
// demo is loaded, so the phases ("active, month 4", "lead-in, week 10") hold on that day. CPR numbers
// follow the synthetic scheme of demo-cpr.ts: birth date + serial + gender → a number nobody has.

const d = (iso: string) => iso as CalendarDate;

export const DEMO_PERSONAS: DemoPersona[] = [
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
    key: 'sara',
    municipalityId: 621,
    name: 'Sara Lindqvist',
    birthDate: d('2004-08-03'),
    serial: 24,
    gender: 'female',
    preferredLanguage: 'da',
    referral: {
      source: 'jobcenter',
      reason: 'Angst, bor alene. Har selv fundet en kosmetikeruddannelse, men kan ikke betale den.',
      daysAgo: 330,
    },
    screeningDaysAgo: 322,
    decision: { accept: true, reason: 'Klart mål og stor motivation.', daysAgo: 318 },
    support: { local: 'stotteperson2', daysAgo: 316 },
    supportChange: {
      local: 'stotteperson',
      reason:
        'Sara bad om en anden støtteperson; hun kender Camilla fra værestedet og har bedre kontakt med hende.',
      daysAgo: 200,
    },
    intake: { targetGroups: ['mental_illness'], incomeSource: 'cash_benefit', highestEducation: 'primary' },
    plan: {
      daysAgo: 300,
      dream: 'At arbejde i en skønhedssalon.',
      goal: {
        description: 'Gennemføre en selvbetalt uddannelse som kosmetiker.',
        categories: ['education_employment', 'self_esteem_wellbeing'],
      },
      subGoals: [
        {
          description: 'Betale kursusgebyret',
          status: 'achieved',
          statusDaysAgo: 240,
          activity: { description: 'Kursusgebyr, kosmetikeruddannelsen', kr: 18500, category: 'education' },
        },
        {
          description: 'Købe udstyrskit til undervisningen',
          status: 'achieved',
          statusDaysAgo: 205,
          activity: { description: 'Udstyrskit', kr: 3200, category: 'education' },
        },
        {
          description: 'Komme stabilt til undervisningen',
          status: 'in_progress',
          statusDaysAgo: 150,
          activity: { description: 'Buskort, 6 måneder', kr: 1400, category: 'transport' },
        },
      ],
    },
    acknowledged: { daysAgo: 280, method: 'on_paper' },
    startDaysAgo: 270,
    notes: [
      { daysAgo: 240, body: 'Kursusgebyret er betalt. Sara er startet på holdet og møder stabilt.' },
      { daysAgo: 120, body: 'Sara har bestået første modul og er meget stolt.' },
    ],
  },
  {
    key: 'jonas',
    municipalityId: 250,
    name: 'Jonas Mølgaard',
    birthDate: d('1985-03-09'),
    serial: 37,
    gender: 'male',
    preferredLanguage: 'da',
    referral: {
      source: 'substance_treatment',
      reason: 'I alkoholbehandling. Gæld i to kviklån fylder meget og truer behandlingen.',
      daysAgo: 120,
    },
    screeningDaysAgo: 110,
    decision: { accept: true, reason: 'I målgruppen; stabil i behandlingen.', daysAgo: 105 },
    support: { local: 'stotteperson', daysAgo: 104 },
    intake: { targetGroups: ['substance_abuse'], incomeSource: 'cash_benefit', highestEducation: 'primary' },
    plan: {
      daysAgo: 90,
      dream: 'At være fri af kviklånene.',
      goal: {
        description: 'Styre min egen økonomi uden nye lån.',
        categories: ['finances_debt', 'substance_free'],
      },
      subGoals: [
        {
          description: 'Indfri to kviklån',
          status: 'in_progress',
          statusDaysAgo: 30,
          activity: { description: 'Indfrielse af to kviklån', kr: 9800, category: 'debt' },
        },
        {
          description: 'Gennemføre et budgetkursus',
          status: 'planned',
          activity: { description: 'Budgetkursus i aftenskolen', kr: 900, category: 'education' },
        },
      ],
    },
    acknowledged: { daysAgo: 65, method: 'in_person' },
    startDaysAgo: 60,
    notes: [
      { daysAgo: 50, body: 'Aftale med långiverne om indfrielse er på plads; begrundelsen er skrevet.' },
      {
        daysAgo: 20,
        body: 'Jonas har haft et tilbagefald, men mødte op i behandlingen mandag.',
        internal: true,
      },
    ],
  },
  {
    key: 'lone',
    municipalityId: 350,
    name: 'Lone Schmidt',
    birthDate: d('1990-06-21'),
    serial: 48,
    gender: 'female',
    preferredLanguage: 'da',
    referral: {
      source: 'housing_support',
      reason:
        'Har mistet kontakten med sine tre sønner; lejligheden er ikke indrettet til, at de kan besøge hende.',
      daysAgo: 380,
    },
    screeningDaysAgo: 372,
    decision: { accept: true, reason: 'Stærkt ønske om at genoprette kontakten til børnene.', daysAgo: 365 },
    support: { local: 'stotteperson', daysAgo: 364 },
    intake: {
      targetGroups: ['homelessness', 'other'],
      incomeSource: 'cash_benefit',
      highestEducation: 'upper_secondary',
    },
    plan: {
      daysAgo: 345,
      dream: 'At mine drenge kan sove hos mig.',
      goal: {
        description: 'En bolig, hvor drengene kan overnatte.',
        categories: ['housing', 'social_relations'],
      },
      subGoals: [
        {
          description: 'Male lejligheden og købe en sovesofa',
          status: 'achieved',
          statusDaysAgo: 250,
          activity: { description: 'Maling og sovesofa', kr: 7400, category: 'housing' },
        },
        {
          description: 'En weekendtur med drengene',
          status: 'planned',
          activity: { description: 'Weekendophold for fire', kr: 3500, category: 'family_experiences' },
        },
      ],
    },
    acknowledged: { daysAgo: 335, method: 'on_paper' },
    startDaysAgo: 320,
    notes: [
      {
        daysAgo: 250,
        body: 'Stuen er malet og sovesofaen leveret. Drengene har sovet hos Lone for første gang.',
      },
      { daysAgo: 90, body: 'Lone planlægger en weekendtur med drengene i efterårsferien.' },
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
    key: 'birgitte',
    municipalityId: 250,
    name: 'Birgitte Krogh',
    birthDate: d('1974-02-17'),
    serial: 62,
    gender: 'female',
    preferredLanguage: 'da',
    referral: {
      source: 'psychiatry',
      reason: 'Depression, førtidspension. Kommer sjældent ud af lejligheden.',
      daysAgo: 345,
    },
    screeningDaysAgo: 338,
    decision: { accept: true, reason: 'Ønsker at bryde isolationen.', daysAgo: 332 },
    support: { local: 'stotteperson', daysAgo: 331 },
    intake: {
      targetGroups: ['mental_illness'],
      incomeSource: 'disability_pension',
      highestEducation: 'upper_secondary',
    },
    plan: {
      daysAgo: 320,
      dream: 'At komme ud af lejligheden.',
      goal: { description: 'En hund og nogen at gå tur med.', categories: ['social_relations', 'health'] },
      subGoals: [
        {
          description: 'Købe hund og udstyr',
          status: 'achieved',
          statusDaysAgo: 240,
          activity: { description: 'Hund, snor, kurv og foder', kr: 6500, category: 'exercise_leisure' },
        },
      ],
    },
    acknowledged: { daysAgo: 302, method: 'in_person' },
    startDaysAgo: 300,
    close: { outcome: 'completed', daysAgo: 30 },
    notes: [
      {
        daysAgo: 240,
        body: 'Birgitte har fået sin hund, Bella. Hun går tur hver dag og har mødt to hundeejere.',
      },
      { daysAgo: 35, body: 'Afslutningssamtale: Birgitte oplever, at hun er tæt på sit mål.' },
    ],
  },
  {
    key: 'kasper',
    municipalityId: 621,
    name: 'Kasper Dahl',
    birthDate: d('2000-07-11'),
    serial: 71,
    gender: 'male',
    preferredLanguage: 'da',
    referral: {
      source: 'jobcenter',
      reason: 'Har droppet ud af uddannelse to gange. Hash fylder.',
      daysAgo: 280,
    },
    screeningDaysAgo: 272,
    decision: { accept: true, reason: 'Motiveret for en uddannelse med dyr.', daysAgo: 268 },
    support: { local: 'stotteperson', daysAgo: 266 },
    intake: {
      targetGroups: ['substance_abuse'],
      incomeSource: 'education_benefit',
      highestEducation: 'primary',
    },
    plan: {
      daysAgo: 255,
      dream: 'En uddannelse, hvor jeg arbejder med hunde.',
      goal: { description: 'Tage et kursus i hundepleje.', categories: ['education_employment'] },
      subGoals: [
        {
          description: 'Tilmelde mig kurset i hundepleje',
          status: 'dropped',
          statusDaysAgo: 105,
          activity: { description: 'Kursusgebyr, hundepleje', kr: 4200, category: 'education' },
        },
      ],
    },
    acknowledged: { daysAgo: 252, method: 'in_person' },
    startDaysAgo: 250,
    close: {
      outcome: 'terminated_early',
      daysAgo: 100,
      reason: 'Flyttet fra kommunen i måned 5. De ubrugte midler går tilbage til puljen.',
    },
    notes: [{ daysAgo: 110, body: 'Kasper fortæller, at han flytter til sin søster i en anden kommune.' }],
  },
  {
    key: 'fatima',
    municipalityId: 350,
    name: 'Fatima Al-Sayed',
    birthDate: d('1995-04-30'),
    serial: 84,
    gender: 'female',
    preferredLanguage: 'ar',
    referral: {
      source: 'jobcenter',
      reason: 'Enlig mor med begrænsede danskkundskaber; ønsker at komme i gang med en uddannelse.',
      daysAgo: 20,
    },
    screeningDaysAgo: 12,
    notes: [
      {
        daysAgo: 12,
        body: 'Visitationssamtale med tolk. Fatima har brug for sprogstøtte; giv hende materialet på arabisk.',
        internal: true,
      },
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
    key: 'nikolaj',
    municipalityId: 250,
    name: 'Nikolaj Skov',
    birthDate: d('1992-03-08'),
    serial: 16,
    gender: 'male',
    preferredLanguage: 'da',
    referral: {
      source: 'shelter',
      reason: 'Har boet et år på forsorgshjemmet og vil gerne videre.',
      daysAgo: 5,
    },
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
  // More closed cases: the followed-up base of the evaluation report.
  ...FINISHED_PERSONAS,
];
