import { openDatabase } from '../src/db/client.ts';
import { sql } from 'kysely';
const t = Date.now();
const h = await openDatabase({ dataDir: 'memory://' });
console.log('open', Date.now() - t);
await h.transaction('all', async (tx) => {
  await tx.insertInto('municipality').values([{ id: 751, name: 'Aarhus', bank_account: null, bank_registration: null, iban: null }, { id: 250, name: 'Halsnæs', bank_account: null, bank_registration: null, iban: null }]).execute();
});
console.log(await h.transaction({ municipalityId: 751 }, (tx) => tx.selectFrom('municipality').selectAll().execute()));
console.log(await h.db.selectFrom('municipality').selectAll().execute());
console.log((await sql`select current_user`.execute(h.db)).rows);
try { await h.transaction('all', (tx) => sql`delete from audit_event`.execute(tx)); } catch (e) { console.log('refused', (e as Error).message); }
await h.close();
