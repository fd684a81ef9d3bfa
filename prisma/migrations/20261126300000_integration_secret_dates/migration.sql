-- The integrations admin page shows "secret set on <date>" instead of the secret, and says which
-- kind of failure the last connection test met (DNS, refused, timeout, 401, ...).
ALTER TABLE "integration_configs" ADD COLUMN "secret_set_at" TIMESTAMPTZ(3);
ALTER TABLE "integration_configs" ADD COLUMN "last_test_kind" TEXT;

-- Secrets saved before this migration were set at the latest save, as far as anyone can tell.
UPDATE "integration_configs" SET "secret_set_at" = "updated_at" WHERE "secret_ciphertext" IS NOT NULL;
