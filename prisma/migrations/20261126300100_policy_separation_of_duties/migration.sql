-- Separation of duties becomes part of a policy version, so an admin can relax it where that is
-- sensible (a dev environment) and every promotion keeps the rules it was judged by. Existing
-- versions keep today's behaviour: both rules on.
ALTER TABLE "environment_policies" ADD COLUMN "requester_may_not_approve" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "environment_policies" ADD COLUMN "author_may_not_approve" BOOLEAN NOT NULL DEFAULT true;

-- The policy history counts the promotions judged by each version; the foreign key wants it too.
CREATE INDEX "promotions_policy_id_idx" ON "promotions"("policy_id");
