// Point markers (sensors, incidents, alerts) as screen-space sprites; pulsing ones get room for a ring.
attribute vec3 color;
attribute float aSizePx;
attribute float aPulse;
attribute float aPhase;
attribute float aMaxRange; // m; 0 = always drawn
uniform float uPixelRatio;
varying vec3 vColor;
varying float vPulse;
varying float vPhase;

void main() {
  vColor = color;
  vPulse = aPulse;
  vPhase = aPhase;
  vec4 eye = modelViewMatrix * vec4(position, 1.0);
  gl_Position = projectionMatrix * eye;
  bool far = aMaxRange > 0.0 && length(eye.xyz) > aMaxRange;
  gl_PointSize = far ? 0.0 : aSizePx * uPixelRatio * (aPulse > 0.5 ? 3.0 : 1.0);
}
