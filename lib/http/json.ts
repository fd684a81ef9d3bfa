/** A JSON response with a chosen status, for endpoints that answer 201 or 200 (idempotent creates). */
export function jsonResponse(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}
