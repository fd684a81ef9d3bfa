import { z } from "zod";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/policy/permissions";

const scopeNames = Object.keys(TOKEN_SCOPES) as [TokenScope, ...TokenScope[]];

export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1, "Give the token a name").max(100),
    scopes: z.array(z.enum(scopeNames)).min(1, "Pick at least one scope"),
    /** Days until expiry; omit for a token that does not expire. */
    expiresInDays: z.number().int().min(1).max(366).optional(),
    /** Admins may create a token for another user (e.g. a pipeline's service account). */
    userId: z.uuid().optional(),
  })
  .strict()
  .meta({ id: "CreateTokenInput" });
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    userId: z.string(),
    userEmail: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export type TokenView = z.infer<typeof tokenSchema>;

export const createdTokenSchema = tokenSchema.extend({ token: z.string().describe("Shown once; store it now.") }).meta({ id: "CreatedApiToken" });

export const listTokensQuery = z.object({
  userId: z.uuid().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const idParams = z.object({ id: z.uuid({ message: "must be a UUID" }) });
