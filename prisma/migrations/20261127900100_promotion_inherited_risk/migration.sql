-- The highest risk tier among the use cases a promotion's model version feeds through
-- lineage (its training data, and everything downstream of it), as the gates last found
-- it: a high tier here makes the request high risk for approvals even when the use case
-- it names is not.
ALTER TABLE "promotions" ADD COLUMN "inherited_risk_tier" "RiskTier";
