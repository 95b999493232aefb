// Point markers (sensors, incidents, alerts) as screen-space sprites; pulsing ones get room for a ring.
attribute vec3 color;
attribute float aSizePx;
attribute float aPulse;
attribute float aPhase;
uniform float uPixelRatio;
varying vec3 vColor;
varying float vPulse;
varying float vPhase;

void main() {
  vColor = color;
  vPulse = aPulse;
  vPhase = aPhase;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_PointSize = aSizePx * uPixelRatio * (aPulse > 0.5 ? 3.0 : 1.0);
}
