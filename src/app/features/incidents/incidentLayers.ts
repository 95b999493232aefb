import type { VehiclesMessage } from '../../../hub/incidents/VehicleMotion';
import type { PublishedIncident } from '../../../hub/incidents/IncidentService';
import type { PointLayer } from '../../../view/overlay/overlayLayers';
import { INCIDENT_SEVERITY_COLOURS, words } from '../../../ui/incidents/incidentText';

/** Incident scenes as markers in their severity colour; high and critical ones pulse while open. */
export function incidentSceneLayer(incidents: readonly PublishedIncident[]): PointLayer {
  return {
    kind: 'points',
    points: incidents.map((i) => ({
      id: `incident:${i.id}`, lonDeg: i.lonLat[0], latDeg: i.lonLat[1], color: INCIDENT_SEVERITY_COLOURS[i.severity], sizePx: 13,
      pulsing: (i.severity === 'high' || i.severity === 'critical') && i.status !== 'resolved' && i.status !== 'closed',
      title: `${i.id} ${words(i.type)}: ${words(i.status)}`,
    })),
  };
}

/** The dispatched vehicles where the hub says they are now: white while driving, green on scene. */
export function vehicleLayer(v: VehiclesMessage | null): PointLayer {
  return {
    kind: 'points',
    points: (v?.vehicles ?? []).map((p) => ({ id: `vehicle:${p.vehicleId}`, lonDeg: p.lonLat[0], latDeg: p.lonLat[1], color: p.state === 'on_scene' ? '#22c55e' : '#f8fafc', sizePx: 8, title: `${p.vehicleId} (${words(p.kind)}) → ${p.incidentId}` })),
  };
}
