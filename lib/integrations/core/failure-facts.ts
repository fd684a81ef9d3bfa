// Reading facts out of failures whose shape differs per system and per runtime.

/** The outside system's own explanation, from the error bodies of lakeFS, MLflow and Airflow 2/3. */
export function detailOf(body: unknown): string | undefined {
  if (body === undefined || body === null || body === "") return undefined;
  if (typeof body === "string") return clip(body);
  if (typeof body !== "object") return clip(String(body));
  const b = body as Record<string, unknown>;
  // lakeFS {message}; MLflow {error_code, message}; Airflow 2 {title, detail}; Airflow 3 {detail}.
  const text = [b.message, b.detail, b.title].find((v) => typeof v === "string" && v.length > 0);
  if (typeof text === "string") return clip(text);
  if (b.detail !== undefined) return clip(JSON.stringify(b.detail));
  if (typeof b.error_code === "string") return b.error_code;
  return clip(JSON.stringify(body));
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 300 ? `${one.slice(0, 297)}...` : one;
}

/** The socket-level code of a failed fetch (undici wraps it as TypeError("fetch failed") with a cause). */
export function networkCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  if (e instanceof TypeError && /fetch failed|terminated|other side closed/i.test(e.message)) return "connection failed";
  return undefined;
}
