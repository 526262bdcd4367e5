// Spending (spec: Figures; 2020 evaluation report, §6.1 "transport, teknik og tænder") over the started
// cases: what was granted, spent (payments minus refunds) and returned to the pool at close, and per expense
// category the amount, the number of purchases and the number of citizens. Every category appears, with zeros
// where nothing was bought, so tables and CSV columns never shift. Amounts are summed in øre and only turned
// into kroner numbers (at most two decimals; formats: Report JSON) at the end.

import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../expense-category.ts';
import { oreToKrNumber, sumOre, type Ore } from '../money.ts';
import { perMunicipality, type Bases, type PerMunicipality } from './bases.ts';
import { rowsOf, sumOf, type SpendingCategoryRow, type SpendingTotalsRow } from './report-rows.ts';

export interface SpendingCategory {
  readonly kr: number;
  readonly count: number;
  readonly citizens: number;
}

export interface Spending {
  /** Started cases. */
  readonly n: number;
  readonly grantedKr: number;
  readonly spentKr: number;
  readonly returnedKr: number;
  readonly byCategory: Readonly<Record<ExpenseCategory, SpendingCategory>>;
}

function assertCount(name: string, x: number): void {
  if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`${name} must be a count, got ${x}`);
}

/** Spending of one set of rows (one municipality, or all) for a base of `n` started cases. */
function spendingOf(
  totals: readonly SpendingTotalsRow[],
  categories: readonly SpendingCategoryRow[],
  n: number,
): Spending {
  const byCategory = {} as Record<ExpenseCategory, SpendingCategory>;
  for (const category of EXPENSE_CATEGORIES) {
    const own = categories.filter((r) => r.category === category);
    const count = sumOf(own, (r) => r.count);
    const citizens = sumOf(own, (r) => r.citizens);
    assertCount(`${category} count`, count);
    assertCount(`${category} citizens`, citizens);
    if (citizens > n) throw new RangeError(`${category}: ${citizens} citizens of ${n} started cases`);
    byCategory[category] = { kr: kr(own.map((r) => r.amount)), count, citizens };
  }
  for (const r of categories) {
    if (!(EXPENSE_CATEGORIES as readonly string[]).includes(r.category))
      throw new RangeError(`Unknown expense category: ${r.category}`);
  }
  return {
    n,
    grantedKr: kr(totals.map((r) => r.granted)),
    spentKr: kr(totals.map((r) => r.spent)),
    returnedKr: kr(totals.map((r) => r.returned)),
    byCategory,
  };
}

function kr(amounts: readonly Ore[]): number {
  return oreToKrNumber(sumOre(amounts));
}

export function spendingFigure(
  totals: readonly SpendingTotalsRow[],
  categories: readonly SpendingCategoryRow[],
  bases: Bases,
): PerMunicipality<Spending> {
  return perMunicipality(bases, (m) =>
    spendingOf(rowsOf(totals, m), rowsOf(categories, m), bases.of(m).started),
  );
}
