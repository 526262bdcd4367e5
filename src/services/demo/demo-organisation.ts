import type { MunicipalStaffRole } from '../../domain/roles.ts';

// The four pilot municipalities of the 2017–2019 scheme (2020 evaluation report, §5), with their own target
// groups, and fictional staff. E-mail addresses use the reserved .example domain: they can reach nobody.

export const DEMO_PASSWORD = 'Demo-kode-2026!';

export interface DemoMunicipality {
  id: number;
  name: string;
  slug: string;
  targetGroup: string;
  bank: { registration: string; account: string };
  staff: { role: MunicipalStaffRole; name: string; local: string }[];
  /**
   * The programme offers vouchers (spec: Vouchers), and the demo's bicycle shop redeems them with this
   * PIN (published with the logins).
   */
  shopPin?: string;
}

export const DEMO_MUNICIPALITIES: DemoMunicipality[] = [
  {
    id: 751,
    name: 'Aarhus Kommune',
    slug: 'aarhus',
    targetGroup: 'Unge i alderen 18–30 år ramt af hjemløshed, med psykiske og/eller sociale vanskeligheder.',
    bank: { registration: '9999', account: '0000751001' },
    staff: [
      { role: 'coordinator', name: 'Hanne Kjær', local: 'koordinator' },
      { role: 'support', name: 'Morten Lund', local: 'stotteperson' },
      { role: 'support', name: 'Aisha Rahimi', local: 'stotteperson2' },
      { role: 'finance', name: 'Bent Sørensen', local: 'okonomi' },
      { role: 'admin', name: 'Lars Holm', local: 'admin' },
    ],
  },
  {
    id: 250,
    name: 'Halsnæs Kommune',
    slug: 'halsnaes',
    targetGroup:
      'Borgere med dobbeltproblematikker – misbrug og/eller psykisk sårbarhed – og en truet boligsituation.',
    bank: { registration: '9999', account: '0000250001' },
    staff: [
      { role: 'coordinator', name: 'Dorthe Vinther', local: 'koordinator' },
      { role: 'support', name: 'Jesper Nygaard', local: 'stotteperson' },
      { role: 'finance', name: 'Susanne Friis', local: 'okonomi' },
      { role: 'admin', name: 'Kim Bach', local: 'admin' },
    ],
  },
  {
    id: 621,
    name: 'Kolding Kommune',
    slug: 'kolding',
    shopPin: '20260621',
    targetGroup: 'Unge i hjemløshed og særligt udsatte unge på 18–30 år uden kompetencegivende uddannelse.',
    bank: { registration: '9999', account: '0000621001' },
    staff: [
      { role: 'coordinator', name: 'Pia Mortensen', local: 'koordinator' },
      { role: 'support', name: 'Camilla Brandt', local: 'stotteperson' },
      { role: 'support', name: 'Rasmus Ebbesen', local: 'stotteperson2' },
      { role: 'finance', name: 'Ole Dam', local: 'okonomi' },
      { role: 'admin', name: 'Trine Juhl', local: 'admin' },
    ],
  },
  {
    id: 350,
    name: 'Lejre Kommune',
    slug: 'lejre',
    targetGroup:
      'Borgere i hjemløshed, modtagere af bostøtte og udsatte borgere med familiemæssige problemer.',
    bank: { registration: '9999', account: '0000350001' },
    staff: [
      { role: 'coordinator', name: 'Mette Hald', local: 'koordinator' },
      { role: 'support', name: 'Søren Kragh', local: 'stotteperson' },
      { role: 'finance', name: 'Lise Winther', local: 'okonomi' },
      { role: 'admin', name: 'Niels Thygesen', local: 'admin' },
    ],
  },
];

export const DEMO_EVALUATOR = { name: 'Ida Lauritsen', email: 'evaluator@socialstyrelsen.example' };

export function demoEmail(m: DemoMunicipality, local: string): string {
  return `${local}@${m.slug}.example`;
}

export interface DemoLogin {
  municipality: string;
  role: string;
  name: string;
  email: string;
}

export function demoLogins(): DemoLogin[] {
  return [
    ...DEMO_MUNICIPALITIES.flatMap((m) =>
      m.staff.map((s) => ({
        municipality: `${m.name} (${m.id})`,
        role: s.role,
        name: s.name,
        email: demoEmail(m, s.local),
      })),
    ),
    {
      municipality: 'Socialstyrelsen',
      role: 'evaluator',
      name: DEMO_EVALUATOR.name,
      email: DEMO_EVALUATOR.email,
    },
  ];
}
