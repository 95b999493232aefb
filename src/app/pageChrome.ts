import { ROLES, type Role } from './host/roles';

/** The top bar's link to the other view, keeping the city and other parameters. */
export function wireViewSwitch(view: 'wall' | 'workspace', params: URLSearchParams): void {
  const link = document.getElementById('view-switch') as HTMLAnchorElement | null;
  if (!link) return;
  const next = new URLSearchParams(params);
  next.set('view', view === 'wall' ? 'workspace' : 'wall');
  link.href = `?${next}`;
  link.textContent = view === 'wall' ? 'Workspace' : 'Wall display';
}

/** The top bar's role list: choosing one reloads the workspace laid out for it. */
export function wireRoleSwitch(role: Role | 'all', params: URLSearchParams): void {
  const select = document.getElementById('role') as HTMLSelectElement | null;
  if (!select) return;
  select.replaceChildren(new Option('all sections', ''), ...ROLES.map((r) => new Option(r, r)));
  select.value = role === 'all' ? '' : role;
  select.addEventListener('change', () => {
    const next = new URLSearchParams(params);
    if (select.value) next.set('role', select.value); else next.delete('role');
    location.search = `?${next}`;
  });
}

/** A panel that names what failed and how to fix it. */
export function showError(err: Error): void {
  console.error(err);
  const box = document.createElement('section');
  box.className = 'panel error-panel';
  box.setAttribute('role', 'alert');
  const h = document.createElement('h2');
  h.textContent = 'The twin could not start';
  const p = document.createElement('p');
  p.textContent = err.message;
  box.append(h, p);
  document.body.appendChild(box);
  document.getElementById('status')!.textContent = 'Error: ' + err.message;
}
