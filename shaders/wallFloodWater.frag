// Flood water of the wall view. Colour: the legend's depth ramp (floodDepthScale: shallow pale
// blue to deep navy, sRGB, mixed by sqrt(depth / full depth)), more opaque with depth; dry cells
// are discarded. Animation: crossing ripples that drift with time brighten and darken the ramp a
// little (as shaders/floodWater.frag does in the workspace); opaque enough that the
// colour on screen reads as the legend's; by day the sun glints off them, by
// night a cyan shimmer keeps the sheet visible on the dark city without changing its hue.
uniform float uTime;
uniform float uNight;
uniform vec3 uSunDir;
uniform vec3 uFogColor;
uniform vec2 uFogRangeM;
uniform vec3 uShallow;
uniform vec3 uDeep;
uniform float uFullDepthM;
uniform float uWetM;
varying vec3 vWorldPos;
varying float vDepth;
#include <logdepthbuf_pars_fragment>

void main() {
  #include <logdepthbuf_fragment>
  if (vDepth < uWetM) discard;
  float t = clamp(vDepth / uFullDepthM, 0.0, 1.0);
  vec3 c = mix(uShallow, uDeep, sqrt(t));
  vec2 p = vWorldPos.xz;
  vec2 k1 = vec2(0.8, 0.6) * 0.33, k2 = vec2(-0.45, 0.9) * 0.23;
  float a1 = dot(p, k1) + uTime * 1.6;
  float a2 = dot(p, k2) - uTime * 1.1;
  float ripple = 0.5 * (sin(a1) + sin(a2));
  c += 0.04 * ripple;
  vec2 slope = 0.5 * (k1 * cos(a1) + k2 * cos(a2));
  vec3 n = normalize(vec3(-slope.x, 1.0, -slope.y));
  vec3 v = normalize(cameraPosition - vWorldPos);
  float glint = pow(max(dot(reflect(-v, n), uSunDir), 0.0), 60.0);
  c += (1.0 - uNight) * glint * 0.35;
  c += uNight * vec3(0.0, 0.06, 0.08) * max(ripple, 0.0);
  // The ramp is sRGB like the legend's swatches: to linear for fog, back to sRGB on output.
  vec3 lin = sRGBTransferEOTF(vec4(clamp(c, 0.0, 1.0), 1.0)).rgb;
  float d = length(vWorldPos - cameraPosition);
  lin = mix(lin, uFogColor, smoothstep(uFogRangeM.x, uFogRangeM.y, d));
  gl_FragColor = vec4(lin, 0.8 + 0.18 * t);
  #include <colorspace_fragment>
}
