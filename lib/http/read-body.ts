import { AppError } from "@/lib/errors";
import { rejectNul } from "@/lib/http/nul";

/** Reads a JSON body, refusing it with 413 past maxBytes without buffering the rest. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type))
    throw new AppError("bad_request", `Send the body as JSON with Content-Type: application/json (got "${type || "none"}").`);
  if (!req.body) throw new AppError("bad_request", "The request body is empty; send a JSON document.");
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw new AppError("bad_request", "The request body is empty; send a JSON document.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new AppError("bad_request", `The body is not valid JSON: ${(e as Error).message}.`);
  }
  rejectNul(value, "The body");
  return value;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The body is larger than the limit of ${maxBytes} bytes; send smaller batches.`);
}
