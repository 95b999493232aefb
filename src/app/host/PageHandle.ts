/**
 * `window.twin`: what a page exposes to browser tests and operators' consoles (the view, the
 * overlay model, each feature's handle). The typed shape is declared once, in src/app/TwinHandle.ts.
 */
export class PageHandle {
  private readonly data: Record<string, unknown> = {};

  constructor(target: { twin?: unknown } = window as unknown as { twin?: unknown }) {
    target.twin = this.data;
  }

  expose(key: string, value: unknown): void {
    this.data[key] = value;
  }
}
