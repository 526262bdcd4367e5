import { EXPENSE_CATEGORY_LABELS, type ExpenseCategory } from '../../../domain/expense-category.ts';
import { formatKr, type Ore } from '../../../domain/money.ts';
import { PURCHASE_STATUS_LABELS } from '../../../domain/purchase-request.ts';
import type { CaseData } from '../../../services/portal/personal-data.service.ts';
import type { PageContext } from '../../context.ts';
import { isMessageKey } from '../../../i18n/index.ts';
import { date, dateOf, Empty, label } from './personal-data-case.page.tsx';

// The money of a case in "Mine data" (spec: Mine data): what was bought, and what was paid.

/** The status of a request in everyday words (the staff pages' words are the case-work terms). */
function statusText(ctx: PageContext, status: string): string {
  const key = `portalSelf.status.${status}`;
  return isMessageKey(key) ? ctx.t(key) : label(ctx, PURCHASE_STATUS_LABELS, status);
}

export function PurchaseSection({ ctx, c }: { ctx: PageContext; c: CaseData }) {
  const { t } = ctx;
  return (
    <>
      <h3>{t('portalSelf.data.purchases')}</h3>
      {c.purchases.length === 0 ? (
        <Empty ctx={ctx} />
      ) : (
        <ul class="nobullet-list">
          {c.purchases.map((p) => (
            <li class="mb-4">
              <strong>{p.title}</strong>
              <br />
              {`${formatKr(p.amountOre as Ore)} ${statusText(ctx, p.status)}.`}
              <br />
              {`${label(ctx, EXPENSE_CATEGORY_LABELS, p.category as ExpenseCategory)}.${p.vendor ? ` ${p.vendor}.` : ''}`}
              {p.attachments.length > 0 ? (
                <>
                  <br />
                  {`${t('portalSelf.data.col.files')}: ${p.attachments.map((a) => a.fileName).join(', ')}`}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('portalSelf.data.payments')}</h3>
      {c.withheld.grantHidden ? <p>{t('portalSelf.data.grantHidden')}</p> : null}
      {c.ledger.length === 0 ? (
        <Empty ctx={ctx} />
      ) : (
        <ul>
          {c.ledger.map((e) => (
            <li>
              {`${e.paidOn ? date(ctx, e.paidOn) : dateOf(ctx, e.postedAt)}: ${ledgerText(ctx, e.kind)}, ${formatKr(e.amountOre as Ore)}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ledgerText(ctx: PageContext, kind: string): string {
  const key = `portalSelf.ledger.${kind}`;
  return isMessageKey(key) ? ctx.t(key) : kind;
}
