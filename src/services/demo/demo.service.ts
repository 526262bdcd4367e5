import type { Tx } from '../../db/client.ts';
import { countMunicipalities, insertMunicipality } from '../../db/repositories/municipality.repository.ts';
import { insertDefaultProgramme } from '../../db/repositories/programme.repository.ts';
import { findUserByEmail, insertUser } from '../../db/repositories/user.repository.ts';
import { Conflict } from '../../domain/errors.ts';
import { DEFAULT_POOL, defaultProgrammeRules } from '../../domain/programme-rules.ts';
import { recordAudit } from '../audit.service.ts';
import type { ServiceDeps } from '../context.ts';
import { hashPassword } from '../access/password.ts';
import { loadDemoCases } from './demo-cases.ts';
import { demoCitizenLogins, loadDemoCitizenLogins } from './demo-citizen-logins.ts';
import { DEMO_SHOP } from './demo-money.ts';
import { loadDemoMoney } from './demo-money.ts';
import { loadDemoQuestionnaires } from './demo-questionnaires.ts';
import {
  DEMO_EVALUATOR,
  DEMO_MUNICIPALITIES,
  DEMO_PASSWORD,
  demoEmail,
  demoLogins,
  type DemoMunicipality,
} from './demo-organisation.ts';
import { message } from '../../i18n/index.ts';

// Demo data for trying Borgerbudget out (spec: Demo data). Loading it again changes nothing
// that is already there. Never in production: the logins are published in the README.

export function createDemoService(deps: ServiceDeps) {
  const { database, clock } = deps;

  return {
    logins: () => [...demoLogins(), ...demoCitizenLogins()],
    /** The shop that redeems the demo's vouchers, where a municipality offers them. */
    shops: () =>
      DEMO_MUNICIPALITIES.flatMap((m) =>
        m.shopPin ? [{ municipality: `${m.name} (${m.id})`, name: DEMO_SHOP, pin: m.shopPin }] : [],
      ),
    password: DEMO_PASSWORD,

    async isEmpty(): Promise<boolean> {
      const n = await database.transaction('all', (tx) => countMunicipalities(tx));
      return n == 0;
    },

    async load(): Promise<void> {
      if (deps.production) throw new Conflict(message('error.demo.production'));
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      const now = clock.now();
      for (const m of DEMO_MUNICIPALITIES) {
        await database.transaction({ municipalityId: m.id }, (tx) =>
          seedMunicipality(tx, m, passwordHash, now),
        );
      }
      await loadDemoCases(deps, now);
      await loadDemoMoney(deps, now);
      await loadDemoQuestionnaires(deps, now);
      await loadDemoCitizenLogins(deps);
      await database.transaction('all', async (tx) => {
        if (await findUserByEmail(tx, DEMO_EVALUATOR.email)) return;
        const user = await insertUser(tx, {
          ...DEMO_EVALUATOR,
          municipalityId: null,
          role: 'evaluator',
          passwordHash,
        });
        await recordAudit(tx, null, now, {
          municipalityId: null,
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          after: { name: user.name, email: user.email, role: user.role, source: 'demo' },
        });
      });
    },
  };
}

async function seedMunicipality(tx: Tx, m: DemoMunicipality, passwordHash: string, now: Date): Promise<void> {
  if (await insertMunicipality(tx, m.id, m.name, m.bank)) {
    const rules = defaultProgrammeRules();
    const programmeId = await insertDefaultProgramme(tx, m.id, rules, {
      name: 'Personlige borgerstyrede budgetter 2026–2027',
      target_group: m.targetGroup,
      period_start: '2026-01-01',
      period_end: '2027-12-31',
      pool_ore: DEFAULT_POOL,
      account_string: `${m.id}-5.38.50-BORGERBUDGET`,
      voucher_enabled: m.shopPin !== undefined,
    });
    await recordAudit(tx, null, now, {
      municipalityId: m.id,
      action: 'programme.create',
      entityType: 'programme',
      entityId: programmeId,
      after: { source: 'demo' },
    });
  }
  for (const s of m.staff) {
    const email = demoEmail(m, s.local);
    if (await findUserByEmail(tx, email)) continue;
    const user = await insertUser(tx, {
      municipalityId: m.id,
      email,
      name: s.name,
      role: s.role,
      passwordHash,
    });
    await recordAudit(tx, null, now, {
      municipalityId: m.id,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { name: s.name, email, role: s.role, source: 'demo' },
    });
  }
}
