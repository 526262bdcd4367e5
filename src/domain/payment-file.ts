// The payment file a municipality uploads to its bank to pay vendors by transfer (spec: Payment files):
// ISO 20022 pain.001.001.03 (CustomerCreditTransferInitiationV03), as Danish banks accept it under
// the Common Global Implementation (CGI) profile. Pure: a batch in, an XML string out.
//
// Choices, each forced by the schema (tests/schemas/pain.001.001.03.xsd) or by bank practice:
// - One PmtInf per file (one debtor account, one execution date), booked as one batch.
// - Danish domestic accounts are sent as BBAN (registration number + account padded to 10 digits,
//   14 digits in all), and a domestic creditor's bank is named by its registration number in the
//   Danish clearing system (DKNCC). IBAN creditors name no bank unless a BIC is given (CGI: optional).
// - Names are cut to 70 characters (CGI limits party names to Max70Text although the schema allows
//   140); a cut name still pays the right account. Remittance text is never cut: it carries the case
//   reference the vendor and the ERP reconcile on, so text over 140 characters is refused instead.
// - Identifiers (MsgId, EndToEndId) use the SWIFT character set only, which every bank accepts;
//   free text keeps Danish letters as UTF-8 and loses only characters XML cannot carry.
// - Amounts are formatted from integer øre by money.ts, never through floats.
import { parseCalendarDate } from './calendar-date.ts';
import { AppError } from './errors.ts';
import { formatKrCsv, isOre, sumOre, type Ore } from './money.ts';
import { message, type Message } from '../i18n/index.ts';

/** A Danish domestic account: 4-digit registration number and an account number of up to 10 digits. */
export interface DanishBankAccount {
  readonly bankRegistration: string;
  readonly bankAccount: string;
  readonly iban?: undefined;
}

/** An account given by IBAN (Danish or foreign); spaces as printed on invoices are allowed. */
export interface IbanBankAccount {
  readonly iban: string;
  readonly bankRegistration?: undefined;
  readonly bankAccount?: undefined;
}

export type BankAccount = DanishBankAccount | IbanBankAccount;

/** A party of the transfer; `bic` names the party's bank when it is known. */
export type PaymentParty = BankAccount & { readonly name: string; readonly bic?: string };

/** The municipality paying. */
export type PaymentDebtor = PaymentParty;

/** The vendor being paid. */
export type PaymentCreditor = PaymentParty;

export interface PaymentInstruction {
  /** Unique within the batch, at most 35 characters; travels to the vendor's statement. */
  readonly endToEndId: string;
  /** Positive, in øre. */
  readonly amount: Ore;
  readonly creditor: PaymentCreditor;
  /** Unstructured text for the vendor, at most 140 characters, e.g. "Sag 2026-0042 / anmodning 3". */
  readonly remittance: string;
}

export interface PaymentBatch {
  readonly debtor: PaymentDebtor;
  /** Unique per file, at most 35 characters; the bank refuses a file whose id it has seen. */
  readonly messageId: string;
  readonly createdAt: Date;
  /** Requested execution date, `YYYY-MM-DD`. */
  readonly executionDate: string;
  readonly payments: readonly PaymentInstruction[];
}

/** Input that cannot become a valid payment file; the message says which payment and why. */
export class PaymentFileError extends AppError {
  constructor(said: Message) {
    super('payment_file_invalid', said);
  }
}

const PAIN_001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

const NAME_MAX = 70;
const REMITTANCE_MAX = 140;
const ID_MAX = 35;
/** The SWIFT "x" character set. */
const SWIFT_ID = /^[A-Za-z0-9/\-?:().,'+ ]+$/;
const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9](?:[A-Z0-9]{3})?$/;
const IBAN = /^([A-Z]{2})(\d{2})([A-Z0-9]{1,30})$/;

/**
 * Builds the pain.001.001.03 XML for a batch. Throws `PaymentFileError` for anything the schema or
 * the bank would refuse: no payments, a non-positive amount, a malformed account, IBAN or BIC, a
 * duplicate or over-long id, remittance text over 140 characters, an empty name.
 */
export function buildPaymentFile(batch: PaymentBatch): string {
  const messageId = identifier(batch.messageId, message('paymentFile.what.messageId'));
  const createdAt = isoSeconds(batch.createdAt);
  if (parseCalendarDate(batch.executionDate) === null)
    throw new PaymentFileError(message('paymentFile.error.executionDate', { date: batch.executionDate }));
  if (batch.payments.length === 0) throw new PaymentFileError(message('paymentFile.error.noPayments'));

  const debtorName = partyName(batch.debtor.name, message('paymentFile.what.debtorName'));
  const transactions = checkedPayments(batch.payments);
  const count = String(transactions.length);
  const total = painAmount(sumOre(transactions.map((t) => t.amount)));

  const document = el(
    'Document',
    [
      el('CstmrCdtTrfInitn', [
        el('GrpHdr', [
          el('MsgId', messageId),
          el('CreDtTm', createdAt),
          el('NbOfTxs', count),
          el('CtrlSum', total),
          el('InitgPty', [el('Nm', debtorName)]),
        ]),
        el('PmtInf', [
          el('PmtInfId', messageId),
          el('PmtMtd', 'TRF'),
          el('BtchBookg', 'true'),
          el('NbOfTxs', count),
          el('CtrlSum', total),
          el('PmtTpInf', [el('SvcLvl', [el('Cd', 'NURG')])]),
          el('ReqdExctnDt', batch.executionDate),
          el('Dbtr', [el('Nm', debtorName)]),
          el('DbtrAcct', [accountId(batch.debtor, message('paymentFile.what.debtorAccount'))]),
          el('DbtrAgt', [el('FinInstnId', [debtorAgentId(batch.debtor)])]),
          el('ChrgBr', 'SLEV'),
          ...transactions.map(transaction),
        ]),
      ]),
    ],
    { xmlns: PAIN_001_NAMESPACE },
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(document, 0)}`;
}

/** The IBAN in electronic form (no spaces, upper case) if it is well-formed and its checksum holds. */
export function normaliseIban(text: string): string | null {
  const iban = text.replace(/\s+/g, '').toUpperCase();
  const m = IBAN.exec(iban);
  if (!m) return null;
  if (m[1] === 'DK' && iban.length !== 18) return null;
  // ISO 13616 mod 97: move the first four characters to the end, letters become 10..35.
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1 ? iban : null;
}

// ---- Validation ------------------------------------------------------------------------------

interface CheckedPayment {
  readonly endToEndId: string;
  readonly amount: Ore;
  readonly creditor: PaymentCreditor;
  readonly creditorName: string;
  readonly remittance: string;
}

function checkedPayments(payments: readonly PaymentInstruction[]): CheckedPayment[] {
  const seen = new Set<string>();
  return payments.map((p, index) => {
    const number = index + 1;
    const which = message('paymentFile.which.number', { number });
    const endToEndId = identifier(p.endToEndId, message('paymentFile.what.endToEndId', { which }));
    if (seen.has(endToEndId))
      throw new PaymentFileError(message('paymentFile.error.duplicateId', { which, id: endToEndId }));
    seen.add(endToEndId);
    const whichId = message('paymentFile.which.numberId', { number, id: endToEndId });
    if (!isOre(p.amount) || p.amount <= 0)
      throw new PaymentFileError(message('paymentFile.error.amount', { which: whichId, ore: p.amount }));
    const remittance = cleanText(p.remittance);
    if (remittance === '')
      throw new PaymentFileError(message('paymentFile.error.remittanceMissing', { which: whichId }));
    if (codePoints(remittance) > REMITTANCE_MAX)
      throw new PaymentFileError(
        message('paymentFile.error.remittanceTooLong', { which: whichId, max: REMITTANCE_MAX }),
      );
    const creditorName = partyName(
      p.creditor.name,
      message('paymentFile.what.creditorName', { which: whichId }),
    );
    // Fail early, with context.
    accountId(p.creditor, message('paymentFile.what.creditorAccount', { which: whichId }));
    return { endToEndId, amount: p.amount, creditor: p.creditor, creditorName, remittance };
  });
}

function identifier(value: string, what: Message): string {
  if (value.length === 0 || value.length > ID_MAX || !SWIFT_ID.test(value) || value.trim() !== value)
    throw new PaymentFileError(message('paymentFile.error.identifier', { what, max: ID_MAX, value }));
  return value;
}

/** Text as XML and banks can carry it: NFC, no control characters, single spaces. */
function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cs}\uFFFE\uFFFF]/gu, '') // lone surrogates and non-characters are not XML
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
}

function codePoints(text: string): number {
  return Array.from(text).length;
}

function partyName(name: string, what: Message): string {
  const clean = cleanText(name);
  if (clean === '') throw new PaymentFileError(message('paymentFile.error.missing', { what }));
  return Array.from(clean).slice(0, NAME_MAX).join('').trimEnd();
}

function isoSeconds(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new PaymentFileError(message('paymentFile.error.createdAt'));
  return instant.toISOString().slice(0, 19) + 'Z';
}

/** "1234.50": the schema's decimal with a point, exact from øre (money.ts formats with a comma). */
function painAmount(amount: Ore): string {
  return formatKrCsv(amount).replace(',', '.');
}

type CheckedAccount =
  | { readonly kind: 'danish'; readonly registration: string; readonly bban: string }
  | {
      readonly kind: 'iban';
      readonly iban: string;
    };

function checkAccount(account: BankAccount, what: Message): CheckedAccount {
  // The types make the two forms exclusive; values read from the database are checked all the same.
  const fields: Partial<Record<'iban' | 'bankRegistration' | 'bankAccount', string>> = account;
  const { iban, bankRegistration, bankAccount } = fields;
  if ((iban !== undefined) === (bankRegistration !== undefined || bankAccount !== undefined))
    throw new PaymentFileError(message('paymentFile.error.accountForm', { what }));
  if (iban !== undefined) {
    const normal = normaliseIban(iban);
    if (normal === null) throw new PaymentFileError(message('paymentFile.error.iban', { what, iban }));
    return { kind: 'iban', iban: normal };
  }
  const registration = (bankRegistration ?? '').replace(/\s+/g, '');
  const number = (bankAccount ?? '').replace(/\s+/g, '');
  if (!/^\d{4}$/.test(registration))
    throw new PaymentFileError(message('paymentFile.error.registration', { what, value: registration }));
  if (!/^\d{1,10}$/.test(number))
    throw new PaymentFileError(message('paymentFile.error.accountNumber', { what, value: number }));
  return { kind: 'danish', registration, bban: registration + number.padStart(10, '0') };
}

function checkBic(bic: string | undefined, what: Message): string | undefined {
  if (bic === undefined) return undefined;
  const clean = bic.replace(/\s+/g, '').toUpperCase();
  if (!BIC.test(clean)) throw new PaymentFileError(message('paymentFile.error.bic', { what, bic }));
  return clean;
}

// ---- Elements ---------------------------------------------------------------------------------

function accountId(party: PaymentParty, what: Message): XmlElement {
  const account = checkAccount(party, what);
  return el(
    'Id',
    account.kind === 'iban'
      ? [el('IBAN', account.iban)]
      : [el('Othr', [el('Id', account.bban), el('SchmeNm', [el('Cd', 'BBAN')])])],
  );
}

function debtorAgentId(debtor: PaymentDebtor): XmlElement {
  const bic = checkBic(debtor.bic, message('paymentFile.what.debtorBank'));
  return bic !== undefined ? el('BIC', bic) : el('Othr', [el('Id', 'NOTPROVIDED')]);
}

/** The creditor's bank: BIC if given, the Danish clearing registration for domestic accounts. */
function creditorAgent(p: CheckedPayment): XmlElement | null {
  const what = message('paymentFile.what.creditorBank', {
    which: message('paymentFile.which.id', { id: p.endToEndId }),
  });
  const bic = checkBic(p.creditor.bic, what);
  const account = checkAccount(p.creditor, what);
  const parts: XmlElement[] = [];
  if (bic !== undefined) parts.push(el('BIC', bic));
  if (account.kind === 'danish')
    parts.push(el('ClrSysMmbId', [el('ClrSysId', [el('Cd', 'DKNCC')]), el('MmbId', account.registration)]));
  return parts.length === 0 ? null : el('CdtrAgt', [el('FinInstnId', parts)]);
}

function transaction(p: CheckedPayment): XmlElement {
  const agent = creditorAgent(p);
  return el('CdtTrfTxInf', [
    el('PmtId', [el('EndToEndId', p.endToEndId)]),
    el('Amt', [el('InstdAmt', painAmount(p.amount), { Ccy: 'DKK' })]),
    ...(agent === null ? [] : [agent]),
    el('Cdtr', [el('Nm', p.creditorName)]),
    el('CdtrAcct', [
      accountId(
        p.creditor,
        message('paymentFile.what.creditorAccount', {
          which: message('paymentFile.which.id', { id: p.endToEndId }),
        }),
      ),
    ]),
    el('RmtInf', [el('Ustrd', p.remittance)]),
  ]);
}

// ---- A minimal XML writer: elements hold text or children, never both (the schema has no mixed
// content), and every text and attribute value is escaped.

interface XmlElement {
  readonly name: string;
  readonly content: string | readonly XmlElement[];
  readonly attrs: Readonly<Record<string, string>>;
}

function el(
  name: string,
  content: string | readonly XmlElement[],
  attrs: Readonly<Record<string, string>> = {},
): XmlElement {
  return { name, content, attrs };
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes the five XML special characters. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

function render(e: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const attrs = Object.entries(e.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (typeof e.content === 'string')
    return `${indent}<${e.name}${attrs}>${escapeXml(e.content)}</${e.name}>\n`;
  const children = e.content.map((c) => render(c, depth + 1)).join('');
  return `${indent}<${e.name}${attrs}>\n${children}${indent}</${e.name}>\n`;
}
