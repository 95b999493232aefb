const CSS = `
.login-panel form { display: flex; flex-direction: column; gap: 6px; }
.login-panel .login-field { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: var(--muted, #8b98a5); }
.login-panel input { padding: 4px 8px; background: #0d151d; color: var(--fg, #e6edf3); border: 1px solid #2d3b4a; border-radius: 6px; font: inherit; }
.login-panel .login-message { min-height: 1.2em; margin: 0; font-size: 12px; color: #fca5a5; }
.login-panel form[aria-busy='true'] .login-message { color: var(--muted, #8b98a5); }
`;

/** Adds the login panel's styles to the document once. */
export function ensureLoginStyles(doc: Document): void {
  if (doc.getElementById('rc-login-styles')) return;
  const style = doc.createElement('style');
  style.id = 'rc-login-styles';
  style.textContent = CSS;
  doc.head.appendChild(style);
}
