// Day: matte light-grey massing lit by a fixed sun. Night: dark glass, window rows and columns,
// a glow that grows with height (tall towers read as landmarks on a wall) and a bright roof-line edge.
// Overlay colours (feature colours by building id) replace the day colour and tint the night glow.
uniform float uNight;
uniform float uTime;
uniform vec3 uSunDir;
uniform vec3 uFogColor;
uniform vec2 uFogRangeM;
varying vec3 vWorldPos;
varying vec3 vNormalW;
varying vec2 vHeight;
varying vec4 vOverlay;
varying float vHash;
#include <logdepthbuf_pars_fragment>
#include <clipping_planes_pars_fragment>

vec3 dayColour(vec3 n) {
  vec3 base = mix(vec3(0.69, 0.69, 0.66), vOverlay.rgb, vOverlay.a);
  float light = 0.42 + 0.58 * max(dot(n, uSunDir), 0.0);
  return base * light;
}

vec3 nightColour(vec3 n) {
  float h = vHeight.x;
  float total = max(vHeight.y, 1.0);
  float along = h / total;
  float tall = clamp(total / 160.0, 0.0, 1.0);
  vec3 glow = mix(vec3(0.0, 0.16, 0.42), vec3(0.15, 0.75, 1.0), tall);
  glow = mix(glow, vOverlay.rgb * 1.3, vOverlay.a);
  vec3 glass = vec3(0.006, 0.012, 0.03);
  if (n.y > 0.7) {
    // Roofs: faint, so the roof-line edge of the walls carries the outline.
    return glass * 2.0 + glow * 0.12;
  }
  // Window grid: floors every 3.2 m, columns every 3.6 m along the wall.
  vec2 tangent = normalize(vec2(-n.z, n.x) + 1e-6);
  float s = dot(vWorldPos.xz, tangent);
  float fl = fract(h / 3.2), col = fract(s / 3.6);
  float window = step(0.3, fl) * step(fl, 0.75) * step(0.2, col) * step(col, 0.8);
  float floorIndex = floor(h / 3.2), colIndex = floor(s / 3.6);
  float lit = step(0.55, fract(sin(floorIndex * 7.13 + colIndex * 3.7 + vHash * 91.0) * 4375.85));
  vec3 warm = vec3(1.0, 0.72, 0.38);
  float rim = smoothstep(total - 2.2, total - 0.2, h) * step(h, total + 0.5);
  float base = 1.0 - smoothstep(0.0, 1.5, h);
  vec3 c = glass + glow * (0.05 + 0.55 * along * along * (0.4 + tall));
  // Windows under a pixel would sparkle on a wall: fade them to their average (27 % glazing x 45 % lit).
  float cell = max(fwidth(h / 3.2), fwidth(s / 3.6));
  float detail = 1.0 - smoothstep(0.3, 0.7, cell);
  c += warm * mix(0.12, window * lit, detail) * 0.35;
  c += glow * 2.2 * rim + glow * 0.5 * base;
  return c;
}

void main() {
  #include <clipping_planes_fragment>
  #include <logdepthbuf_fragment>
  vec3 n = normalize(vNormalW);
  vec3 c = mix(dayColour(n), nightColour(n), uNight);
  float d = length(vWorldPos - cameraPosition);
  float fog = smoothstep(uFogRangeM.x, uFogRangeM.y, d);
  gl_FragColor = vec4(mix(c, uFogColor, fog), 1.0);
  #include <colorspace_fragment>
}
