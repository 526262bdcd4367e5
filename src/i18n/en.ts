import type { MessageKey } from './da.ts';
import { citizenLoginEn } from './citizen-login.en.ts';
import { mitIdEn } from './mitid.en.ts';
import { staffSsoEn } from './staff-sso.en.ts';
import { secondFactorEn } from './second-factor.en.ts';
import { portalEn } from './portal.en.ts';
import { importEn } from './import.en.ts';
import { portalSelfEn } from './portal-self.en.ts';
import { layoutEn } from './layout.en.ts';
import { accessEn } from './access.en.ts';
import { programmeEn } from './programme.en.ts';
import { casesEn } from './cases.en.ts';
import { planEn } from './plan.en.ts';
import { caseMoneyEn } from './case-money.en.ts';
import { financeEn } from './finance.en.ts';
import { evaluationEn } from './evaluation.en.ts';
import { fieldsEn } from './fields.en.ts';
import { fieldsCasesEn } from './fields-cases.en.ts';
import { fieldsMoneyEn } from './fields-money.en.ts';
import { fieldsAccessEn } from './fields-access.en.ts';
import { errorsEn } from './errors.en.ts';
import { domainMoneyEn } from './domain-money.en.ts';
import { domainCasesEn } from './domain-cases.en.ts';
import { domainPaymentFileEn } from './domain-payment-file.en.ts';
import { domainEvaluationEn } from './domain-evaluation.en.ts';
import { domainInstrumentsEn } from './domain-instruments.en.ts';
import { cliEn } from './cli.en.ts';
import { vouchersEn } from './vouchers.en.ts';
import { voucherPagesEn } from './voucher-pages.en.ts';
import { voucherShopEn } from './voucher-shop.en.ts';
import { voucherStaffEn } from './voucher-staff.en.ts';
import { domainImportEn } from './domain-import.en.ts';
import { dataSubjectEn } from './data-subject.en.ts';
import { eventsEn } from './events.en.ts';
import { retentionEn } from './retention.en.ts';
import { privacyNoticeEn } from './privacy-notice.en.ts';
import { workEn } from './work.en.ts';
import { confirmEn } from './confirm.en.ts';
import { vendorProposalsEn } from './vendor-proposals.en.ts';
import { purchaseDeclineEn } from './purchase-decline.en.ts';
import { importColumnsEn } from './import-columns.en.ts';
import { mailEn } from './mail.en.ts';
import { listsEn } from './lists.en.ts';

// English, the second language (spec: Languages). Every Danish key must be here: the type says so.
export const en: Record<MessageKey, string> = {
  ...layoutEn,
  ...accessEn,
  ...programmeEn,
  ...casesEn,
  ...planEn,
  ...caseMoneyEn,
  ...financeEn,
  ...evaluationEn,
  ...fieldsEn,
  ...fieldsCasesEn,
  ...fieldsMoneyEn,
  ...fieldsAccessEn,
  ...portalEn,
  ...importEn,
  ...portalSelfEn,
  ...citizenLoginEn,
  ...mitIdEn,
  ...staffSsoEn,
  ...secondFactorEn,
  ...errorsEn,
  ...domainMoneyEn,
  ...domainCasesEn,
  ...domainPaymentFileEn,
  ...domainEvaluationEn,
  ...domainInstrumentsEn,
  ...domainImportEn,
  ...dataSubjectEn,
  ...eventsEn,
  ...cliEn,
  ...vouchersEn,
  ...voucherPagesEn,
  ...voucherShopEn,
  ...voucherStaffEn,
  ...retentionEn,
  ...privacyNoticeEn,
  ...workEn,
  ...confirmEn,
  ...vendorProposalsEn,
  ...purchaseDeclineEn,
  ...importColumnsEn,
  ...mailEn,
  ...listsEn,
};
