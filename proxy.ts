import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

// Only redirects the signed-out to the sign-in page; every read and action checks
// permissions again on the server. API routes answer 401 themselves.
export async function proxy(req: NextRequest) {
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const url = new URL("/signin", req.url);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api|signin|_next/static|_next/image|favicon.ico|api-docs).*)"],
};
