import { describe, expect, it } from 'vitest';
import { ClickRouter, CLICK_PRIORITY } from './ClickRouter';
import { ColourChoices } from './ColourChoices';
import { parseRole, ROLE_LAYOUTS, SLOT_PLACES } from './roles';
import { ShortcutRegistry } from './ShortcutRegistry';
import { UrlState } from './UrlState';

const key = (k: string, target: object | null = null, mods = {}) => ({ key: k, target, ctrlKey: false, metaKey: false, altKey: false, ...mods }) as unknown as KeyboardEvent;

describe('ShortcutRegistry', () => {
  it('runs a key, refuses a clash naming both features, and ignores keys typed in fields', () => {
    const r = new ShortcutRegistry();
    let runs = 0;
    const off = r.add('h', 'Fly home', 'sceneMode', () => runs++);
    expect(() => r.add('H', 'Hide panel', 'other', () => {})).toThrow(/shortcut 'H' of other \("Hide panel"\) clashes with sceneMode \("Fly home"\)/);
    expect(r.handle(key('H'))).toBe(true);
    expect(r.handle(key('h', { tagName: 'INPUT' }))).toBe(false);
    expect(r.handle(key('h', null, { ctrlKey: true }))).toBe(false);
    expect(runs).toBe(1);
    r.describe('Enter', 'locate', 'liveSigns', 'alert list');
    expect(r.list().map((s) => `${s.scope}:${s.key}`)).toEqual(['global:h', 'alert list:Enter']);
    off();
    expect(r.handle(key('h'))).toBe(false);
    r.add('h', 'Hide panel', 'other', () => {});
  });
});

describe('UrlState', () => {
  it('sets only the keys a feature owns and keeps the others', () => {
    const loc = { search: '?city=demo&colour=use', pathname: '/', hash: '' };
    const u = new UrlState(loc, (url) => { loc.search = url.slice(url.indexOf('?')); });
    u.claim('colourBy', 'colour');
    expect(() => u.claim('other', 'colour')).toThrow(/owned by colourBy/);
    u.set('colourBy', { colour: 'height' });
    expect(loc.search).toBe('?city=demo&colour=height');
    expect(() => u.set('colourBy', { city: 'x' })).toThrow(/not owned by colourBy/);
    u.set('colourBy', { colour: null });
    expect(u.get('colour')).toBeNull();
    expect(() => new UrlState({ search: '?fly=abc', pathname: '/', hash: '' }).number('fly', 1, 0, 60)).toThrow(/"fly" must be a number in 0..60/);
  });
});

describe('ClickRouter', () => {
  it('offers a click to an armed tool first, then markers, then building info', () => {
    const r = new ClickRouter(), seen: string[] = [];
    r.add(CLICK_PRIORITY.building, () => { seen.push('building'); return true; });
    const offTool = r.add(CLICK_PRIORITY.tool, () => { seen.push('tool'); return true; });
    r.add(CLICK_PRIORITY.object, () => { seen.push('object'); return false; });
    const hit = { lonLat: null, building: null, objectId: null };
    r.dispatch(hit);
    offTool();
    r.dispatch(hit);
    expect(seen).toEqual(['tool', 'object', 'building']);
  });
});

describe('ColourChoices', () => {
  it('applies one colouring at a time and refuses unavailable ones with the reason', () => {
    const c = new ColourChoices(), log: string[] = [];
    const choice = (id: string, unavailable: string | null = null) => ({ id, label: id, group: '', unavailable, apply: () => { log.push(`+${id}`); return () => log.push(`-${id}`); } });
    c.add(choice('use'));
    c.add(choice('live:rain', 'no live feed'));
    c.select('use');
    expect(() => c.select('live:rain')).toThrow(/unavailable: no live feed/);
    c.setUnavailable('live:rain', null);
    c.select('live:rain');
    c.setUnavailable('live:rain', 'feed lost');
    expect(c.current).toBe('');
    expect(log).toEqual(['+use', '-use', '+live:rain', '-live:rain']);
    expect(() => c.select('nope')).toThrow(/no colouring 'nope'/);
  });
});

describe('roles', () => {
  it('places every section a role opens, and reads ?role= with a clear error', () => {
    for (const layout of Object.values(ROLE_LAYOUTS)) for (const id of layout.open) expect(SLOT_PLACES[id]).toBeDefined();
    expect(parseRole(null)).toBe('all');
    expect(parseRole('commander')).toBe('commander');
    expect(() => parseRole('mayor')).toThrow(/must be one of planner, analyst, commander \(got 'mayor'\)/);
  });
});
