import type {
  PayableDetail,
  PayableView,
  PostedPaymentView,
  BatchView,
} from '../../services/money/payment.service.ts';
import { AttachmentInput } from '../../services/money/attachment.service.ts';
import type { Services } from '../../services/index.ts';
import { BatchInput, SentInput } from '../../services/money/money.schemas.ts';
import { fileField, text, type FormData } from '../form.ts';
import { attachmentJson } from './money-serializers.ts';
import type { ApiRegistry } from './registry.ts';
import { PAGE_QUERY, actorOf, pageHeaders, param } from './route-helpers.ts';

// /api/v1 for finance and paperwork: the payment queue, one payable request with its
// attachments, payments and refunds posted in a period, payment files (pain.001.001.03) and the
// bookkeeping CSV; attachments up- and downloaded. Finance sees amounts, vendors, categories and case
// numbers only; the services decide. Amounts are integer øre (…Ore).

const PERIOD = {
  from: 'First day, YYYY-MM-DD (default: the first of this month).',
  to: 'Last day, YYYY-MM-DD (default: today).',
};

/** Registers the routes of finance: payments, payment files, bookkeeping, attachments. */
export function addFinanceRoutes(api: ApiRegistry, services: Services): void {
  addPaymentRoutes(api, services);
  addPaymentFileRoutes(api, services);
  addBookkeepingRoute(api, services);
  addAttachmentRoutes(api, services);
}

/** What waits for payment and what was posted. */
function addPaymentRoutes(api: ApiRegistry, { payments }: Services): void {
  api.add({
    method: 'get',
    path: '/payments',
    tag: 'payments',
    summary: 'Approved requests waiting for payment, oldest approval first (finance)',
    returns:
      'One page of payable requests; the whole count in X-Total-Count, the next and previous pages in Link.',
    query: {
      ...PAGE_QUERY,
      sort: 'godkendt (oldest approval, the default), nummer (case and request number), beloeb (largest amount).',
      q: "Text in what is bought or the vendor's name, or a case or request number.",
      method: 'Only this payment method.',
      file: 'none (in no payment file), created (in a file not yet sent) or sent.',
    },
    handler: async (c) => {
      const page = await payments.queue(actorOf(c), c.req.query());
      pageHeaders(c, page);
      return page.items.map(payableJson);
    },
  });
  api.add({
    method: 'get',
    path: '/payments/{id}',
    tag: 'payments',
    summary: 'One approved, paid or refunded request with its postings and attachments (finance)',
    returns: 'The request as finance sees it.',
    handler: async (c) => payableDetailJson(await payments.payable(actorOf(c), param(c, 'id'))),
  });
  api.add({
    method: 'get',
    path: '/postings',
    tag: 'payments',
    summary: 'Payments and refunds posted in a period (finance)',
    query: {
      ...PERIOD,
      page: PAGE_QUERY.page ?? '',
      limit: PAGE_QUERY.limit ?? '',
      sort: 'dato (payment date, the default), nyeste (newest first), beloeb (largest amount).',
      kind: 'payment or refund: only that kind.',
    },
    returns: 'One page of postings; the whole count in X-Total-Count, the next and previous pages in Link.',
    handler: async (c) => {
      const page = await payments.paid(actorOf(c), c.req.query());
      pageHeaders(c, page);
      return page.items.map(postedJson);
    },
  });
}

/** Payment files for the bank (ISO 20022). */
function addPaymentFileRoutes(api: ApiRegistry, { payments }: Services): void {
  api.add({
    method: 'get',
    path: '/payment-files',
    tag: 'payment-files',
    summary: "The municipality's payment files, newest first (finance)",
    returns: 'A list of payment files.',
    handler: async (c) => (await payments.batches(actorOf(c))).map(batchJson),
  });
  api.add({
    method: 'post',
    requireIdempotencyKey: true,
    path: '/payment-files',
    tag: 'payment-files',
    summary: 'Make a payment file of the given approved bank transfers, or of every one waiting (finance)',
    body: BatchInput,
    returns: "The new file's id; 409 when a request cannot be paid by file or is in another file.",
    status: 201,
    handler: async (c, body) => ({ id: await payments.createBatch(actorOf(c), body) }),
  });
  api.add({
    method: 'get',
    path: '/payment-files/{id}/file',
    tag: 'payment-files',
    summary: 'The ISO 20022 pain.001.001.03 file for the bank (finance)',
    produces: ['application/xml'],
    returns: 'The XML file.',
    handler: async (c) => {
      const { fileName, xml } = await payments.batchFile(actorOf(c), param(c, 'id'));
      return { fileName, contentType: 'application/xml; charset=utf-8', body: xml };
    },
  });
  api.add({
    method: 'post',
    requireIdempotencyKey: true,
    path: '/payment-files/{id}/sent',
    tag: 'payment-files',
    summary: 'Mark the file sent to the bank: every payment in it is registered, once (finance)',
    body: SentInput,
    returns: 'Nothing; 409 when the file was already marked sent.',
    status: 204,
    handler: (c, body) => payments.markSent(actorOf(c), param(c, 'id'), body),
  });
}

function addBookkeepingRoute(api: ApiRegistry, { payments }: Services): void {
  api.add({
    method: 'get',
    path: '/bookkeeping',
    tag: 'payments',
    summary: "Bookkeeping CSV of a period's payments and refunds on the programme's account (finance)",
    query: PERIOD,
    produces: ['text/csv'],
    returns: 'UTF-8 with BOM, semicolon-separated, decimal comma.',
    handler: async (c) => {
      const period = { from: c.req.query('from'), to: c.req.query('to') };
      const { fileName, csv } = await payments.bookkeeping(actorOf(c), period);
      return { fileName, contentType: 'text/csv; charset=utf-8', body: csv };
    },
  });
}

/** Attachments of a purchase request: quotes, invoices, receipts. */
function addAttachmentRoutes(api: ApiRegistry, { attachments }: Services): void {
  api.add({
    method: 'post',
    requireIdempotencyKey: true,
    path: '/purchase-requests/{id}/attachments',
    tag: 'purchase-requests',
    summary: 'Attach a quote, invoice, receipt or proof of payment: PDF, JPEG or PNG up to 10 MB',
    upload: AttachmentInput,
    returns: "The attachment's id; 422 when the file is not a PDF, JPEG or PNG or is too large.",
    status: 201,
    handler: async (c, body) => {
      const form = body as FormData;
      const { attachmentId } = await attachments.attach(
        actorOf(c),
        param(c, 'id'),
        { kind: text(form, 'kind') },
        await fileField(form, 'file'),
      );
      return { id: attachmentId };
    },
  });
  api.add({
    method: 'get',
    path: '/attachments/{id}',
    tag: 'purchase-requests',
    summary: "An attachment's file",
    produces: ['application/pdf', 'image/jpeg', 'image/png'],
    returns: 'The file as it was uploaded.',
    handler: async (c) => {
      const file = await attachments.download(actorOf(c), param(c, 'id'), 'GET /api/v1/attachments/{id}');
      return { fileName: file.fileName, contentType: file.contentType, body: file.content };
    },
  });
}

function payableJson(p: PayableView) {
  return {
    id: p.id,
    caseNumber: p.caseNumber,
    requestNumber: p.requestNumber,
    status: p.status,
    amountOre: p.amount,
    category: p.category,
    vendor: p.vendor,
    paymentMethod: p.paymentMethod,
    approvedAt: p.approvedAt?.toISOString() ?? null,
    paymentFile: p.batch,
  };
}

function postedJson(p: PostedPaymentView) {
  return {
    kind: p.kind,
    requestId: p.requestId,
    caseNumber: p.caseNumber,
    requestNumber: p.requestNumber,
    amountOre: p.amount,
    paidOn: p.paidOn,
    reference: p.reference,
    category: p.category,
    vendorName: p.vendorName,
    paymentMethod: p.paymentMethod,
    status: p.status,
  };
}

function payableDetailJson(p: PayableDetail) {
  return {
    ...payableJson(p),
    postings: p.postings.map(postedJson),
    attachments: p.attachments.map(attachmentJson),
  };
}

function batchJson(b: BatchView) {
  return {
    id: b.id,
    messageId: b.messageId,
    executionDate: b.executionDate,
    status: b.status,
    totalOre: b.total,
    count: b.count,
    createdAt: b.createdAt.toISOString(),
    sentAt: b.sentAt?.toISOString() ?? null,
  };
}
