import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from '../../site/src/lib/html.ts';
import { policyTabs } from '../../site/src/render/policy-tabs.ts';
import { XSS_PAYLOADS } from './seed-catalog.ts';

describe('html templates', () => {
  it('escape every interpolated value, arrays included, and keep our own markup', () => {
    const out = html`<p title="${'"><x>'}">${['<b>', raw('<i>ok</i>')]}${null}${false}${0}</p>`.value;
    expect(out).toBe('<p title="&quot;&gt;&lt;x&gt;">&lt;b&gt;<i>ok</i>0</p>');
  });

  it('leave no payload able to open a tag or close an attribute', () => {
    for (const payload of XSS_PAYLOADS) {
      const out = escapeHtml(payload);
      expect(out).not.toMatch(/[<>"']/);
    }
  });
});

describe('policy tabs', () => {
  it('stack every format under a heading, with a hidden tab list and Copy buttons for the script to reveal', () => {
    const out = policyTabs([
      { format: 'policy-json', label: 'policy.json', target: 'gateway', text: '{"a":"<b>"}\n', examples: [{ call: '{}', decision: 'deny', reason: 'default' }] },
      { format: 'codex', label: 'Codex', target: 'config.toml', text: 'x = 1\n', examples: [] },
    ], 'p').value;
    expect(out).toContain('<div class="tablist" role="tablist" aria-label="Policy formats" hidden>');
    expect(out.match(/<h3 class="panel-title"/g)).toHaveLength(2);
    expect(out).toContain('<code id="p-code-0">{&quot;a&quot;:&quot;&lt;b&gt;&quot;}\n</code>');
    expect(out).toContain('data-copy-target="p-code-1" aria-label="Copy Codex" hidden');
    expect(out).toContain('Denied');
  });
});
