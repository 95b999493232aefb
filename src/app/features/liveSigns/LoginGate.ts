import type { SessionClient } from '../../../auth/SessionClient';
import { LoginPanel } from '../../../ui/login/LoginPanel';
import type { FeatureHost } from '../../host/FeatureHost';

/**
 * Asks for a log-in while logged out: the form in the alert section (workspace); without one (the
 * wall), a line in the status bar, and the session is checked again every 10 s, so logging in on
 * any page of this browser (same origin, same cookie) brings the wall's live signs.
 */
export class LoginGate {
  private panel: LoginPanel | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly off: () => void;

  constructor(private readonly session: SessionClient, private readonly slot: HTMLElement | null, private readonly host: FeatureHost) {
    this.off = session.events.subscribe('session', (info) => (info ? this.clear() : this.ask()));
  }

  private ask(): void {
    if (this.slot && !this.panel) this.panel = new LoginPanel(this.slot, this.session, { onLoggedIn: () => { this.panel = null; } });
    if (!this.slot && !this.timer) {
      this.host.status('Live signs: not logged in (log in on the workspace in this browser)');
      this.timer = setInterval(() => { void this.session.resume().catch(() => {}); }, 10_000);
    }
  }

  private clear(): void {
    this.panel?.dispose();
    this.panel = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  dispose(): void {
    this.off();
    this.clear();
  }
}
