// A disc with a dark edge; pulsing markers (alerts) add a ring that expands and fades every 1.25 s.
uniform float uTime;
varying vec3 vColor;
varying float vPulse;
varying float vPhase;

void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  float r = length(p);
  float core = vPulse > 0.5 ? r * 3.0 : r;
  float disc = 1.0 - smoothstep(0.8, 1.0, core);
  float edge = smoothstep(0.6, 0.8, core) * disc;
  vec3 c = mix(vColor, vColor * 0.25, edge);
  float a = disc;
  if (vPulse > 0.5) {
    float t = fract(uTime * 0.8 + vPhase);
    float ringR = 0.33 + 0.67 * t;
    float ring = (1.0 - smoothstep(0.0, 0.08, abs(r - ringR))) * (1.0 - t);
    c = mix(vColor * 1.4, c, disc);
    a = max(a, ring);
  }
  if (a < 0.01) discard;
  gl_FragColor = vec4(c, a);
  #include <colorspace_fragment>
}
