type Handler = (payload: unknown) => Promise<string>;

const handlers = new Map<string, Handler>();

export function on(kind: string, handler: Handler): void {
  handlers.set(kind, handler);
}

export async function dispatch(extra: { requestId?: string | number }) {
  const kind = String(extra.requestId ?? "default");
  const handler = handlers.get(kind) ?? handlers.get("default");
  const text = handler ? await handler(extra) : "nothing to do";
  return { content: [{ type: "text" as const, text }] };
}
