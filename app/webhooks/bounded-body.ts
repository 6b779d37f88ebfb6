// Reads a request body up to a byte limit, refusing larger ones before they are buffered: the HMAC
// can only be checked once the whole body is in memory, so an unsigned 100 MB body would otherwise
// cost its full size before its 401. A declared Content-Length over the limit is refused unread; a
// chunked body is counted as it streams and abandoned at the first byte past the limit.

type BoundedBody = { kind: "ok"; text: string } | { kind: "too-large" };

export async function readBodyWithin(request: Request, maxBytes: number): Promise<BoundedBody> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { kind: "too-large" };
  }
  if (!request.body) return { kind: "ok", text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { kind: "too-large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // The same decoding as Request.text(): the HMAC is checked over these characters.
  return { kind: "ok", text: new TextDecoder().decode(bytes) };
}
