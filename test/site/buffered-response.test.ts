import { describe, expect, test } from 'vitest';
import { BufferedResponse } from '../../src/integrations/buffered-response.ts';

const bytes = () => new TextEncoder().encode('<p>Ångström</p>').buffer;

describe('BufferedResponse', () => {
  test('reads as the Response Astro writes a page from: status, headers, body, bytes', async () => {
    const response = new BufferedResponse(bytes(), {
      status: 200,
      statusText: 'OK',
      headers: [['content-type', 'text/html']],
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.statusText).toBe('OK');
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.body).toBeTruthy();
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('<p>Ångström</p>');
  });

  test('gives the same bytes through its body stream, text() and a clone', async () => {
    const response = new BufferedResponse(bytes(), { status: 404 });
    expect(await new Response(response.body).text()).toBe('<p>Ångström</p>');
    expect(await response.text()).toBe('<p>Ångström</p>');
    const copy = response.clone();
    expect(copy.status).toBe(404);
    expect(await copy.text()).toBe('<p>Ångström</p>');
  });
});
