// Day: the painted ground map, lambert-lit. Night: the same map sunk to near black with the bright
// (road) pixels glowing amber. The drape texture covers uDrapeRect (scene xMin, zMin, xMax, zMax, m).
uniform sampler2D map;
uniform sampler2D uDrape;
uniform vec4 uDrapeRect;
uniform float uNight;
uniform vec3 uSunDir;
uniform vec3 uFogColor;
uniform vec2 uFogRangeM;
varying vec2 vUv;
varying vec3 vWorldPos;
varying vec3 vNormalW;
#include <logdepthbuf_pars_fragment>
#include <clipping_planes_pars_fragment>

void main() {
  #include <clipping_planes_fragment>
  #include <logdepthbuf_fragment>
  vec3 tex = texture2D(map, vUv).rgb;
  vec3 n = normalize(vNormalW);
  vec3 day = tex * (0.55 + 0.45 * max(dot(n, uSunDir), 0.0));
  float lum = dot(tex, vec3(0.2126, 0.7152, 0.0722));
  float sat = max(tex.r, max(tex.g, tex.b)) - min(tex.r, min(tex.g, tex.b));
  float road = smoothstep(0.35, 0.6, lum) * (1.0 - smoothstep(0.05, 0.2, sat));
  vec3 night = vec3(0.004, 0.008, 0.016) + tex * 0.05 + vec3(1.0, 0.55, 0.18) * road * 0.45;
  vec3 c = mix(day, night, uNight);
  vec2 st = (vWorldPos.xz - uDrapeRect.xy) / (uDrapeRect.zw - uDrapeRect.xy);
  if (st.x >= 0.0 && st.x <= 1.0 && st.y >= 0.0 && st.y <= 1.0) {
    // Canvas rows run north to south; scene z grows to the south.
    vec4 drape = texture2D(uDrape, st);
    c = mix(c, drape.rgb * mix(1.0, 1.4, uNight), drape.a);
  }
  float d = length(vWorldPos - cameraPosition);
  c = mix(c, uFogColor, smoothstep(uFogRangeM.x, uFogRangeM.y, d));
  gl_FragColor = vec4(c, 1.0);
  #include <colorspace_fragment>
}
