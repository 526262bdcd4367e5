import type { Context, Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import { TooManyAttempts, type FieldErrors } from '../domain/errors.ts';
import { formatVoucherCode, parseVoucherCode, type VoucherStatus } from '../domain/voucher.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { fileField, readForm, text, type FormData } from '../http/form.ts';
import { message, translate, type Message, type MessageKey } from '../i18n/index.ts';
import type { Services } from '../services/index.ts';
import { pageContext } from './context.ts';
import { submitForm } from './form-route.ts';
import { VoucherReceiptPage } from './pages/voucher-receipt.page.tsx';
import {
  RECEIPT_PATH,
  SHOP_PATH,
  VoucherCheckPage,
  VoucherRedeemedPage,
  VoucherRefusedPage,
} from './pages/voucher-shop.page.tsx';
import { clientAddress } from './request.ts';

// A shop redeems a voucher without an account: the shop's PIN and the voucher's code (the QR code's link
// fills in the code), then the receipt, then the reference for the invoice. Public pages: no session,
// but CSRF as on the log-in form. Both posts run outside an actor's command even when someone is logged
// in on the same browser (routes.tsx, SIGN_IN_FORMS): the PIN's throttle must commit whatever the
// answer, and a redemption is the shop's, not the actor's.

/** The shop's forms, which run outside a command's transaction even when someone is logged in. */
export const VOUCHER_SHOP_FORMS = [SHOP_PATH, RECEIPT_PATH] as const;

/** What the shop is told of a voucher it cannot redeem. */
const NOT_USABLE: Readonly<Partial<Record<VoucherStatus, MessageKey>>> = {
  redeemed: 'voucher.refused.redeemed',
  cancelled: 'voucher.refused.cancelled',
  expired: 'voucher.refused.expired',
};

/** The form's key as the command middleware accepts one; anything else gets a fresh one. */
const KEY = /^[A-Za-z0-9_-]{8,100}$/;

export function registerVoucherShopRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.get(SHOP_PATH, (c) => c.html(<VoucherCheckPage ctx={pageContext(c)} />));

  // The language switch sends back to the address of the page, which for the receipt is a form's: start over.
  app.get(RECEIPT_PATH, (c) => c.redirect(SHOP_PATH, 303));

  app.get(`${SHOP_PATH}/:code`, (c) => {
    const typed = c.req.param('code');
    const code = parseVoucherCode(typed);
    // A code that cannot be one is shown as it came, for the shop to correct.
    const values = { code: code ? formatVoucherCode(code) : typed.slice(0, 40) };
    return c.html(<VoucherCheckPage ctx={pageContext(c)} values={values} />);
  });

  app.post(SHOP_PATH, async (c) => {
    const form = await readForm(c);
    const input = { pin: text(form, 'pin'), code: text(form, 'code') };
    const again = (errors: FieldErrors, status: 422 | 429) =>
      c.html(<VoucherCheckPage ctx={pageContext(c)} values={{ code: input.code }} errors={errors} />, status);
    return submitForm(
      async () => {
        const { ticket, voucher } = await services.vouchers.check(input, clientAddress(c));
        const notUsable = NOT_USABLE[voucher.status];
        if (notUsable) return refused(c, message(notUsable));
        return c.html(<VoucherReceiptPage ctx={pageContext(c)} ticket={ticket} voucher={voucher} />);
      },
      {
        invalid: (error) => again(error.fields, 422),
        // Too many tries: said where a wrong PIN is.
        refused: (error) => again({ pin: error.userMessage }, 429),
        isRefusal: (error): error is TooManyAttempts => error instanceof TooManyAttempts,
      },
    );
  });

  app.post(RECEIPT_PATH, async (c) => {
    const form = await readForm(c);
    const ticket = text(form, 'ticket');
    const values = { amountKr: text(form, 'amountKr'), receiptNumber: text(form, 'receiptNumber') };
    return submitForm(
      async () => {
        const done = await services.vouchers.redeem(
          { ticket, ...values, key: formKey(form) },
          await fileField(form, 'file'),
        );
        return c.html(<VoucherRedeemedPage ctx={pageContext(c)} done={done} />);
      },
      {
        invalid: (error) => receiptAgain(c, services, ticket, values, error.fields),
        // Used, cancelled, past its last day, or another shop's: a page that says so.
        refused: (error) => refused(c, error.userMessage),
      },
    );
  });
}

/**
 * The receipt's form again with its errors; when the ticket itself is refused (too old), the first step
 * again, for the PIN and the code.
 */
function receiptAgain(
  c: Context<AppEnv>,
  services: Services,
  ticket: string,
  values: Record<string, string>,
  errors: FieldErrors,
): Promise<Response> {
  const first = (fields: FieldErrors) =>
    c.html(<VoucherCheckPage ctx={pageContext(c)} errors={fields} />, 422);
  if (errors.pin) return Promise.resolve(first({ pin: errors.pin }));
  return submitForm(
    async () => {
      const voucher = await services.vouchers.ticketView(ticket);
      return c.html(
        <VoucherReceiptPage
          ctx={pageContext(c)}
          ticket={ticket}
          voucher={voucher}
          values={values}
          errors={errors}
        />,
        422,
      );
    },
    { invalid: (error) => first(error.fields) },
  );
}

function refused(c: Context<AppEnv>, reason: Message): Response | Promise<Response> {
  const ctx = pageContext(c);
  return c.html(<VoucherRefusedPage ctx={ctx} reason={translate(ctx.t, reason)} />, 409);
}

/**
 * The redemption's key: the form's own idempotency key, fresh with every form rendered. Without one a
 * repeat cannot be told from a second redemption, so it gets a key of its own.
 */
function formKey(form: FormData): string {
  const key = text(form, '_idem');
  return KEY.test(key) ? key : randomUUID();
}
