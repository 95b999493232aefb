import type { SessionInfo } from '../../auth/SessionInfo';
import { ensureLoginStyles } from './loginStyles';

/** What the panel needs (SessionClient fits). */
export interface LoginTarget {
  login(username: string, password: string): Promise<SessionInfo>;
}

export interface LoginPanelOptions {
  /** Heading; default 'Log in for live signs'. */
  title?: string;
  /** Called once the server accepted the login. */
  onLoggedIn?: (info: SessionInfo) => void;
}

/**
 * A log-in form (user name, password, submit) as a side panel. Shows the server's reason when a
 * login is refused ("wrong user name or password", "too many failed logins; try again in 42 s"),
 * clears the password field after every try, and removes itself after a login. The page never
 * keeps the password: it goes to the session API once and the broker only ever sees a token.
 */
export class LoginPanel {
  readonly element: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly message: HTMLElement;
  private disposed = false;

  constructor(parent: HTMLElement, private readonly target: LoginTarget, private readonly o: LoginPanelOptions = {}) {
    const doc = parent.ownerDocument;
    ensureLoginStyles(doc);
    this.element = doc.createElement('section');
    this.element.className = 'panel login-panel';
    this.element.setAttribute('aria-labelledby', 'rc-login-title');
    const h = doc.createElement('h2');
    h.id = 'rc-login-title';
    h.textContent = o.title ?? 'Log in for live signs';
    this.form = doc.createElement('form');
    this.form.noValidate = false;
    this.form.append(
      field(doc, 'User name', 'username', 'text', 'username'),
      field(doc, 'Password', 'password', 'password', 'current-password'),
    );
    const submit = doc.createElement('button');
    submit.type = 'submit';
    submit.textContent = 'Log in';
    this.message = doc.createElement('p');
    this.message.className = 'login-message';
    this.message.setAttribute('role', 'alert');
    this.form.append(submit, this.message);
    this.element.append(h, this.form);
    parent.prepend(this.element);
    this.form.addEventListener('submit', this.onSubmit);
  }

  private readonly onSubmit = (e: Event): void => {
    e.preventDefault();
    const data = new FormData(this.form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    (this.form.elements.namedItem('password') as HTMLInputElement).value = '';
    if (!username || !password) {
      this.message.textContent = 'Enter your user name and password.';
      return;
    }
    this.form.setAttribute('aria-busy', 'true');
    this.message.textContent = 'Logging in…';
    this.target.login(username, password).then(
      (info) => { if (!this.disposed) { this.dispose(); this.o.onLoggedIn?.(info); } },
      (err: Error) => {
        this.form.removeAttribute('aria-busy');
        this.message.textContent = err.message;
      },
    );
  };

  /** Removes the panel and its listener; safe twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.form.removeEventListener('submit', this.onSubmit);
    this.element.remove();
  }
}

function field(doc: Document, label: string, name: string, type: string, autocomplete: string): HTMLLabelElement {
  const l = doc.createElement('label');
  l.className = 'login-field';
  l.textContent = label;
  const input = doc.createElement('input');
  input.name = name;
  input.type = type;
  input.required = true;
  input.autocomplete = autocomplete as AutoFill;
  l.append(input);
  return l;
}
