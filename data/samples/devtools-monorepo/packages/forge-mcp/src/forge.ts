const BASE = process.env.FORGE_API_URL ?? "https://forge.example.com/api/v3";

export async function forge(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(BASE + path, {
    method,
    headers: { Authorization: `Bearer ${process.env.FORGE_TOKEN}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return response.status === 204 ? null : response.json();
}
