-- The owner of a use case learns of the decision on it (approved for build, rejected)
-- in the portal, as they already learn of a change request.
ALTER TYPE "NotificationKind" ADD VALUE 'approved';
ALTER TYPE "NotificationKind" ADD VALUE 'rejected';
