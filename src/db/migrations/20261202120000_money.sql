-- Money (spec: Money): vendors, purchase requests with attachments, the budget ledger, payment batches.
-- Runs unchanged on PGlite and on PostgreSQL 15+. Money is integer øre (bigint), never numeric floats.
--
-- The ledger is the only place money moves. Services decide with the case row locked (domain/ledger.ts);
-- the database is the last guard: a trigger re-derives the case's balance on every posting, with the
-- case row (and, for grants and returns, the programme row) locked, and refuses any posting after which
-- reserved + paid − refunds > granted − returned, or Σ grants − Σ returns > the programme's pool. UNIQUE
-- indexes make a request reserved, paid and refunded at most once, and a request at most once in a
-- payment batch.

-- A municipality's list of vendors. Vendors never have accounts; they are paid by the municipality.
CREATE TABLE vendor (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  cvr text CHECK (cvr ~ '^[0-9]{8}$'),
  bank_registration text CHECK (bank_registration ~ '^[0-9]{4}$'),
  bank_account text CHECK (bank_account ~ '^[0-9]{1,10}$'),
  iban text CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$'),
  ean text CHECK (ean ~ '^[0-9]{13}$'),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, municipality_id),
  CHECK ((bank_registration IS NULL) = (bank_account IS NULL))
);
CREATE UNIQUE INDEX vendor_cvr ON vendor (municipality_id, cvr) WHERE cvr IS NOT NULL;
CREATE INDEX vendor_municipality_name ON vendor (municipality_id, lower(name));

-- Anmodning om køb (spec: Purchase requests). The status columns mirror domain/purchase-request.ts.
CREATE TABLE purchase_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  -- Numbered per case (1, 2, …): what finance, letters and the bookkeeping refer to.
  request_number integer NOT NULL CHECK (request_number > 0),
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'cancelled', 'paid', 'refunded')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 4000),
  sub_goal_id uuid,
  category text NOT NULL CHECK (category IN ('transport', 'education', 'electronics', 'housing',
    'health', 'exercise_leisure', 'family_experiences', 'debt', 'clothing_care', 'business', 'other')),
  justification text CHECK (length(justification) BETWEEN 1 AND 4000),
  amount_ore bigint NOT NULL CHECK (amount_ore > 0 AND amount_ore <= 5000000),
  vendor_id uuid,
  payment_method text NOT NULL CHECK (payment_method IN ('invoice', 'requisition', 'payment_card',
    'bank_transfer', 'direct_to_citizen')),
  links text NOT NULL DEFAULT '' CHECK (length(links) <= 2000),
  citizen_confirmed_on date,
  citizen_confirmed_how text CHECK (citizen_confirmed_how IN ('portal', 'in_person')),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  submitted_by uuid REFERENCES app_user (id),
  submitted_at timestamptz,
  decided_by uuid REFERENCES app_user (id),
  decided_at timestamptz,
  rejection_reason text CHECK (length(rejection_reason) BETWEEN 1 AND 4000),
  cancelled_by uuid REFERENCES app_user (id),
  cancelled_at timestamptz,
  cancellation_reason text CHECK (length(cancellation_reason) BETWEEN 1 AND 4000),
  updated_at timestamptz NOT NULL,
  UNIQUE (case_id, request_number),
  UNIQUE (id, municipality_id),
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id),
  FOREIGN KEY (sub_goal_id, case_id) REFERENCES sub_goal (id, case_id),
  FOREIGN KEY (vendor_id, municipality_id) REFERENCES vendor (id, municipality_id),
  CHECK ((citizen_confirmed_on IS NULL) = (citizen_confirmed_how IS NULL)),
  CHECK (status = 'draft' OR status = 'cancelled' OR submitted_at IS NOT NULL),
  CHECK (status NOT IN ('approved', 'rejected', 'paid', 'refunded') OR decided_at IS NOT NULL),
  CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  -- Money goes to a vendor from the list, or (within the programme's limits) to the citizen.
  CHECK (status NOT IN ('approved', 'paid', 'refunded') OR vendor_id IS NOT NULL
    OR payment_method = 'direct_to_citizen')
);
CREATE INDEX purchase_request_case ON purchase_request (case_id, request_number);
CREATE INDEX purchase_request_status ON purchase_request (municipality_id, status);

-- Quotes, invoices, receipts, proofs of payment: kept in the database with the request, so a backup
-- holds them and row-level security guards them. Type checked by content, checksum stored.
CREATE TABLE purchase_attachment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  purchase_request_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('quote', 'invoice', 'receipt', 'proof_of_payment')),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES app_user (id),
  uploaded_at timestamptz NOT NULL,
  FOREIGN KEY (purchase_request_id, municipality_id) REFERENCES purchase_request (id, municipality_id),
  CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX purchase_attachment_request ON purchase_attachment (purchase_request_id);

-- A payment file sent to the bank: created with its requests, downloaded, then marked sent, which pays
-- them. A request is in at most one batch that is not cancelled.
CREATE TABLE payment_batch (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id integer NOT NULL REFERENCES municipality (id),
  message_id text NOT NULL UNIQUE CHECK (length(message_id) BETWEEN 1 AND 35),
  execution_date date NOT NULL,
  status text NOT NULL DEFAULT 'created' CHECK (status IN ('created', 'sent')),
  total_ore bigint NOT NULL CHECK (total_ore > 0),
  payment_count integer NOT NULL CHECK (payment_count > 0),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  sent_by uuid REFERENCES app_user (id),
  sent_at timestamptz,
  UNIQUE (id, municipality_id),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);

CREATE TABLE payment_batch_item (
  batch_id uuid NOT NULL,
  municipality_id integer NOT NULL REFERENCES municipality (id),
  purchase_request_id uuid NOT NULL UNIQUE,
  end_to_end_id text NOT NULL CHECK (length(end_to_end_id) BETWEEN 1 AND 35),
  PRIMARY KEY (batch_id, purchase_request_id),
  FOREIGN KEY (batch_id, municipality_id) REFERENCES payment_batch (id, municipality_id),
  FOREIGN KEY (purchase_request_id, municipality_id) REFERENCES purchase_request (id, municipality_id)
);

-- The budget ledger (spec: Budget ledger; domain/ledger.ts). Append-only; positive amounts; `settles_ore` is
-- how much reserved money a payment converts.
CREATE TABLE ledger_entry (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality (id),
  case_id uuid NOT NULL,
  programme_id uuid NOT NULL,
  kind text NOT NULL
    CHECK (kind IN ('grant', 'reservation', 'reservation_release', 'payment', 'refund', 'return_to_pool')),
  amount_ore bigint NOT NULL CHECK (amount_ore > 0),
  settles_ore bigint NOT NULL DEFAULT 0 CHECK (settles_ore >= 0 AND (kind = 'payment' OR settles_ore = 0)),
  purchase_request_id uuid,
  -- Payments: how and when the money left (spec: Payments).
  payment_method text CHECK (payment_method IN ('invoice', 'requisition', 'payment_card',
    'bank_transfer', 'direct_to_citizen')),
  paid_on date,
  reference text CHECK (length(reference) BETWEEN 1 AND 200),
  payment_batch_id uuid,
  note text CHECK (length(note) BETWEEN 1 AND 1000),
  posted_by uuid REFERENCES app_user (id),
  posted_at timestamptz NOT NULL,
  FOREIGN KEY (case_id, municipality_id) REFERENCES citizen_case (id, municipality_id),
  FOREIGN KEY (programme_id, municipality_id) REFERENCES programme (id, municipality_id),
  FOREIGN KEY (purchase_request_id, municipality_id) REFERENCES purchase_request (id, municipality_id),
  FOREIGN KEY (payment_batch_id, municipality_id) REFERENCES payment_batch (id, municipality_id),
  CHECK ((kind IN ('payment', 'refund')) = (paid_on IS NOT NULL)),
  CHECK ((kind = 'payment') = (payment_method IS NOT NULL)),
  CHECK (kind NOT IN ('reservation', 'reservation_release') OR purchase_request_id IS NOT NULL)
);
CREATE INDEX ledger_entry_case ON ledger_entry (case_id, id);
CREATE INDEX ledger_entry_programme ON ledger_entry (programme_id) WHERE kind IN ('grant', 'return_to_pool');
CREATE INDEX ledger_entry_paid_on ON ledger_entry (municipality_id, paid_on) WHERE paid_on IS NOT NULL;
-- A request is reserved once, paid once and refunded once.
CREATE UNIQUE INDEX ledger_entry_one_reservation ON ledger_entry (purchase_request_id)
  WHERE kind = 'reservation';
CREATE UNIQUE INDEX ledger_entry_one_payment ON ledger_entry (purchase_request_id) WHERE kind = 'payment';
CREATE UNIQUE INDEX ledger_entry_one_refund ON ledger_entry (purchase_request_id) WHERE kind = 'refund';
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The last guard. Volatile, so under READ COMMITTED every query below sees what was committed before
-- it ran, after the locks were taken: two concurrent postings on one case are checked one after the
-- other, whatever the service did.
CREATE FUNCTION ledger_entry_guard() RETURNS trigger
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  b record;
  pool bigint;
  held bigint;
BEGIN
  PERFORM 1 FROM citizen_case WHERE id = NEW.case_id AND programme_id = NEW.programme_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ledger: case % is not in programme %', NEW.case_id, NEW.programme_id
      USING ERRCODE = 'P0001';
  END IF;
  SELECT
    coalesce(sum(amount_ore) FILTER (WHERE kind = 'grant'), 0) AS granted,
    coalesce(sum(amount_ore) FILTER (WHERE kind = 'return_to_pool'), 0) AS returned,
    coalesce(sum(amount_ore) FILTER (WHERE kind = 'reservation'), 0)
      - coalesce(sum(amount_ore) FILTER (WHERE kind = 'reservation_release'), 0)
      - coalesce(sum(settles_ore) FILTER (WHERE kind = 'payment'), 0) AS reserved,
    coalesce(sum(amount_ore) FILTER (WHERE kind = 'payment'), 0) AS paid,
    coalesce(sum(amount_ore) FILTER (WHERE kind = 'refund'), 0) AS refunded
  INTO b
  FROM (
    SELECT kind, amount_ore, settles_ore FROM ledger_entry WHERE case_id = NEW.case_id
    UNION ALL SELECT NEW.kind, NEW.amount_ore, NEW.settles_ore
  ) e;
  IF b.reserved < 0 THEN
    RAISE EXCEPTION 'ledger: case % would have % øre reserved', NEW.case_id, b.reserved
      USING ERRCODE = 'P0001';
  END IF;
  IF b.refunded > b.paid THEN
    RAISE EXCEPTION 'ledger: case % would refund more than it paid', NEW.case_id USING ERRCODE = 'P0001';
  END IF;
  IF b.returned > b.granted THEN
    RAISE EXCEPTION 'ledger: case % would return more than it was granted', NEW.case_id
      USING ERRCODE = 'P0001';
  END IF;
  IF b.reserved + b.paid - b.refunded > b.granted - b.returned THEN
    RAISE EXCEPTION 'ledger: case % would be overspent', NEW.case_id USING ERRCODE = 'P0001';
  END IF;
  IF NEW.kind = 'grant' THEN
    SELECT pool_ore INTO pool FROM programme WHERE id = NEW.programme_id FOR UPDATE;
    SELECT coalesce(sum(CASE kind WHEN 'grant' THEN amount_ore ELSE -amount_ore END), 0) INTO held
    FROM ledger_entry WHERE programme_id = NEW.programme_id AND kind IN ('grant', 'return_to_pool');
    IF held + NEW.amount_ore > pool THEN
      RAISE EXCEPTION 'ledger: programme % would grant more than its pool', NEW.programme_id
        USING ERRCODE = 'P0001';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER ledger_entry_guard BEFORE INSERT ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_guard();

-- A pool may not shrink below what its cases hold.
CREATE FUNCTION programme_pool_guard() RETURNS trigger
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  held bigint;
BEGIN
  IF NEW.pool_ore < OLD.pool_ore THEN
    SELECT coalesce(sum(CASE kind WHEN 'grant' THEN amount_ore ELSE -amount_ore END), 0) INTO held
    FROM ledger_entry WHERE programme_id = NEW.id AND kind IN ('grant', 'return_to_pool');
    IF held > NEW.pool_ore THEN
      RAISE EXCEPTION 'programme %: the pool cannot be less than the % øre granted', NEW.id, held
        USING ERRCODE = 'P0001';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER programme_pool_guard BEFORE UPDATE OF pool_ore ON programme
  FOR EACH ROW EXECUTE FUNCTION programme_pool_guard();

ALTER TABLE vendor ENABLE ROW LEVEL SECURITY;
ALTER TABLE vendor FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON vendor
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE purchase_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_request FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON purchase_request
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE purchase_attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_attachment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON purchase_attachment
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE payment_batch ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_batch FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON payment_batch
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE payment_batch_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_batch_item FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON payment_batch_item
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));

ALTER TABLE ledger_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON ledger_entry
  USING (app_tenant_visible(municipality_id)) WITH CHECK (app_tenant_visible(municipality_id));
