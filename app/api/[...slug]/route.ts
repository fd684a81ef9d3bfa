import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";
import { requestIdOf } from "@/lib/http/request-id";

// Any /api path without a route answers a problem document, not Next's HTML 404 page.
function notFound(req: Request): Response {
  const path = new URL(req.url).pathname;
  return problemResponse(new AppError("not_found", `There is no API route ${req.method} ${path}; see /api/v1/openapi.json for the routes.`), requestIdOf(req));
}
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
