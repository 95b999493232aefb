// Moving water: a few travelling sine waves perturb the normal; day shows sky and sun glints,
// night a dark surface with cyan city-light shimmer. Fresnel lightens grazing views.
uniform float uTime;
uniform float uNight;
uniform vec3 uSunDir;
uniform vec3 uFogColor;
uniform vec2 uFogRangeM;
varying vec3 vWorldPos;
#include <logdepthbuf_pars_fragment>

vec3 waveNormal(vec2 p, float t) {
  vec2 g = vec2(0.0);
  g += vec2(0.8, 0.6) * cos(dot(p, vec2(0.8, 0.6)) * 0.09 + t * 1.3) * 0.09;
  g += vec2(-0.3, 0.95) * cos(dot(p, vec2(-0.3, 0.95)) * 0.17 + t * 1.9) * 0.06;
  g += vec2(0.7, -0.7) * cos(dot(p, vec2(0.7, -0.7)) * 0.31 + t * 2.7) * 0.04;
  return normalize(vec3(-g.x, 1.0, -g.y));
}

void main() {
  #include <logdepthbuf_fragment>
  vec3 n = waveNormal(vWorldPos.xz, uTime);
  vec3 v = normalize(cameraPosition - vWorldPos);
  float fresnel = pow(1.0 - max(dot(n, v), 0.0), 3.0);
  vec3 r = reflect(-v, n);
  float glint = pow(max(dot(r, uSunDir), 0.0), 80.0);
  vec3 day = mix(vec3(0.05, 0.22, 0.32), vec3(0.55, 0.7, 0.82), fresnel) + glint * 0.8;
  float shimmer = pow(max(n.x * 0.5 + n.z * 0.5 + 0.5, 0.0), 12.0);
  vec3 night = vec3(0.0, 0.02, 0.05) + vec3(0.0, 0.4, 0.6) * shimmer * 0.6 + vec3(0.05, 0.1, 0.18) * fresnel;
  vec3 c = mix(day, night, uNight);
  float d = length(vWorldPos - cameraPosition);
  c = mix(c, uFogColor, smoothstep(uFogRangeM.x, uFogRangeM.y, d));
  gl_FragColor = vec4(c, 0.92);
  #include <colorspace_fragment>
}
