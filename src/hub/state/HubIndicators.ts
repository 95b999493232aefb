import type { SignsStore } from '../../signs/SignsStore';
import { INDICATOR_TIERS } from '../topics';
import { combineDistricts } from './combineDistricts';
import { districtTiers, type DistrictTierUnits } from './DistrictTiers';
import { indicatorMessage, parseIndicatorMessage, type IndicatorMessage } from './IndicatorMessage';

/**
 * The indicator messages of one hub: per district it owns, one message per tier built from its
 * signs store; and, for the aggregating hub, the city tier combined from the district tier of
 * every district (its own and those other hubs publish).
 */
export class HubIndicators {
  readonly districts: readonly string[];
  private readonly tiers: Map<string, DistrictTierUnits>;
  private readonly latestDistrict = new Map<string, IndicatorMessage>();
  private publishedVersion = -1;

  constructor(private readonly signs: SignsStore, districts: readonly string[], private readonly head: { cityId: string; cityUnitId: string; hubId: string }) {
    this.districts = [...districts].sort();
    this.tiers = districtTiers(signs.units, this.districts);
  }

  /** Messages of every tier of every owned district; none when the indicators did not change (unless `force`). */
  districtMessages(timeMs: number, force = false): IndicatorMessage[] {
    const t = this.signs.indicators;
    if (!force && t.version === this.publishedVersion) return [];
    this.publishedVersion = t.version;
    const out: IndicatorMessage[] = [];
    for (const d of this.districts) {
      const units = this.tiers.get(d)!;
      for (const tier of INDICATOR_TIERS) {
        const m = indicatorMessage(t, this.signs.units, units[tier], { cityId: this.head.cityId, hubId: this.head.hubId, tier, districtId: d, timeMs });
        if (tier === 'district') this.latestDistrict.set(d, m);
        out.push(m);
      }
    }
    return out;
  }

  /** Keeps another hub's district-tier message (from `hub/<city>/indicators/district/+`). */
  takeDistrictMessage(payload: Uint8Array): void {
    const m = parseIndicatorMessage(payload);
    if (m?.tier === 'district' && m.districtId && m.cityId === this.head.cityId && !this.districts.includes(m.districtId)) this.latestDistrict.set(m.districtId, m);
  }

  /** The district-tier messages known, by district id. */
  get knownDistricts(): ReadonlyMap<string, IndicatorMessage> {
    return this.latestDistrict;
  }

  /** The city tier from every district known; null before any. */
  cityMessage(timeMs: number): IndicatorMessage | null {
    if (!this.latestDistrict.size) return null;
    const all = [...this.latestDistrict.keys()].sort().map((d) => this.latestDistrict.get(d)!);
    return combineDistricts(all, { cityId: this.head.cityId, hubId: this.head.hubId, cityUnitId: this.head.cityUnitId, timeMs });
  }
}
