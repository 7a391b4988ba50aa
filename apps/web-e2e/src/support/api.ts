/** Direct API calls for a journey's setup (finding demo data), never for the steps under test. */
export async function apiToken(
  baseUrl: string,
  account: { email: string; password: string },
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${account.email} failed with ${res.status}`);
  const body = (await res.json()) as { tokens: { accessToken: string } };
  return body.tokens.accessToken;
}

export async function apiGet<T>(
  baseUrl: string,
  token: string,
  path: string,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as T };
}

/** Polls a GET until it stops answering 503 (the matching engine loads its index after a start). */
export async function apiGetWhenReady<T>(
  baseUrl: string,
  token: string,
  path: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await apiGet<T>(baseUrl, token, path);
    if (status === 200) return body;
    if (status !== 503 || Date.now() > deadline)
      throw new Error(`GET ${path} answered ${status}: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** POSTs as the token's user; throws on anything but 2xx. */
export async function apiPost<T>(baseUrl: string, token: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  const answer = await res.text();
  return (answer ? JSON.parse(answer) : undefined) as T;
}
