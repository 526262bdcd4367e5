-- Citizens' log-in to the portal (spec: Citizen log-in): a citizen logs in with a mobile number or an e-mail
-- address, chosen when they activate their account with a one-time code from their support person.
-- Runs unchanged on PGlite and on PostgreSQL 15+.

-- A citizen who logs in by mobile number has no e-mail address; staff always log in by e-mail.
ALTER TABLE app_user ALTER COLUMN email DROP NOT NULL;
ALTER TABLE app_user ADD CONSTRAINT app_user_staff_email CHECK (role = 'citizen' OR email IS NOT NULL);

-- Danish mobile numbers only, stored normalised as +45 and 8 digits (domain/phone.ts).
ALTER TABLE app_user ADD COLUMN phone text CHECK (phone ~ '^\+45[2-9][0-9]{7}$');
ALTER TABLE app_user ADD CONSTRAINT app_user_phone_citizen CHECK (phone IS NULL OR role = 'citizen');
CREATE UNIQUE INDEX app_user_phone ON app_user (phone) WHERE phone IS NOT NULL;

-- An activation code is typed without the e-mail or number it belongs to: it is found by its keyed hash.
CREATE INDEX app_user_reset_code ON app_user (reset_code_hash) WHERE reset_code_hash IS NOT NULL;
