import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

async function auth(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(req, ctx);
}
export { auth as GET, auth as POST };
