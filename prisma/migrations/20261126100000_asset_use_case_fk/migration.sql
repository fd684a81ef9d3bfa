-- asset_use_cases.use_case_id gets the foreign key the catalog migration promised
-- ("a later migration adds the constraint"): the use-case intake now links catalog
-- datasets through this table, so a link must point at a real use case. Links to use
-- cases that never existed (the catalog accepted any id until now) are removed first;
-- a link dies with its use case.
DELETE FROM "asset_use_cases" l WHERE NOT EXISTS (SELECT 1 FROM "use_cases" u WHERE u."id" = l."use_case_id");

-- AddForeignKey
ALTER TABLE "asset_use_cases" ADD CONSTRAINT "asset_use_cases_use_case_id_fkey" FOREIGN KEY ("use_case_id") REFERENCES "use_cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
